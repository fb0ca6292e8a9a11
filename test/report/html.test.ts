import { describe, expect, test } from "vitest";
import { SEGMENT_COLOURS } from "../../src/report/_html-chart.js";
import { HTML_STYLE, PALETTES } from "../../src/report/_html-style.js";
import { htmlReporter } from "../../src/report/html.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, poorRow, render } from "./audit-run.js";

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("html reporter", async () => {
  const run = await auditFile(HMIC);
  const html = render(htmlReporter(), run);

  test("one self-contained document: no script, nothing to fetch, a policy that forbids fetching", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<svg|\bsrc=|\bhref="[^#]|@import|url\(/i);
    expect(html.match(/https?:\/\/[^\s"']+/g)).toBeNull();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain("@media print");
  });

  test("a stacked bar of three segments and two labelled whiskers per group and overall, as one image with a name", () => {
    const grades = html.slice(html.indexOf('<section id="grades"'), html.indexOf("</section>"));
    const bars = run.summary.groups.length + 1;
    expect(count(grades, /<div class="segment segment-(good|adequate|inadequate)" style="width:\d+\.\d\d%"><span>\d+\.\d%<\/span>/g)).toBe(3 * bars);
    expect(count(grades, /<span class="whisker-line" style="left:[\d.]+%;width:[\d.]+%"><span class="whisker-label label-(left|right|middle)">[\d.]+–[\d.]+%<\/span>/g)).toBe(2 * bars);
    expect(grades).toMatch(/<div class="chart" role="img" aria-label="Case grades by force: [^"]+the table below holds every figure">/);
  });

  test("real table markup behind the chart and every section: captions and scoped headers", () => {
    const tables = count(html, /<table/g);
    expect(tables).toBeGreaterThanOrEqual(1 + 1 + 9 + 2 + 1);
    expect(count(html, /<caption>/g)).toBe(tables);
    expect(count(html, /<th scope="col">/g)).toBeGreaterThan(0);
    expect(html).not.toMatch(/<th>/);
    expect(html).toContain("<th scope=\"row\">Norfolk</th>");
  });

  test("the figures: 576 graded, 30.7% good, Norfolk flagged lower, kappa, the rubric", () => {
    for (const text of ["576 cases graded", "177 (30.7%)", "220 (38.2%)", "▼ lower", "0.70 (0.65–0.75)", "80.0% (76.5–83.1)", "risk-assessment", "sha256:"]) {
      expect(html).toContain(text);
    }
  });

  test.each(Object.entries(PALETTES))("text reads at 4.5:1 or better in the %s palette: every text colour on the page and on table heads", (_name, palette) => {
    for (const colour of [palette.text, palette.muted, palette.link, palette.goodInk, palette.inadequateInk]) {
      expect(contrast(colour, palette.bg), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, palette.head), colour).toBeGreaterThanOrEqual(4.5);
    }
    // Lines that carry meaning (whiskers, bar outlines, the focus ring) at 3:1 at least.
    for (const colour of [palette.text, palette.focus, palette.goodInk, palette.inadequateInk]) expect(contrast(colour, palette.bg), colour).toBeGreaterThanOrEqual(3);
  });

  test("the stylesheet uses only the palettes' colours for text, and labels read on their segments", () => {
    const literal = [...HTML_STYLE.matchAll(/(?:^|[;{\s])color:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase());
    const segmentText = Object.values(SEGMENT_COLOURS).map(({ text }) => text);
    for (const colour of literal) expect(segmentText, colour).toContain(colour);
    for (const [grade, { base, mark, text }] of Object.entries(SEGMENT_COLOURS)) {
      expect(contrast(text, base), grade).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, mark), grade).toBeGreaterThanOrEqual(4.5);
    }
  });

  test("names from the data are escaped wherever they appear", async () => {
    const hostile = `<script>alert("x")</script> & 'co'`;
    const small = await auditRows([goodRow("A-1", `"${hostile.replace(/"/g, '""')}"`), poorRow("A-2", "Avon"), adequateRow("A-3", "Avon")]);
    // A case the inspector graded good and the tool inadequate, so that its id is listed too.
    small.summary.agreement.overall[0]![2] = 1;
    small.summary.agreement.apart.push({ case_id: "<b>id</b>", group: "Avon", inspector: "good", tool: "inadequate" });
    const page = htmlReporter().end(small.summary, small.meta);
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<b>id</b>");
    expect(page).toContain("&lt;b&gt;id&lt;/b&gt;");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
  });

  test("under --suppress-below, hidden figures show the marker and per-group agreement is withheld", () => {
    const page = render(htmlReporter({ suppressBelow: 20 }), run);
    expect(page).toContain("[c]");
    expect(page).toContain("withheld under --suppress-below");
    expect(page).toContain("Counts below 20 are suppressed");
    expect(page).not.toContain("Dyfed-Powys: adequate 25 of 72");
  });

  test("a run without inspector grades says agreement cannot be measured", async () => {
    const page = render(htmlReporter(), await auditRows([goodRow("A-1", "Avon")]));
    expect(page).toContain("No record carries an inspector grade");
  });
});
