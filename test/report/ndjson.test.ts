import { describe, expect, test } from "vitest";
import { analyse } from "../../src/engine/analysis.js";
import { ndjsonReporter } from "../../src/report/ndjson.js";
import { caseResultSchema, invalidRecordSchema } from "../../src/report/schema.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, INVALID, poorRow, render } from "./audit-run.js";
import { ndjsonLines } from "./read-back.js";

describe("ndjson reporter", () => {
  test("cases given as bytes: only one holding U+2028 or U+2029 is left to be escaped, wherever it falls in a chunk", () => {
    const cases = ['{"case_id":"A"}', '{"case_id":"B\u2028"}', '{"case_id":"C"}', '{"case_id":"D"}', '{"case_id":"E\u2029"}', '{"case_id":"F"}'];
    const chunk = Buffer.from(cases.join(""));
    const reporter = ndjsonReporter();
    const framed: boolean[] = [];
    let at = 0;
    for (const json of cases) {
      const end = at + Buffer.byteLength(json);
      framed.push(reporter.caseFrame!(chunk, at, end) !== undefined);
      at = end;
    }
    expect(framed).toEqual([true, false, true, true, false, true]);
  });

  test.each([HMIC, INVALID])("%s: cases and invalid records in arrival order, then one summary line", async (path) => {
    const run = await auditFile(path);
    const lines = ndjsonLines(render(ndjsonReporter(), run));
    expect(lines.map((line) => Object.keys(line)[0])).toEqual(lines.map(() => "type"));
    expect(lines.map((line) => line.type)).toEqual([...run.items.map((item) => item.kind), "summary"]);
    const { type: _type, ...summary } = lines.at(-1)!;
    expect(summary).toEqual(analyse(run.summary).summary);
  });

  test("case and invalid lines have the JSON report's shapes", async () => {
    const run = await auditFile(INVALID);
    const lines = ndjsonLines(render(ndjsonReporter(), run));
    const strip = ({ type: _type, ...rest }: Record<string, unknown>) => rest;
    expect(lines.filter((l) => l.type === "case").map((l) => caseResultSchema.strict().parse(strip(l)))).toEqual(run.cases);
    expect(lines.filter((l) => l.type === "invalid").map((l) => invalidRecordSchema.strict().parse(strip(l)))).toEqual(run.invalid);
  });

  test("each case and invalid record is one complete line as it comes, so a filter can run mid-stream", async () => {
    const run = await auditRows([goodRow("A-1", "Avon"), "A-2,Avon,2015-02-30,,,,,,,,,,", poorRow("A-3", "Avon"), adequateRow("A-4", "Avon")]);
    const reporter = ndjsonReporter();
    expect(reporter.start?.(run.meta) ?? "").toBe("");
    for (const item of run.items) {
      const text = item.kind === "case" ? reporter.case!(item.result) : reporter.invalid!(item.record);
      expect(text).toMatch(/^\{"type":"(case|invalid)",[^\n]*\}\n$/);
    }
  });

  test("on the HMIC fixture, selecting grade inadequate finds 220 lines", async () => {
    const lines = ndjsonLines(render(ndjsonReporter(), await auditFile(HMIC)));
    expect(lines.filter((line) => line.grade === "inadequate")).toHaveLength(220);
  });

  test.each([
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
    ["newline", "\n"],
    ["carriage return", "\r"],
  ])("a %s inside a value stays inside its line", async (_name, character) => {
    const run = await auditRows([goodRow(`"A${character}1"`, "Avon")]);
    const text = render(ndjsonReporter(), run);
    expect(text.split(/\r\n|[\n\r\u2028\u2029]/).filter(Boolean)).toHaveLength(2);
    expect(ndjsonLines(text)[0]!.case_id).toBe(`A${character}1`);
  });
});
