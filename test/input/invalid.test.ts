import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import type { ReadItem, ReadOptions } from "../../src/input/read.js";
import { cases, inputDir, invalids, lines, outcomes, readAll, type Outcome } from "./_files.js";

const write = inputDir();
const HEADER = "case_id,force,reported_on,child_age,child_role,concern";

interface Kind {
  name: string;
  csv: string;
  json: Record<string, unknown>;
  field: string;
  reason?: string;
}

const KINDS: Kind[] = [
  { name: "a bad date", csv: "X,N,2015-02-30,,,", json: { reported_on: "2015-02-30" }, field: "reported_on" },
  { name: "29 February 2015", csv: "X,N,29/02/2015,,,", json: { reported_on: "29/02/2015" }, field: "reported_on" },
  { name: "a US-order date", csv: "X,N,07/25/2015,,,", json: { reported_on: "07/25/2015" }, field: "reported_on", reason: "US order" },
  { name: "child_age 25", csv: "X,N,2015-07-02,25,,", json: { child_age: 25 }, field: "child_age", reason: "0-17" },
  { name: "child_age 12.5", csv: "X,N,2015-07-02,12.5,,", json: { child_age: 12.5 }, field: "child_age", reason: "whole number" },
  { name: "child_age twelve", csv: "X,N,2015-07-02,twelve,,", json: { child_age: "twelve" }, field: "child_age", reason: "whole number" },
  { name: "an unknown child_role", csv: "X,N,2015-07-02,,perpetrator,", json: { child_role: "perpetrator" }, field: "child_role" },
  { name: "an unknown concern", csv: "X,N,2015-07-02,,,cse;theft", json: { concern: ["cse", "theft"] }, field: "concern" },
  { name: "a comma-separated concern", csv: 'X,N,2015-07-02,,,"cse,neglect"', json: { concern: "cse,neglect" }, field: "concern", reason: 'separated by ";"' },
  { name: "a missing case_id", csv: ",N,2015-07-02,,,", json: { case_id: "" }, field: "case_id", reason: "required" },
  { name: "a missing force", csv: "X,  ,2015-07-02,,,", json: { force: null }, field: "force", reason: "required" },
  { name: "a missing reported_on", csv: "X,N,,,,", json: { reported_on: undefined }, field: "reported_on", reason: "required" },
];

const jsonRecord = (kind: Kind) => {
  const record: Record<string, unknown> = { case_id: "X", force: "N", reported_on: "2015-07-02", ...kind.json };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
};
const good = (id: string) => ({ case_id: id, force: "N", reported_on: "2015-07-02" });

describe.each<[string, (kind: Kind) => string, Omit<Outcome, "kind" | "field">, Omit<Outcome, "kind" | "case_id">]>([
  ["CSV", (kind) => write("kind.csv", lines(HEADER, kind.csv, "Z,N,2015-07-02,,,")), { line: 2 }, { line: 3 }],
  ["JSON", (kind) => write("kind.json", JSON.stringify([jsonRecord(kind), good("Z")])), { index: 0 }, { index: 1 }],
  ["NDJSON", (kind) => write("kind.ndjson", lines(JSON.stringify(jsonRecord(kind)), JSON.stringify(good("Z")))), { line: 1 }, { line: 2 }],
])("%s: every invalid kind is listed, not graded and not dropped", (_format, makeFile, badAt, goodAt) => {
  test.each(KINDS.map((kind) => [kind.name, kind] as const))("%s", async (_name, kind) => {
    const { items } = await readAll(makeFile(kind));
    expect(outcomes(items)).toEqual([
      { kind: "invalid", field: kind.field, ...badAt },
      { kind: "case", case_id: "Z", ...goodAt },
    ]);
    const [invalid] = invalids(items);
    if (kind.reason !== undefined) expect(invalid?.reason).toContain(kind.reason);
    expect(invalid?.errors).toEqual([{ field: kind.field, reason: invalid?.reason }]);
    if (kind.field !== "case_id") expect(invalid?.case_id).toBe("X");
  });
});

describe("duplicate case_id", () => {
  test.each<[string, string, Outcome[], string[]]>([
    [
      "CSV",
      write("dupes.csv", lines("case_id,force,reported_on", "A,N,2015-07-02", "B,N,2015-07-02", "A,N,2015-07-03", " A ,N,2015-07-04", "a,N,2015-07-02")),
      [
        { kind: "case", case_id: "A", line: 2 },
        { kind: "case", case_id: "B", line: 3 },
        { kind: "invalid", field: "case_id", line: 4 },
        { kind: "invalid", field: "case_id", line: 5 },
        { kind: "case", case_id: "a", line: 6 },
      ],
      ["line 2", "line 2"],
    ],
    [
      "CSV after a multi-line field",
      write("dupes-multiline.csv", lines("case_id,force,reported_on,Officer", 'A,N,2015-07-02,"x', 'y"', "A,N,2015-07-02,z")),
      [
        { kind: "case", case_id: "A", line: 2 },
        { kind: "invalid", field: "case_id", line: 4 },
      ],
      ["line 2"],
    ],
    [
      "CSV, the first with the id invalid: it still owns the id",
      write("dupes-first-invalid.csv", lines("case_id,force,reported_on", "A,N,07/25/2015", "A,N,2015-07-02", "B,N,2015-07-02")),
      [
        { kind: "invalid", field: "reported_on", line: 2 },
        { kind: "invalid", field: "case_id", line: 3 },
        { kind: "case", case_id: "B", line: 4 },
      ],
      ["US order", "line 2"],
    ],
    [
      "JSON",
      write("dupes.json", JSON.stringify([good("A"), good("B"), good("B"), { ...good("A"), case_id: "A  " }])),
      [
        { kind: "case", case_id: "A", index: 0 },
        { kind: "case", case_id: "B", index: 1 },
        { kind: "invalid", field: "case_id", index: 2 },
        { kind: "invalid", field: "case_id", index: 3 },
      ],
      ["index 1", "index 0"],
    ],
    [
      "JSON, a number and its text",
      write("dupes-number.json", JSON.stringify([{ ...good("x"), case_id: 1234 }, good("1234")])),
      [
        { kind: "case", case_id: "1234", index: 0 },
        { kind: "invalid", field: "case_id", index: 1 },
      ],
      ["index 0"],
    ],
    [
      "NDJSON",
      write("dupes.ndjson", lines(JSON.stringify(good("A")), "", JSON.stringify(good("A")))),
      [
        { kind: "case", case_id: "A", line: 1 },
        { kind: "invalid", field: "case_id", line: 3 },
      ],
      ["line 1"],
    ],
  ])("%s: the first is graded, each later one is invalid naming where the first was", async (_name, file, expected, firstSeen) => {
    const { items } = await readAll(file);
    expect(outcomes(items)).toEqual(expected);
    expect(invalids(items).map((invalid) => invalid.reason)).toEqual(firstSeen.map((where) => expect.stringContaining(where)));
    expect(invalids(items).map((invalid) => invalid.case_id)).toEqual(firstSeen.map(() => expect.any(String)));
  });
});

