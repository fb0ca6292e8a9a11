import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { problemKind } from "../../src/report/_html-invalid.js";
import { htmlReporter } from "../../src/report/html.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, INVALID, poorRow, render } from "./audit-run.js";
import { multiAgency } from "../../src/rules/multi-agency/rule.js";
import { timeliness } from "../../src/rules/timeliness/rule.js";
import { defaultsOf } from "../helpers/rule-defaults.js";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The text of one section of a page, tags dropped and entities read. */
function sectionText(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return page
    .slice(start, page.indexOf("</section>", start))
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

const GENERATED = new Date(Date.UTC(2015, 5, 30, 9, 5));

describe("the HTML report says what it is", async () => {
  const run = await auditFile(HMIC);
  const sha256 = createHash("sha256").update(readFileSync(HMIC)).digest("hex");

  test("without a title it reads 'Case audit: <file name>', the folders left out", () => {
    const page = render(htmlReporter({ generated: GENERATED }), run);
    expect(page).toContain("<title>Case audit: hmic-2015.csv</title>");
    expect(page).toContain("<h1>Case audit: hmic-2015.csv</h1>");
    expect(page).not.toContain("fixtures/");
  });

  test("the title, period and publisher given, at the top", () => {
    const labels = { title: "Child protection: case audit", period: "April 2014 – March 2015", publisher: "HM Inspectorate" };
    const page = render(htmlReporter({ generated: GENERATED, labels }), run);
    const header = page.slice(page.indexOf("<header>"), page.indexOf("</header>"));
    expect(page).toContain("<title>Child protection: case audit</title>");
    expect(header.indexOf("HM Inspectorate")).toBeLessThan(header.indexOf("<h1>Child protection: case audit</h1>"));
    expect(header).toContain('<p class="period">April 2014 – March 2015</p>');
  });

  test("the date generated, the tool version, the rubric hash and the input's SHA-256", () => {
    const page = render(htmlReporter({ generated: GENERATED }), { ...run, meta: { ...run.meta, inputSha256: sha256 } });
    const header = page.slice(page.indexOf("<header>"), page.indexOf("</header>")).replace(/<[^>]+>/g, "");
    expect(page).toContain('<time datetime="2015-06-30T09:05:00.000Z">30 June 2015, 09:05 UTC</time>');
    expect(header).toContain("audit 0.0.0-test");
    expect(header).toContain(`hmic-2015.csv, SHA-256 ${sha256}`);
    expect(header).toMatch(/Rubricsha256:[0-9a-f]{64}/);
  });

  test("an input whose hash could not be taken says so", () => {
    const page = render(htmlReporter({ generated: GENERATED }), run);
    expect(page).toContain("SHA-256 not taken");
  });
});

describe("the HTML report explains", async () => {
  const run = await auditFile(HMIC);
  const page = render(htmlReporter({ generated: GENERATED }), run);

  test("the rubric in words: each rule's own description and fields, its options as a table, never JSON", () => {
    const rubric = sectionText(page, "rubric");
    for (const { rule } of run.meta.rubric.rules) {
      expect(rubric).toContain(rule.description);
      expect(rubric).toContain(`Reads ${rule.fields.join(", ")}.`);
    }
    expect(rubric).toContain("Each case takes the grade of its worst rule");
    expect(page).toContain(`<th scope="row">strategy_discussion.adequate</th><td>${defaultsOf(timeliness).strategy_discussion.adequate}</td>`);
    expect(page).toContain(`<th scope="row">health_for</th><td>${defaultsOf(multiAgency).health_for.join(", ")}</td>`);
    expect(rubric).not.toMatch(/[{}[\]]/);
  });

  test("the points strategy and critical rules in a sentence, weights and changed options beside their defaults", async () => {
    const points = await auditFile(HMIC);
    const [first, second] = points.meta.rubric.rules;
    points.meta.rubric = {
      ...points.meta.rubric,
      strategy: { name: "points", good: 1.5, adequate: 0.75, weights: { [first!.rule.id]: 3 } },
      rules: [{ ...first!, critical: true, options: { good: 2, adequate: 3 } }, second!],
    };
    const rubric = sectionText(render(htmlReporter({ generated: GENERATED }), points), "rubric");
    expect(rubric).toContain("scores 2 for good, 1 for adequate, 0 for inadequate");
    expect(rubric).toContain("good when its weighted mean is 1.5 or more, adequate at 0.75 or more");
    expect(rubric).toContain(`Critical rules (${first!.rule.id})`);
    expect(rubric).toContain("Weight 3.");
    expect(rubric).toMatch(/OptionSettingDefault\s*good\s*2\s*1\s*adequate\s*3\s*same/);
  });

  test("every group says whether it was tested against the rest, and why not", async () => {
    const grades = sectionText(page, "grades");
    expect(grades).toContain("Against the rest");
    expect(grades).toContain("▼ lower");
    expect(grades.match(/no difference/g)?.length).toBe(run.summary.groups.length - 1);
    const small = await auditRows([...["A-1", "A-2", "A-3"].map((id) => goodRow(id, "Avon")), poorRow("B-1", "Bath"), adequateRow("B-2", "Bath")]);
    const few = sectionText(render(htmlReporter({ generated: GENERATED }), small), "grades");
    expect(few.match(/not tested: too few cases/g)?.length).toBe(2);
    expect(few).toContain("would expect fewer than 5 inadequate or 5 other cases (too few cases)");
  });

  test("under --suppress-below a group with a hidden count says it was not tested for that reason", () => {
    const grades = sectionText(render(htmlReporter({ generated: GENERATED, suppressBelow: 20 }), run), "grades");
    expect(grades).toMatch(/Norfolk[^]*?not tested: counts hidden/);
    expect(grades).not.toContain("▼ lower");
  });

  test("a rubric that renames a grade has it renamed wherever the report names grades", async () => {
    const renamed = await auditFile(HMIC);
    renamed.meta.rubric = { ...renamed.meta.rubric, grades: { good: "good", adequate: "requires improvement", inadequate: "inadequate" } };
    const page = render(htmlReporter({ generated: GENERATED }), renamed);
    expect(page).toContain('<span class="swatch segment-adequate"></span>Requires improvement</span>');
    expect(page).toContain('<th scope="col">Requires improvement</th>');
    expect(sectionText(page, "rubric")).toContain("and requires improvement otherwise");
    expect(sectionText(page, "breakdown")).toContain("good, requires improvement and inadequate as shares");
    // Left: class names, and the options named adequate (the rules' own keys).
    expect(page.replace(/segment-adequate|<th scope="row">(\w+\.)?adequate<\/th>/g, "")).not.toMatch(/\b[Aa]dequate\b/);
  });

  test("what the intervals and flags mean, next to them", () => {
    const grades = sectionText(page, "grades");
    expect(grades).toContain("[low–high]: the share's 95% Wilson score interval");
    expect(grades).toContain("Holm-corrected across the 8 groups tested, at 0.05");
  });
});

describe("the HTML report accounts for invalid records", async () => {
  const run = await auditFile(INVALID);

  test("counts by field and by kind of problem, with the data's values left out of the kinds", () => {
    const page = render(htmlReporter({ generated: GENERATED }), run);
    expect(page).toContain(`Problems by field, in ${run.invalid.length} invalid records`);
    expect(page).toContain('<th scope="row">child_role</th><td>unknown value &quot;…&quot;; expected one of victim');
    expect(page).toContain('<th scope="row">reported_on</th><td>not a date: day # in &quot;…&quot;</td><td>1</td>');
  });

  test("the first records by location, with their case ids", () => {
    const page = render(htmlReporter({ generated: GENERATED }), run);
    expect(page).toContain('<th scope="row">line 8</th><td>GMP-0302</td><td>child_role</td><td>unknown value &quot;offender&quot;');
  });

  test.each([
    ["--redact", { redacted: true }],
    ["--suppress-below", { suppressBelow: 3 }],
  ])("under %s, no location or case id is listed", (_flag, options) => {
    const page = render(htmlReporter({ generated: GENERATED, ...options }), run);
    const invalid = sectionText(page, "invalid");
    expect(invalid).toContain("is not listed");
    expect(invalid).not.toContain("line 8");
    expect(invalid).not.toContain("GMP-0302");
  });

  test("under --suppress-below the counts by field and problem are withheld too", () => {
    const invalid = sectionText(render(htmlReporter({ generated: GENERATED, suppressBelow: 3 }), run), "invalid");
    expect(invalid).toContain("withheld under --suppress-below");
    expect(invalid).not.toContain("Problems by field");
  });

  test("a run without invalid records says so", async () => {
    expect(sectionText(render(htmlReporter({ generated: GENERATED }), await auditFile(HMIC)), "invalid")).toContain("Every record read was valid.");
  });

  test.each([
    ["a quoted value", 'not a date: day 30 in "2015-02-30"', 'not a date: day # in "…"'],
    ["quoted separators kept, the value hidden", 'lists are separated by ";", not "," (got "a,b")', 'lists are separated by ";", not "," (got "…")'],
    ["an escaped quote inside a value", 'unknown value "say \\"hi\\""; expected', 'unknown value "…"; expected'],
    ["bare numbers", "25 is outside 0-17", "# is outside #-#"],
  ])("a problem's kind: %s", (_name, reason, kind) => {
    expect(problemKind(reason)).toBe(kind);
  });
});
