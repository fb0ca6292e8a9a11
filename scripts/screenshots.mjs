#!/usr/bin/env node
// Screenshots of the HTML report for fixtures/hmic-2015.csv, for the docs: light, dark, as printed, and the
// drill-down with a case open. Run `npm run build && node scripts/screenshots.mjs [folder]` (default
// docs/images); it needs Chromium (CHROMIUM, default /usr/bin/chromium) and writes nothing else.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const out = resolve(process.argv[2] ?? join(ROOT, "docs", "images"));
const work = mkdtempSync(join(tmpdir(), "audit-screenshots-"));
const report = join(work, "report.html");
const drillDown = join(work, "cases.html");

try {
  // The report for publication, and the drill-down for internal review.
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "audit.js"), "score", join(ROOT, "fixtures", "hmic-2015.csv"), "-f", `html=${report}`, "-f", `html-cases=${drillDown}`, "-q",
      "--title", "Child protection case audit", "--period", "April 2014 – March 2015", "--publisher", "An inspectorate"],
    // A fixed date: the screenshots change only when the report does.
    { env: { ...process.env, SOURCE_DATE_EPOCH: "1430438400" }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`audit score failed (exit ${run.status}): ${run.stderr.trim()}`);
  mkdirSync(out, { recursive: true });

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const shoot = async (name, options, act, file = report) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1100 }, ...options });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const target = (await act?.(page)) ?? page;
    await target.screenshot({ path: join(out, `${name}.png`) });
    await context.close();
    console.log(join(out, `${name}.png`));
  };
  await shoot("report-light", { colorScheme: "light" });
  await shoot("report-dark", { colorScheme: "dark" });
  // An A4 page's width at 96 dpi, as the browser lays it out to print.
  await shoot("report-print", { viewport: { width: 794, height: 1123 } }, async (page) => void (await page.emulateMedia({ media: "print" })));
  await shoot("report-cases", { colorScheme: "light" }, async (page) => {
    await page.selectOption("#case-group", { label: "Norfolk" });
    await page.selectOption("#case-grade", { label: "Inadequate" });
    await page.locator("#case-rows th button").first().click();
    return page.locator("#cases");
  }, drillDown);
  await browser.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
