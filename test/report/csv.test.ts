import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { csvCell, csvReporter, joinedFindings, unguardedCell } from "../../src/report/csv.js";
import { auditFile, auditRows, goodRow, HMIC, INVALID, poorRow, render } from "./audit-run.js";
import { csvRows } from "./read-back.js";

const RULE_IDS = ["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"];

describe("csv reporter", () => {
  test("the header names the rules in rubric order", async () => {
    const run = await auditFile(INVALID);
    const [header] = parse(render(csvReporter(), run), { toLine: 1 }) as string[][];
    expect(header).toEqual(["case_id", "group", "grade", ...RULE_IDS, "findings"]);
    expect(run.meta.rubric.rules.map(({ rule }) => rule.id)).toEqual(RULE_IDS);
  });

  test.each([HMIC, INVALID])("%s: one row per record, re-read with csv-parse, as the engine graded it", async (path) => {
    const run = await auditFile(path);
    const rows = csvRows(render(csvReporter(), run));
    expect(rows).toHaveLength(run.summary.overall.graded + run.summary.overall.invalid);
    rows.forEach((row, i) => {
      const item = run.items[i]!;
      if (item.kind === "case") {
        const result = item.result;
        expect(row).toEqual({
          case_id: result.case_id,
          group: result.group,
          grade: result.grade,
          ...Object.fromEntries(result.rules.map((rule) => [rule.id, rule.rating])),
          findings: joinedFindings(result),
        });
      } else {
        expect(row).toMatchObject({ case_id: item.record.case_id ?? "", grade: "invalid", "risk-assessment": "" });
        expect(row?.findings).toContain(`${item.record.field}: `);
      }
    });
  });

  test("findings are joined as 'rule-id: message | rule-id: message', in rubric order", async () => {
    const run = await auditRows([poorRow("A-1", "Avon").replace(",yes,", ",no,")]);
    const [row] = csvRows(render(csvReporter(), run));
    const result = run.cases[0]!;
    expect(result.rules.filter((rule) => rule.findings.length).map((rule) => rule.id)).toEqual(["risk-assessment", "voice-of-child"]);
    expect(row?.findings?.split(" | ")).toEqual(
      result.rules.flatMap((rule) => rule.findings.map((finding) => `${rule.id}: ${finding.message}`)),
    );
  });

  test.each([
    ["a formula", "=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["a plus sign", "+44 1234", "'+44 1234"],
    ["a minus sign", "-2+3", "'-2+3"],
    ["an at sign", "@cmd", "'@cmd"],
    ["a tab", "\tx", "\"'\tx\""],
    ["a semicolon", "a;b", '"a;b"'],
    ["a semicolon before a formula", "x;=1+1", '"x;\'=1+1"'],
    ["a comma before a formula", "x,@cmd", '"x,\'@cmd"'],
    ["a line break before a formula", "x\n-1", '"x\n\'-1"'],
    ["a tab inside", "a\tb", '"a\tb"'],
    ["a carriage return", "\rx", "\"'\rx\""],
    ["a comma", "a,b", '"a,b"'],
    ["a double quote", 'say "hi"', '"say ""hi"""'],
    ["a newline", "a\nb", '"a\nb"'],
    ["a formula with a comma", '=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ["plain text", "West Midlands", "West Midlands"],
    ["an inner equals sign", "a=b", "a=b"],
    ["nothing", "", ""],
  ])("a cell with %s is written %j", (_name, text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  test.each([",", ";", "\t"])("read with %j as the list separator, no cell starts a formula", (separator) => {
    const cells = ["x,=1+1", "y;@SUM(A1)", "z\t+1", "=cmd", "-2", "plain"];
    const line = cells.map(csvCell).join(",");
    // relax_quotes: quotes out of step with the separator are read as text, as spreadsheets do.
    const read = (parse(line, { delimiter: separator, relax_quotes: true, relax_column_count: true }) as string[][])[0]!;
    for (const cell of read) expect(cell, JSON.stringify(read)).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("unguardedCell gives back each value csvCell guarded, a guard after a separator included", () => {
    const values = ["x;=1", "=a", "K-1;=HYPERLINK(x)", "a\n-1", "plain", "+44,@b"];
    const read = values.map((value) => (parse(csvCell(value)) as string[][])[0]![0]!);
    expect(read.map(unguardedCell)).toEqual(values);
  });

  test("hostile case ids and groups are guarded and survive a re-read", async () => {
    const run = await auditRows([goodRow('"=HYPERLINK(""http://x"",""y"")"', '"-Minus, ""Inc"""'), poorRow("@A-2", "+Plus")]);
    const rows = csvRows(render(csvReporter(), run));
    expect(rows.map((r) => [r.case_id, r.group, r.grade])).toEqual([
      ['\'=HYPERLINK("http://x","y")', '\'-Minus, "Inc"', "good"],
      ["'@A-2", "'+Plus", "inadequate"],
    ]);
  });

  test("rows end in CRLF (RFC 4180)", async () => {
    const text = render(csvReporter(), await auditRows([goodRow("A-1", "Avon")]));
    expect(text.split("\r\n")).toHaveLength(3);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  test("a run with no graded case is the header and its invalid rows", async () => {
    const run = await auditRows(["A-1,Avon,2015-02-30,,,,,,,,,,"]);
    const rows = csvRows(render(csvReporter(), run));
    expect(rows).toEqual([expect.objectContaining({ case_id: "A-1", group: "Avon", grade: "invalid" })]);
    expect(rows[0]?.findings).toMatch(/^reported_on: not a date/);
  });
});
