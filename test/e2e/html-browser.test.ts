import { mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations, browserTitle, chromiumPresent, guard, launchChromium, openGuarded } from "../helpers/chromium.js";
import { headingLevels, layoutProblems, openAllDetails, stylesOf } from "../helpers/page-checks.js";
import { fixture, ROOT, runCli } from "../helpers/run-cli.js";

describe.skipIf(!chromiumPresent)(browserTitle("the HTML report in headless Chromium, network blocked"), () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-html-"));
  const file = join(dir, "report.html");
  const url = pathToFileURL(file).href;
  let browser: Browser;
  let page: Page;
  let attempted: string[];
  const open = async (options: BrowserContextOptions) => (await openGuarded(browser, url, options)).page;

  beforeAll(async () => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", `html=${file}`, "--title", "Child protection case audit", "--period", "April 2014 – March 2015"]);
    expect(run.code, run.stderr).toBe(0);
    browser = await launchChromium();
    ({ page, attempted } = await openGuarded(browser, url));
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

  test("the rendered text carries the figures, under its title", async () => {
    const text = await page.innerText("body");
    for (const expected of ["576 cases graded", "177 (30.7%)", "179 (31.1%)", "220 (38.2%)", "▼ lower", "Agreement with the inspectors", "The rubric used", "April 2014 – March 2015"]) {
      expect(text).toContain(expected);
    }
    expect(await page.title()).toBe("Child protection case audit");
    expect(await page.getAttribute("html", "lang")).toBe("en");
  });

  test("the chart: three segments and two labelled whiskers for each of the 8 forces and overall", async () => {
    const grades = page.locator("#grades .chart");
    expect(await grades.locator(".segment").count()).toBe(27);
    expect(await grades.locator(".whisker-line").count()).toBe(18);
    expect(await grades.locator(".segment span").allTextContents()).toContain("30.7%");
    expect(await grades.locator(".whisker-good .whisker-label").first().textContent()).toBe("29.7–51.8%");
    expect(await grades.getAttribute("role")).toBe("img");
    expect(await grades.getAttribute("aria-label")).toContain("the table below holds every figure");
  });

  test("a whisker spans its interval on the bar's scale, and sits on the segment it belongs to", async () => {
    const spans = await page.locator("#grades .chart-row").first().evaluate((row) => {
      const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect();
      const track = box(".bar");
      const at = (x: number) => (x - track.left) / track.width;
      return { good: [at(box(".whisker-good .whisker-line").left), at(box(".whisker-good .whisker-line").right)], goodEnd: at(box(".segment-good").right) };
    });
    // Dyfed-Powys: good 40.3%, its interval 29.7–51.8%.
    expect(spans.good[0]).toBeCloseTo(0.297, 2);
    expect(spans.good[1]).toBeCloseTo(0.518, 2);
    expect(spans.goodEnd).toBeCloseTo(0.403, 2);
  });

  test("the breakdown is a small chart per rule, its tables collapsed below", async () => {
    expect(await page.locator("#breakdown .multiples .panel").count()).toBe(5);
    expect(await page.locator("#breakdown .panel .chart-row:not(.chart-axis)").count()).toBe(5 * 9);
    const tables = page.locator("#breakdown details table");
    expect(await tables.count()).toBe(9);
    expect(await tables.first().isVisible()).toBe(false);
    await page.locator("#breakdown details summary").click();
    expect(await tables.first().isVisible()).toBe(true);
  });

  test("every table has a caption and scoped headers", async () => {
    const tables = await page.locator("table").count();
    expect(tables).toBeGreaterThan(10);
    expect(await page.locator("table > caption").count()).toBe(tables);
    expect(await page.locator("th:not([scope])").count()).toBe(0);
  });

  test("headings go down one level at a time, from one h1", async () => {
    const levels = await headingLevels(page);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
  });

  test.each<[string, BrowserContextOptions]>([
    ["light", { colorScheme: "light" }],
    ["dark", { colorScheme: "dark" }],
    ["forced colours", { forcedColors: "active" }],
    ["200% zoom", { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
    ["a 320-pixel screen", { viewport: { width: 320, height: 640 } }],
  ])("axe-core finds no WCAG 2.2 A or AA violation: %s", async (_mode, options) => {
    const view = await open(options);
    await openAllDetails(view);
    expect(await axeViolations(view)).toEqual([]);
    await view.context().close();
  });

  test.each<[string, BrowserContextOptions]>([
    ["200% zoom", { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
    ["a 320-pixel screen", { viewport: { width: 320, height: 640 } }],
    ["a desktop", { viewport: { width: 1280, height: 800 } }],
  ])("reflows without sideways scrolling or cut-off labels: %s", async (_mode, options) => {
    const view = await open(options);
    await openAllDetails(view);
    expect(await layoutProblems(view)).toEqual([]);
    await view.context().close();
  });

  test("dark: the page follows the system's dark scheme", async () => {
    const view = await open({ colorScheme: "dark" });
    const [root] = await stylesOf(view, "html", ["backgroundColor", "color"]);
    expect(root).toEqual({ backgroundColor: "rgb(20, 20, 20)", color: "rgb(236, 236, 236)" });
    await view.context().close();
  });

  test("forced colours: the grades keep their patterns, drawn in the system's colours, with readable labels", async () => {
    const view = await open({ forcedColors: "active" });
    const [good, adequate, inadequate] = await stylesOf(view, "#grades .chart-row:first-child .segment", ["backgroundImage", "backgroundColor", "forcedColorAdjust"]);
    const [goodLabel, adequateLabel] = await stylesOf(view, "#grades .chart-row:first-child .segment span", ["color", "backgroundColor"]);
    expect(good!.backgroundColor).not.toBe(goodLabel!.color);
    expect([adequate!.backgroundImage, inadequate!.backgroundImage]).not.toContain("none");
    expect(adequateLabel!.backgroundColor).not.toBe(adequateLabel!.color);
    await view.context().close();
  });

  test("prints: under print media the chart and tables are still shown, the contents list is not", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#grades .chart").isVisible()).toBe(true);
    expect(await page.locator("table.grades").isVisible()).toBe(true);
    expect(await page.locator("nav").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  test("a screenshot is kept as a test artifact", async () => {
    const out = join(ROOT, "test-artifacts", "report.png");
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });
});
