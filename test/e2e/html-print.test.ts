import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { browserTitle, chromiumPresent, launchChromium, openGuarded } from "../helpers/chromium.js";
import { pdfTableRows } from "../helpers/pdf-rows.js";
import { fixture, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-print-"));

/** The 2015 fixture with its cases spread over 40 forces with long names: rows of several lines, tables that run over pages. */
function fortyForces(): string {
  const [header, ...lines] = readFileSync(fixture("hmic-2015.csv"), "utf8").trim().split("\n");
  const spread = lines.map((line, i) =>
    line.replace(/^([^,]*),([^,]*),/, (_all, id: string) => `${id},Force ${String(i % 40).padStart(2, "0")} of the very long named constabulary for the county of somewhere and its borough councils,`),
  );
  const path = join(dir, "forty.csv");
  writeFileSync(path, [header, ...spread, ""].join("\n"));
  return path;
}

describe.skipIf(!chromiumPresent)(browserTitle("the HTML report printed to A4 by Chromium"), () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Scores `input` to HTML, prints it as Chromium prints it (the page's own A4 size), and reads the PDF's table rows back. */
  async function print(input: string) {
    const html = join(dir, `${Math.random().toString(36).slice(2)}.html`);
    const run = await runCli(["score", input, "-f", `html=${html}`, "-q"]);
    expect([0, 1], run.stderr).toContain(run.code);
    const { page, context } = await openGuarded(browser, pathToFileURL(html).href);
    const pdf = await page.pdf({ preferCSSPageSize: true, tagged: true });
    await context.close();
    return { pdf, ...pdfTableRows(pdf) };
  }

  test("the 2015 fixture prints on a handful of A4 pages, no table row split between two", async () => {
    const { pdf, pages, rows } = await print(fixture("hmic-2015.csv"));
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(10);
    expect(rows.filter((row) => !row.header).length).toBeGreaterThan(40);
    expect(rows.filter((row) => !row.header && row.pages.size !== 1)).toEqual([]);
  });

  test("forty forces with long names: tables run over many pages, their heads repeat, no row is split", async () => {
    const { pages, rows } = await print(fortyForces());
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThan(60);
    // The grade table's head is drawn again on each page the table runs onto.
    expect(rows.some((row) => row.header && row.pages.size > 1)).toBe(true);
    expect(rows.filter((row) => !row.header && row.pages.size !== 1)).toEqual([]);
  });
});
