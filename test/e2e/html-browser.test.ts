import { existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixture, ROOT, runCli } from "../helpers/run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const title = present
  ? "the HTML report in headless Chromium, network blocked"
  : `SKIPPED: ${CHROMIUM} is absent; install Debian's chromium (apt-get install chromium, as .ci/run does) to run the browser test`;
if (!present) console.warn(`audit: ${title}`);

/** Lets the page load `allowed` alone: every other request is recorded and aborted. */
async function guard(context: BrowserContext, allowed: string, attempted: string[]): Promise<void> {
  await context.route("**/*", (route) => {
    if (route.request().url() === allowed) return route.continue();
    attempted.push(route.request().url());
    return route.abort();
  });
}

describe.skipIf(!present)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-html-"));
  const file = join(dir, "report.html");
  const url = pathToFileURL(file).href;
  const attempted: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", `html=${file}`]);
    expect(run.code, run.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await guard(context, url, attempted);
    page = await context.newPage();
    page.on("request", (request) => {
      if (request.url() !== url) attempted.push(request.url());
    });
    await page.goto(url, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("loads from the file alone: no other request is attempted", () => {
    expect(attempted).toEqual([]);
  });

  test("the guard works: a page that does fetch is caught", async () => {
    const caught: string[] = [];
    const context = await browser.newContext();
    await guard(context, "about:blank", caught);
    const probe = await context.newPage();
    await probe.setContent('<img src="http://audit.invalid/pixel.png">', { waitUntil: "load" });
    await context.close();
    expect(caught).toEqual(["http://audit.invalid/pixel.png"]);
  });

  test("the rendered text carries the figures", async () => {
    const text = await page.innerText("body");
    for (const expected of ["576 cases graded", "177 (30.7%)", "179 (31.1%)", "220 (38.2%)", "▼ lower", "Agreement with the inspectors", "The rubric used"]) {
      expect(text).toContain(expected);
    }
    expect(await page.title()).toBe(`Case audit: ${fixture("hmic-2015.csv")}`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
  });

  test("the chart: three bar segments and two whiskers for each of the 8 forces and overall, labelled", async () => {
    expect(await page.locator("svg.chart rect.bar").count()).toBe(27);
    expect(await page.locator("svg.chart line.whisker").count()).toBe(18);
    const labels = await page.locator("svg.chart text.segment-label").allTextContents();
    expect(labels).toContain("30.7%");
    const box = await page.locator("svg.chart").boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    const name = await page.locator("svg.chart").getAttribute("aria-labelledby");
    for (const id of name!.split(" ")) expect(await page.locator(`#${id}`).count()).toBe(1);
  });

  test("every table has a caption and scoped headers", async () => {
    const tables = await page.locator("table").count();
    expect(tables).toBeGreaterThan(10);
    expect(await page.locator("table > caption").count()).toBe(tables);
    expect(await page.locator("th:not([scope])").count()).toBe(0);
  });

  test("prints: under print media the chart and tables are still shown", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("svg.chart").isVisible()).toBe(true);
    expect(await page.locator("table.grades").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  test("a screenshot is kept as a test artifact", async () => {
    const out = join(ROOT, "test-artifacts", "report.png");
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });
});
