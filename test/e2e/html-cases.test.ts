import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations, browserTitle, chromiumPresent, launchChromium, openGuarded } from "../helpers/chromium.js";
import { layoutProblems } from "../helpers/page-checks.js";
import { fixture, runCli } from "../helpers/run-cli.js";

interface JsonCase {
  case_id: string;
  group: string;
  grade: string;
  rules: { id: string; rating: string; findings: { code: string; message: string }[] }[];
}

const dir = mkdtempSync(join(tmpdir(), "audit-cases-"));
const KEY = { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };

describe("--html-cases on the command line", () => {
  test.each([
    ["with --suppress-below: refused, since a list of every case gives the hidden counts away", ["--html-cases", "-f", `html=${join(dir, "a.html")}`, "--suppress-below", "5"], /--html-cases lists every case.*--suppress-below/],
    ["-f html-cases=FILE with --suppress-below: refused the same", ["-f", `html-cases=${join(dir, "b.html")}`, "--suppress-below", "5"], /--html-cases lists every case/],
    ["without an HTML output: names the output to add", ["--html-cases", "-f", "json"], /there is none: add -f html=FILE/],
  ])("%s", async (_name, args, message) => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  test("the report for publication carries no case and no script; --html-cases turns the same -f html into the drill-down", async () => {
    const plain = join(dir, "plain.html");
    const drill = join(dir, "drill.html");
    expect((await runCli(["score", fixture("hmic-2015.csv"), "-f", `html=${plain}`, "-q"])).code).toBe(0);
    expect((await runCli(["score", fixture("hmic-2015.csv"), "-f", `html=${drill}`, "--html-cases", "-q"])).code).toBe(0);
    const [publication, internal] = [readFileSync(plain, "utf8"), readFileSync(drill, "utf8")];
    expect(publication).not.toContain("<script");
    expect(publication).not.toContain("NFK-0070");
    expect(publication).toContain("default-src 'none'; style-src 'unsafe-inline'\"");
    expect(internal).toContain("NFK-0070");
    expect(internal).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+='/);
    expect(internal).toContain("For internal review, not for publication");
  });

  test("--redact: the drill-down holds only the keyed hashes of the case ids", async () => {
    const file = join(dir, "redacted.html");
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", `html-cases=${file}`, "-f", "json", "--redact"], { env: KEY });
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(file, "utf8");
    const hashes = (JSON.parse(run.stdout).cases as JsonCase[]).map((c) => c.case_id);
    expect(page).not.toMatch(/[A-Z]{2,4}-\d{4}/);
    for (const hash of hashes.slice(0, 20)) expect(page).toContain(`"${hash}"`);
  });
});

describe.skipIf(!chromiumPresent)(browserTitle("the drill-down in Chromium: filters, search, a case opened by keyboard"), () => {
  const file = join(dir, "cases.html");
  let browser: Browser;
  let page: Page;
  let attempted: string[];
  let cases: JsonCase[];
  const errors: string[] = [];
  const status = () => page.locator("#case-status").textContent();
  const shownIds = () => page.locator("#case-rows th button").allTextContents();

  beforeAll(async () => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", `html=${file}`, "--html-cases", "-f", "json", "-q"]);
    expect(run.code, run.stderr).toBe(0);
    cases = JSON.parse(run.stdout).cases;
    browser = await launchChromium();
    ({ page, attempted } = await openGuarded(browser, pathToFileURL(file).href));
    // Loaded again with the listeners on: a script the policy refused would be reported as an error.
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    page.on("pageerror", (error) => void errors.push(error.message));
    await page.reload();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("its script runs under the page's policy, fetches nothing, and lists the first page of every case", async () => {
    expect(attempted).toEqual([]);
    expect(errors).toEqual([]);
    expect(await status()).toBe(`Showing cases 1–50 of ${cases.length} that match (${cases.length} in all).`);
    expect(await shownIds()).toEqual(cases.slice(0, 50).map((c) => c.case_id));
  });

  test("next page, then back", async () => {
    await page.locator("#case-next").click();
    expect(await shownIds()).toEqual(cases.slice(50, 100).map((c) => c.case_id));
    expect(await page.locator("#case-page").textContent()).toBe(`Page 2 of ${Math.ceil(cases.length / 50)}`);
    await page.locator("#case-previous").click();
    expect(await page.locator("#case-previous").isDisabled()).toBe(true);
  });

  test("searching by a part of the case id, any case", async () => {
    await page.locator("#case-search").fill("nfk-00");
    const expected = cases.filter((c) => c.case_id.toLowerCase().includes("nfk-00")).map((c) => c.case_id);
    expect(expected.length).toBeGreaterThan(1);
    expect(await shownIds()).toEqual(expected.slice(0, 50));
    await page.locator("#case-search").fill("no such case");
    expect(await status()).toBe(`No case matches (${cases.length} in all).`);
    await page.locator("#case-search").fill("");
  });

  test.each([
    ["a group", { group: "Norfolk" }, (c: JsonCase) => c.group === "Norfolk"],
    ["a grade", { grade: "inadequate" }, (c: JsonCase) => c.grade === "inadequate"],
    ["a group and a grade together", { group: "Dyfed-Powys", grade: "good" }, (c: JsonCase) => c.group === "Dyfed-Powys" && c.grade === "good"],
    ["what one rule rated", { rule: "timeliness", rating: "inadequate" }, (c: JsonCase) => c.rules.some((r) => r.id === "timeliness" && r.rating === "inadequate")],
    ["cases some rule rated n/a", { rating: "n/a" }, (c: JsonCase) => c.rules.some((r) => r.rating === "n/a")],
  ])("filtering by %s shows exactly the cases the JSON report has so", async (_name, choice, keep) => {
    const labels: Record<string, string> = { group: "#case-group", grade: "#case-grade", rule: "#case-rule", rating: "#case-rating" };
    for (const [name, value] of Object.entries(choice)) await page.locator(labels[name]!).selectOption({ label: name === "grade" ? value[0]!.toUpperCase() + value.slice(1) : value });
    const expected = cases.filter(keep);
    expect(await status()).toBe(`Showing cases 1–${Math.min(50, expected.length)} of ${expected.length} that match (${cases.length} in all).`);
    expect(await shownIds()).toEqual(expected.slice(0, 50).map((c) => c.case_id));
    for (const selector of Object.values(labels)) await page.locator(selector).selectOption({ index: 0 });
  });

  test("a case opens by keyboard onto its rules' ratings and findings, and closes again", async () => {
    const target = cases.find((c) => c.rules.some((r) => r.findings.length > 0))!;
    await page.locator("#case-search").fill(target.case_id);
    const button = page.locator("#case-rows th button").first();
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const detail = page.locator(`#${await button.getAttribute("aria-controls")}`);
    expect(await detail.isVisible()).toBe(true);
    const rows = await detail.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? "").trim())));
    expect(rows).toEqual(target.rules.map((r) => [r.id, r.rating, r.findings.map((f) => `${f.code}: ${f.message}`).join("")]));
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Space");
    expect(await detail.isVisible()).toBe(false);
    await page.locator("#case-search").fill("");
  });

  test("axe-core finds no WCAG 2.2 A or AA violation in the drill-down, and it reflows on a 320-pixel screen", async () => {
    expect(await axeViolations(page)).toEqual([]);
    const narrow = await openGuarded(browser, pathToFileURL(file).href, { viewport: { width: 320, height: 640 } });
    await narrow.page.locator("#case-rows th button").first().click();
    expect(await layoutProblems(narrow.page)).toEqual([]);
    expect(await axeViolations(narrow.page)).toEqual([]);
    await narrow.context.close();
  });
});
