import { describe, expect, test } from "vitest";
import { cases, inputDir, invalids, lines, outcomes, readAll, readFailure, utcDay, type Outcome } from "./_files.js";

const write = inputDir();
const A = { case_id: "A", force: "Norfolk", reported_on: "2015-07-02" };
const B = { case_id: "B", force: "Norfolk", reported_on: "02/07/2015 14:30" };
const json = (value: unknown) => JSON.stringify(value);

describe("JSON files", () => {
  const both: Outcome[] = [
    { kind: "case", case_id: "A", index: 0 },
    { kind: "case", case_id: "B", index: 1 },
  ];
  test.each<[string, string]>([
    ["an array", json([A, B])],
    ["an object with a cases array", json({ exported: "2016-01-01", cases: [A, B] })],
    ["a pretty-printed array", JSON.stringify([A, B], null, 2)],
    ["an array after a BOM", `\uFEFF${json([A, B])}`],
    ["an array with CRLF line ends", JSON.stringify([A, B], null, 2).replace(/\n/g, "\r\n")],
  ])("%s", async (_name, content) => {
    const { items } = await readAll(write("cases.json", content));
    expect(outcomes(items)).toEqual(both);
  });

  test("an empty array yields nothing", async () => {
    expect((await readAll(write("none.json", "[]"))).items).toEqual([]);
  });

  test("keys are matched to fields as headers are", async () => {
    const { items } = await readAll(write("keys.json", json([{ "Case ID": "A", " FORCE ": "Norfolk", "reported-on": "2015-07-02", "Child Age": 9 }])));
    expect(cases(items)).toEqual([
      {
        case_id: "A",
        force: "Norfolk",
        reported_on: { day: utcDay(2015, 7, 2), text: "2015-07-02" },
        child_age: 9,
        concern: [],
        agencies_consulted: [],
        extra: {},
      },
    ]);
  });

  test.each<[string, string, RegExp]>([
    ["a single string", json("NFK-1"), /array/],
    ["a single number", "42", /array/],
    ["null", "null", /array/],
    ["true", "true", /array/],
    ["a single record object", json(A), /array/],
    ["an object whose cases is not an array", json({ cases: "A;B" }), /array/],
    ["an empty file", "", /^.*bad\.json: the file is empty \(no records\)$/],
    ["a file of white space", " \n\t\r\n", /^.*bad\.json: the file is empty \(no records\)$/],
    ["a trailing comma", `[${json(A)},]`, /not valid JSON/],
    ["two arrays", `${json([A])}\n${json([B])}`, /not valid JSON/],
    ["NDJSON in a .json file", lines(json(A), json(B)), /not valid JSON/],
  ])("%s is a file error", async (_name, content, message) => {
    const { error, items } = await readFailure(write("bad.json", content));
    expect(error.message).toMatch(message);
    expect(items).toEqual([]);
  });

  test("an element that is not an object is invalid with its index", async () => {
    const { items } = await readAll(write("elements.json", json([A, 42, "B", null, [B], true, { ...B, case_id: "C" }])));
    expect(outcomes(items)).toEqual([
      { kind: "case", case_id: "A", index: 0 },
      { kind: "invalid", field: "record", index: 1 },
      { kind: "invalid", field: "record", index: 2 },
      { kind: "invalid", field: "record", index: 3 },
      { kind: "invalid", field: "record", index: 4 },
      { kind: "invalid", field: "record", index: 5 },
      { kind: "case", case_id: "C", index: 6 },
    ]);
  });
});

