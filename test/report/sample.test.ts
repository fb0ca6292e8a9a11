import { describe, expect, test } from "vitest";
import type { RecordRow } from "../../src/input/read.js";
import { cellText, recordObject, sampleCsv } from "../../src/report/sample.js";
import type { SampleCase } from "../../src/report/sample-schema.js";

const drawn = (case_id: string, weight = 2): SampleCase => ({ case_id, group: "Avon", stratum: "all", probability: 1 / weight, weight });
const lines = (csv: string) => csv.split("\r\n").slice(0, -1);

describe("the sample as CSV", () => {
  test("case_id and the sample's columns, a row per case, CRLF", () => {
    expect(sampleCsv([drawn("A-1"), drawn("B-2", 3)])).toBe(
      "case_id,sample_group,sample_stratum,sample_probability,sample_weight\r\nA-1,Avon,all,0.5,2\r\nB-2,Avon,all,0.3333333333333333,3\r\n",
    );
  });

  test("cells are quoted and guarded as in the CSV report", () => {
    expect(lines(sampleCsv([{ ...drawn("=HYPERLINK()"), group: 'Avon, "north"' }]))[1]).toBe(`'=HYPERLINK(),"Avon, ""north""",all,0.5,2`);
  });

  test("with the records' rows: their columns as written, then the sample's (a record's own sample_ columns replaced)", () => {
    const columns = ["Case Ref", "force", "sample_weight", "team"];
    const rows = new Map<string, RecordRow>([
      ["A-1", { columns, values: ["A-1", "Avon", "99", "north"], idColumn: 0 }],
      ["B-2", { columns, values: ["B-2", "Avon", "99", ""], idColumn: 0 }],
    ]);
    expect(lines(sampleCsv([drawn("A-1"), drawn("B-2")], rows))).toEqual([
      "Case Ref,force,team,sample_group,sample_stratum,sample_probability,sample_weight",
      "A-1,Avon,north,Avon,all,0.5,2",
      "B-2,Avon,,Avon,all,0.5,2",
    ]);
  });

  test("JSON records with different keys: every key once, in the order first met; a repeated CSV header kept twice", () => {
    const rows = new Map<string, RecordRow>([
      ["A-1", { columns: ["case_id", "force", "concern"], values: ["A-1", "Avon", ["neglect", "cse"]], idColumn: 0 }],
      ["B-2", { columns: ["force", "case_id", "extra", "extra"], values: ["Avon", 7, null, { a: 1 }], idColumn: 1 }],
    ]);
    expect(lines(sampleCsv([drawn("A-1"), drawn("B-2")], rows))).toEqual([
      "case_id,force,concern,extra,extra,sample_group,sample_stratum,sample_probability,sample_weight",
      "A-1,Avon,\"neglect;cse\",,,Avon,all,0.5,2",
      `7,Avon,,,"{""a"":1}",Avon,all,0.5,2`,
    ]);
  });
});

describe("values as written", () => {
  test.each([
    ["text as it is", " x ", " x "],
    ["a number", 12.5, "12.5"],
    ["a boolean", false, "false"],
    ["null is nothing", null, ""],
    ["a JSON list as a ;-list", ["health", "education"], "health;education"],
    ["anything else as JSON", [{ a: 1 }], '[{"a":1}]'],
  ])("%s", (_name, value, text) => {
    expect(cellText(value)).toBe(text);
  });

  test("a row as a JSON object numbers a repeated column name", () => {
    expect(recordObject({ columns: ["a", "b", "a"], values: ["1", "2", "3"], idColumn: 0 })).toEqual({ a: "1", b: "2", "a (2)": "3" });
  });
});
