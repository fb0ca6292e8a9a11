import { describe, expect, test } from "vitest";
import { junitReporter } from "../../src/report/junit.js";
import { markdownReporter } from "../../src/report/markdown.js";
import { ndjsonReporter } from "../../src/report/ndjson.js";
import { renderTable } from "../../src/report/table.js";
import { auditFile, HMIC, render } from "./audit-run.js";
import { junitSuites, markdownRows, ndjsonLines } from "./read-back.js";

const run = await auditFile(HMIC);
const rowOf = (text: string, name: string) => text.split("\n").find((line) => line.startsWith(name))!;

describe("intervals, flags and suppression in the summary formats", () => {
  test("--ci puts each share's 95% interval beside it in the table, and says what it is", () => {
    const table = renderTable(run.summary, "force", false, { ci: true });
    expect(rowOf(table, "Overall")).toMatch(/177 \(30\.7%\) \[27\.1–34\.6\]\s+179 \(31\.1%\) \[27\.4–35\.0\]\s+220 \(38\.2%\) \[34\.3–42\.2\]/);
    expect(table).toContain("95% Wilson score interval");
    expect(renderTable(run.summary, "force", false)).not.toContain("[27.1–34.6]");
  });

  test.each([
    ["table", renderTable(run.summary, "force", false)],
    ["markdown", render(markdownReporter(), run)],
  ])("%s: a Flag column marks Norfolk, and a note names the test", (_format, text) => {
    expect(text.split("\n").find((line) => line.includes("Norfolk"))).toContain("▼ lower");
    expect(text).toMatch(/two-proportion z-test, pooled; Holm-corrected across 8 groups at 0\.05/);
  });

  test("junit: the flagged group's suite carries the flag as a property", async () => {
    const xml = render(junitReporter({ failOn: "inadequate" }), run);
    const suites = (await junitSuites(xml)).testsuite ?? [];
    expect(suites).toHaveLength(8);
    expect(xml.match(/<property name="inadequate-flag" value="(\w+)"\/>/g)).toEqual(['<property name="inadequate-flag" value="lower"/>']);
    expect(xml).toMatch(/<testsuite name="Norfolk"[^>]*>\n {4}<properties>/);
  });

  test("--suppress-below: markers in the table and markdown, nulls and a list in the ndjson summary", () => {
    const table = renderTable(run.summary, "force", false, { suppressBelow: 20, strategy: "worst" });
    // No group whose counts are shown stands out, so there is no Flag column: a hidden group is not tested.
    expect(rowOf(table, "Dyfed-Powys")).toMatch(/^Dyfed-Powys\s+72\s+29 \(40\.3%\)\s+\[c\]\s+\[c\]\s+0$/);
    expect(table).toContain("[c]: suppressed: a count below 20");
    const markdown = markdownRows(render(markdownReporter({ suppressBelow: 20 }), run));
    expect(markdown.find((row) => row[0] === "Dyfed-Powys")).toEqual(["Dyfed-Powys", "72", "29 (40.3%)", "[c]", "[c]", "0"]);
    const summary = ndjsonLines(render(ndjsonReporter({ suppressBelow: 20 }), run)).at(-1) as {
      groups: { name: string; adequate: number | null }[];
      suppression: { below: number; hidden: { group: string; field: string }[] };
    };
    expect(summary.groups[0]).toMatchObject({ name: "Dyfed-Powys", adequate: null });
    expect(summary.suppression.below).toBe(20);
    expect(summary.suppression.hidden).toContainEqual(expect.objectContaining({ group: "Dyfed-Powys", field: "adequate" }));
  });
});