describe("JSON values", () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "typed JSON values",
      { child_age: 12, child_views_recorded: true, child_arrested: false, concern: ["cse", "Online Abuse"], outcome_code: 8 },
      { child_age: 12, child_views_recorded: true, child_arrested: false, concern: ["cse", "online_abuse"], outcome_code: 8 },
    ],
    [
      "the CSV text forms",
      { child_age: "12", child_views_recorded: "yes", child_arrested: "N", concern: "cse;online_abuse", outcome_code: "8" },
      { child_age: 12, child_views_recorded: true, child_arrested: false, concern: ["cse", "online_abuse"], outcome_code: 8 },
    ],
    [
      "nulls",
      { child_age: null, child_views_recorded: null, child_role: null, risk_assessed_on: null, concern: null, agencies_consulted: null },
      { concern: [], agencies_consulted: [] },
    ],
    ["a numeric case_id", { case_id: 1234 }, { case_id: "1234" }],
    ["a date-time", { risk_assessed_on: "2015-07-02T14:30" }, { risk_assessed_on: { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30" } }],
  ])("%s", async (_name, values, expected) => {
    const { items } = await readAll(write("values.json", json([{ ...A, ...values }])));
    const [record] = cases(items);
    expect(record).toMatchObject(expected);
    const notRecorded = Object.keys(values).filter((key) => values[key] === null && !["concern", "agencies_consulted"].includes(key));
    for (const key of notRecorded) expect(Object.keys(record ?? {})).not.toContain(key);
  });

  test("null in a required field is a missing value", async () => {
    const { items } = await readAll(write("null-force.json", json([{ ...A, force: null }])));
    expect(invalids(items)).toEqual([expect.objectContaining({ index: 0, field: "force", reason: expect.stringContaining("required") })]);
  });

  test("an absent required key is a missing value", async () => {
    const { items } = await readAll(write("no-force.json", json([{ case_id: "A", reported_on: "2015-07-02" }])));
    expect(invalids(items)).toEqual([expect.objectContaining({ index: 0, case_id: "A", field: "force" })]);
  });

  test("carried-through keys are kept as text in extra and warned about once", async () => {
    const records = [
      { ...A, officer: "PC Smith", visits: 3, flags: { a: 1 } },
      { ...B, officer: "PC Jones", visits: null },
      { ...A, case_id: "C", officer: "PC Brown" },
    ];
    const { items, warnings } = await readAll(write("extra.json", json(records)));
    expect(cases(items).map((record) => record.extra)).toEqual([
      { officer: "PC Smith", visits: "3", flags: '{"a":1}' },
      { officer: "PC Jones", visits: "null" },
      { officer: "PC Brown" },
    ]);
    expect(warnings.filter((warning) => warning.includes("officer"))).toHaveLength(1);
    expect(warnings.filter((warning) => warning.includes("visits"))).toHaveLength(1);
  });

  test("a carried-through key spelt two ways is warned about once (Officer Name, officer_name)", async () => {
    const records = [
      { ...A, "Officer Name": "PC Smith" },
      { ...B, officer_name: "PC Jones" },
    ];
    const { warnings } = await readAll(write("extra-spellings.json", json(records)));
    expect(warnings).toHaveLength(1);
  });
});

describe("NDJSON files", () => {
  test.each<[string, string]>([
    ["an empty file", ""],
    ["blank lines only", "\n\n\r\n"],
    ["white space and a BOM only", "\uFEFF  \n\t\n"],
  ])("%s is a file error, as an empty CSV file is", async (_name, content) => {
    const { error, items } = await readFailure(write("empty.ndjson", content));
    expect(error.message).toMatch(/empty\.ndjson: the file is empty \(no records\)$/);
    expect(items).toEqual([]);
  });

  test.each<[string, string, string, Outcome[]]>([
    ["one record a line", "cases.ndjson", lines(json(A), json(B)), [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 2 },
    ]],
    [".jsonl", "cases.jsonl", lines(json(A), json(B)), [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 2 },
    ]],
    ["blank and space-only lines ignored", "blank.ndjson", `\n${json(A)}\n\n   \n${json(B)}\n\n`, [
      { kind: "case", case_id: "A", line: 2 },
      { kind: "case", case_id: "B", line: 5 },
    ]],
    ["CRLF line ends", "crlf.ndjson", `${json(A)}\r\n\r\n${json(B)}\r\n`, [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["a BOM and no final newline", "bom.ndjson", `\uFEFF${json(A)}\n${json(B)}`, [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 2 },
    ]],
    ["a line that is not JSON", "bad-line.ndjson", lines(json(A), "{not json", json(B)), [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "invalid", field: "record", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["a cut-off last line", "cut.ndjson", `${json(A)}\n{"case_id":"B","for`, [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "invalid", field: "record", line: 2 },
    ]],
    ["lines that are not objects", "not-objects.ndjson", lines("[1,2]", '"A"', "7", "null", json(B)), [
      { kind: "invalid", field: "record", line: 1 },
      { kind: "invalid", field: "record", line: 2 },
      { kind: "invalid", field: "record", line: 3 },
      { kind: "invalid", field: "record", line: 4 },
      { kind: "case", case_id: "B", line: 5 },
    ]],
    ["a record with a bad value", "bad-value.ndjson", lines(json(A), json({ ...B, child_age: 25 })), [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "invalid", field: "child_age", line: 2 },
    ]],
  ])("%s", async (_name, fileName, content, expected) => {
    const { items } = await readAll(write(fileName, content));
    expect(outcomes(items)).toEqual(expected);
  });

  test("a long file keeps its line numbers across read chunks", async () => {
    const count = 6000;
    const rows = Array.from({ length: count }, (_, i) => (i === count - 1 ? "{oops" : json({ ...A, case_id: `ID-${i + 1}`, extra_text: "x".repeat(80) })));
    const { items } = await readAll(write("long.ndjson", lines(...rows)));
    expect(items).toHaveLength(count);
    expect(outcomes(items).at(-1)).toEqual({ kind: "invalid", field: "record", line: count });
    expect(outcomes(items).at(-2)).toEqual({ kind: "case", case_id: `ID-${count - 1}`, line: count - 1 });
  });
});