/** A CSV of many rows, some with quoted fields over several lines, some invalid; the line each record starts on. */
function bigCsv(count: number): { content: string; starts: number[]; bad: number[] } {
  const rows = ["case_id,force,reported_on,Officer"];
  const starts: number[] = [];
  const bad: number[] = [];
  let line = 2;
  for (let i = 1; i <= count; i++) {
    const officer = i % 7 === 0 ? `"PC ${i}\nsecond line, with a comma\nthird ""quoted"" line"` : `PC ${i} ${"x".repeat(60)}`;
    const date = i % 11 === 0 ? "07/25/2015" : "2015-07-02";
    rows.push(`ID-${i},Force ${i % 3},${date},${officer}`);
    starts.push(line);
    if (i % 11 === 0) bad.push(line);
    line += i % 7 === 0 ? 3 : 1;
  }
  return { content: lines(...rows), starts, bad };
}

describe("records read = cases + invalid", () => {
  const big = bigCsv(6000);
  const where = (item: ReadItem) => JSON.stringify(item.kind === "case" ? item.location : { line: item.invalid.line, index: item.invalid.index });

  test.each<[string, () => string, ReadOptions, number, number]>([
    [
      "a CSV of every kind of row",
      () =>
        write(
          "mixed.csv",
          lines(
            HEADER,
            "A,N,2015-07-02,12,victim,cse",
            "",
            'B,"N, East",07/25/2015,,,',
            ...KINDS.map((kind) => kind.csv),
            "A,N,2015-07-02,,,",
            "C,N,2015-07-02,,,,too,many",
            "D,N",
            'E,N,2015-07-02,,,"cse;',
            'neglect"',
            "F,N,02/07/2015 14:30,17,Victim And Suspect,CSE;Neglect",
          ),
        ),
      {},
      KINDS.length + 7,
      3,
    ],
    ["a large CSV read in many chunks", () => write("big.csv", big.content), {}, big.starts.length, big.starts.length - big.bad.length],
    [
      "a TSV",
      () => write("mixed.tsv", lines("case_id\tforce\treported_on\tchild_age", "A\tN\t2015-07-02\t3", "B\tN\t2015-07-02\t25", "C\tN", "A\tN\t2015-07-02\t1")),
      {},
      4,
      1,
    ],
    [
      "a JSON array",
      () => write("mixed.json", JSON.stringify([good("A"), 7, null, ...KINDS.map(jsonRecord), good("A"), good("B")])),
      {},
      KINDS.length + 5,
      2,
    ],
    [
      "a cases wrapper",
      () => write("wrapper.json", JSON.stringify({ cases: [good("A"), { ...good("B"), child_age: "25" }, "text"] })),
      {},
      3,
      1,
    ],
    [
      "an NDJSON file",
      () => write("mixed.ndjson", lines(JSON.stringify(good("A")), "", "{bad", ...KINDS.map((kind) => JSON.stringify(jsonRecord(kind))), "  ", "[]", JSON.stringify(good("A")), JSON.stringify(good("B")))),
      {},
      KINDS.length + 5,
      2,
    ],
    [
      "CSV from stdin",
      () => "-",
      { stdin: Readable.from([Buffer.from(lines("case_id,force,reported_on", "A,N,2015-07-02", "A,N,2015-07-02", "B,N,bad", "C,N"))]) },
      4,
      1,
    ],
  ])("%s", async (_name, makeFile, options, recordsRead, graded) => {
    const { items } = await readAll(makeFile(), options);
    expect(cases(items).length + invalids(items).length).toBe(recordsRead);
    expect(items).toHaveLength(recordsRead);
    expect(cases(items)).toHaveLength(graded);
    expect(new Set(items.map(where)).size).toBe(recordsRead);
  });

  test("a large CSV keeps the line each record starts on, across read chunks", async () => {
    const { items } = await readAll(write("big-lines.csv", big.content));
    expect(items.map((item) => (item.kind === "case" ? item.location : { line: item.invalid.line }))).toEqual(big.starts.map((line) => ({ line })));
    expect(invalids(items).map((invalid) => invalid.line)).toEqual(big.bad);
    expect(cases(items)[6]?.extra.officer).toBe('PC 7\nsecond line, with a comma\nthird "quoted" line');
  });
});
