import { describe, expect, test } from "vitest";
import { markdownReporter, markdownText } from "../../src/report/markdown.js";
import { renderTable } from "../../src/report/table.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, INVALID, poorRow, render } from "./audit-run.js";
import { markdownCells, markdownRows as tableRows } from "./read-back.js";

/** The plain table reporter's cells, up to the blank line before its notes: columns are two or more spaces apart. */
function plainRows(text: string): string[][] {
  const lines = text.split("\n");
  const rows = lines
    .slice(0, lines.indexOf(""))
    .filter((line) => !line.startsWith("-"))
    .map((line) => line.split(/ {2,}/).map((cell) => cell.trim()));
  // A row whose last cells are empty (no flag) ends early once trimmed.
  return rows.map((row) => [...row, ...Array<string>(rows[0]!.length - row.length).fill("")]);
}

describe("markdown reporter", () => {
  test.each([HMIC, INVALID])("%s: the same cells as the table reporter, overall row in bold", async (path) => {
    const run = await auditFile(path);
    const markdown = render(markdownReporter(), run);
    const [header, alignment, ...body] = tableRows(markdown);
    expect(alignment).toEqual(header!.map((title, i) => (i === 0 || title === "Flag" ? ":---" : "---:")));
    const overall = body.pop()!;
    expect(overall.every((cell) => cell === "" || /^\*\*.*\*\*$/.test(cell))).toBe(true);
    const unbolded = overall.map((cell) => cell.slice(2, -2));
    expect([header, ...body, unbolded]).toEqual(plainRows(renderTable(run.summary, "force", false)));
  });

  test("starts with a heading line naming the grouping", async () => {
    const run = await auditFile(INVALID, "risk_level");
    const [heading, blank, header] = render(markdownReporter(), run).split("\n");
    expect(heading).toMatch(/^#{1,6} .*risk\\_level/);
    expect(blank).toBe("");
    expect(markdownCells(header!)[0]).toBe("risk_level");
  });

  test("the HMIC fixture reads 576 graded; 177 good (30.7%); 179 adequate (31.1%); 220 inadequate (38.2%)", async () => {
    const rows = tableRows(render(markdownReporter(), await auditFile(HMIC)));
    expect(rows.at(-1)).toEqual(["**Overall**", "**576**", "**177 (30.7%)**", "**179 (31.1%)**", "**220 (38.2%)**", "**0**", ""]);
  });

  test("a group with nothing graded shows no percentages", async () => {
    const run = await auditRows([goodRow("A-1", "Avon"), "B-1,Bedfordshire,2015-02-30,,,,,,,,,,"]);
    const rows = tableRows(render(markdownReporter(), run));
    expect(rows[3]).toEqual(["Bedfordshire", "0", "0 (-)", "0 (-)", "0 (-)", "1"]);
  });

  test("group names with pipes, markup and line breaks stay in their cell", async () => {
    const names = ["A|B", "*bold* _it_", "<b>x</b> [l](u)", "back\\slash", "`code`", "&amp; ~x~"];
    const run = await auditRows([
      ...names.map((name, i) => goodRow(`G-${i}`, `"${name.replace(/"/g, '""')}"`)),
      poorRow("N-1", '"two\nlines"'),
      adequateRow("N-2", "Plain"),
    ]);
    const rows = tableRows(render(markdownReporter(), run)).slice(2, -1);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(run.summary.groups.map((group) => group.name.replace(/\n/g, " ")));
  });

  test.each([
    ["a pipe", "A|B", "A\\|B"],
    ["emphasis", "*a* _b_", "\\*a\\* \\_b\\_"],
    ["html", "<b>", "\\<b\\>"],
    ["a link", "[x](y)", "\\[x\\](y)"],
    ["an entity", "&amp;", "\\&amp;"],
    ["a plain ampersand", "Devon & Cornwall", "Devon & Cornwall"],
    ["a line break", "a\r\nb", "a b"],
    ["the not-recorded group", "(not recorded)", "(not recorded)"],
  ])("markdownText escapes %s", (_name, text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });
});
