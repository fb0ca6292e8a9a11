import { describe, expect, test } from "vitest";
import { readExcludedIds } from "../../src/sample/exclude.js";
import { tempFiles } from "../fast/_csv.js";

const file = tempFiles();

describe("readExcludedIds", () => {
  test.each([
    ["a sample's CSV", "previous.csv", "case_id,sample_group,sample_stratum,sample_probability,sample_weight\r\nA-1,Avon,all,0.5,2\r\n B-2 ,Avon,all,0.5,2\r\n", ["A-1", "B-2"]],
    ["a CSV with any columns, case_id among them", "audited.csv", "force,Case ID,inspector_grade\nAvon,C-3,good\nAvon,,good\n", ["C-3"]],
    ["an id the CSV writer guarded against formulas", "guarded.csv", "case_id\n'=1+2\n'-7\n", ["=1+2", "-7"]],
    ["a sample's JSON", "previous.json", JSON.stringify({ design: {}, cases: [{ case_id: "D-4", group: "Avon" }, { case_id: "E-5" }] }), ["D-4", "E-5"]],
  ])("%s", async (_name, name, content, ids) => {
    expect(await readExcludedIds(file(name, content), undefined)).toEqual(ids);
  });

  test("a case_id column named as the config maps it", async () => {
    const path = file("mapped.csv", "Crime Ref,force\nX-1,Avon\n");
    expect(await readExcludedIds(path, { columns: { "Crime Ref": "case_id" } })).toEqual(["X-1"]);
  });

  test.each([
    ["no case_id column", "none.csv", "force,reported_on\nAvon,2015-07-01\n", /none\.csv: no case_id column/],
    ["a row that cannot be read whole", "ragged.csv", "case_id,force\nA-1,Avon,extra\n", /ragged\.csv: line 2: .*every case to exclude must be readable/],
    ["JSON that is not a sample", "other.json", JSON.stringify({ cases: [{ id: 1 }] }), /other\.json: not a sample or report/],
    ["JSON that does not parse", "broken.json", "{ cases: ", /broken\.json: not valid JSON/],
  ])("%s is an error naming the file", async (_name, name, content, message) => {
    await expect(readExcludedIds(file(name, content), undefined)).rejects.toThrow(message);
  });
});
