import { describe, expect, test } from "vitest";
import { sniffDelimiter } from "../../src/input/csv.js";
import { sniffFormat, type InputFormat } from "../../src/input/source.js";

describe("sniffFormat", () => {
  test.each<[string, string, InputFormat]>([
    ["a JSON array", '[{"case_id":"A"}]', "json"],
    ["a JSON array after blank lines", '\n\n  [{"case_id":"A"}]', "json"],
    ["a JSON array after a BOM", '\uFEFF[{"case_id":"A"}]', "json"],
    ["a one-line cases wrapper", '{"cases":[{"case_id":"A"}]}', "json"],
    ["a pretty-printed cases wrapper", '{\n  "cases": [\n    {"case_id":"A"}\n  ]\n}', "json"],
    ["NDJSON", '{"case_id":"A"}\n{"case_id":"B"}\n', "ndjson"],
    ["NDJSON after a BOM", '\uFEFF{"case_id":"A"}\n', "ndjson"],
    ["a CSV header", "case_id,force,reported_on\nA,N,2015-01-01\n", "csv"],
    ["a ;-separated CSV header", "case_id;force;reported_on\n", "csv"],
    ["nothing", "", "csv"],
  ])("%s is %s", (_name, head, expected) => {
    expect(sniffFormat(Buffer.from(head, "utf8"))).toBe(expected);
  });
});

describe("sniffDelimiter", () => {
  test.each([
    ["commas", "case_id,force,reported_on", ","],
    ["semicolons", "case_id;force;reported_on", ";"],
    ["tabs", "case_id\tforce\treported_on", "\t"],
    ["commas inside quotes do not count", '"case,id";force;reported_on', ";"],
    ["only the header line counts", "case_id;force;reported_on\na,b,c,d,e,f", ";"],
    ["only the header line counts, CRLF", "case_id;force;reported_on\r\na,b,c,d,e,f", ";"],
    ["a tie goes to the comma", "a,b;c", ","],
    ["one column", "case_id", ","],
    ["nothing", "", ","],
  ])("%s: %j → %j", (_name, head, expected) => {
    expect(sniffDelimiter(head)).toBe(expected);
  });
});
