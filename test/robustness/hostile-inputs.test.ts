import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { expectContract, jsonReport, runMain, scratchDir, stdinOf, writer } from "./_harness.js";

const dir = scratchDir();
const write = writer(dir);
const HEADER = "case_id,force,reported_on";
const csv = (...rows: string[]) => rows.map((row) => `${row}\n`).join("");
const record = (fields: Record<string, unknown> = {}) => ({ case_id: "A", force: "N", reported_on: "2015-07-02", ...fields });
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const wide = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join(",");

type Expected = { code: 0 | 1; graded: number; invalid: number } | { code: 2; message: RegExp };

/** The issue's list of hostile inputs, each with the outcome the contract gives it. */
const CASES: [string, string, () => string | Buffer, Expected][] = [
  ["a CSV cut off mid-row", ".csv", () => `${csv(HEADER, "A,N,2015-07-02")}B,N,2015-0`, { code: 1, graded: 1, invalid: 1 }],
  ["a CSV cut off inside a quote", ".csv", () => `${csv(HEADER, "A,N,2015-07-02")}B,"N`, { code: 2, message: /line 3: a quoted field is never closed/ }],
  ["a JSON array cut off", ".json", () => `[${JSON.stringify(record())},{"case_id":"B"`, { code: 2, message: /not valid JSON at line 1, column \d+\n$/ }],
  ["an NDJSON file cut off mid-line", ".ndjson", () => `${JSON.stringify(record())}\n{"case_id":"B","for`, { code: 1, graded: 1, invalid: 1 }],
  ["invalid UTF-8 in a cell", ".csv", () => Buffer.concat([Buffer.from(`${HEADER}\nA,N`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(",2015-07-02\n")]), { code: 0, graded: 1, invalid: 0 }],
  ["invalid UTF-8 in the header", ".csv", () => Buffer.concat([Buffer.from(`${HEADER},`), Buffer.from([0xc0, 0x80]), Buffer.from("\nA,N,2015-07-02,x\n")]), { code: 0, graded: 1, invalid: 0 }],
  ["invalid UTF-8 in an NDJSON line", ".ndjson", () => Buffer.concat([Buffer.from('{"case_id":"A","force":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","reported_on":"2015-07-02"}\n')]), { code: 0, graded: 1, invalid: 0 }],
  ["NUL bytes at the start", ".csv", () => Buffer.concat([Buffer.from([0, 0, 0]), Buffer.from(csv(HEADER, "A,N,2015-07-02"))]), { code: 2, message: /binary data/ }],
  ["a NUL byte in a cell past the first 8 KiB", ".csv", () => csv(HEADER, ...Array.from({ length: 600 }, (_, i) => `ID-${i},N,2015-07-02`), "Z,N\0N,2015-07-02"), { code: 0, graded: 601, invalid: 0 }],
  ["UTF-16LE with a BOM", ".csv", () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(HEADER, "A,N,2015-07-02"), "utf16le")]), { code: 2, message: /binary data/ }],
  ["UTF-16BE with a BOM", ".csv", () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv(HEADER, "A,N,2015-07-02"), "utf16le").swap16()]), { code: 2, message: /binary data/ }],
  ["UTF-16LE JSON", ".json", () => Buffer.from(`\uFEFF[${JSON.stringify(record())}]`, "utf16le"), { code: 2, message: /binary data/ }],
  ["rows with too many and too few cells", ".csv", () => csv(HEADER, "A,N,2015-07-02,extra", "B,N", "C", "D,N,2015-07-02"), { code: 1, graded: 1, invalid: 3 }],
  ["a row that is one quoted empty cell", ".csv", () => csv(HEADER, '""', "A,N,2015-07-02"), { code: 1, graded: 1, invalid: 1 }],
  ["an unterminated quote swallowing the rest", ".csv", () => csv(HEADER, 'A,N,"2015-07-02', "B,N,2015-07-02"), { code: 2, message: /never closed/ }],
  ["a stray quote inside a cell", ".csv", () => csv(HEADER, 'A,N "North",2015-07-02', "B,N,2015-07-02"), { code: 1, graded: 1, invalid: 1 }],
  ["an inner quote not doubled in a quoted cell", ".csv", () => csv(HEADER, 'A,"N "North" N",2015-07-02', "B,N,2015-07-02"), { code: 1, graded: 1, invalid: 1 }],
  ["text after a closing quote, in the last row, no final line break", ".csv", () => `${csv(HEADER, "A,N,2015-07-02")}B,"N"x,2015-07-02`, { code: 1, graded: 1, invalid: 1 }],
  ["a stray quote in every row", ".csv", () => csv(HEADER, ...Array.from({ length: 50 }, (_, i) => `ID-${i},N,2015-07-02 "${i}"`)), { code: 1, graded: 0, invalid: 50 }],
  ["a stray quote in the header", ".csv", () => csv('case_id,force,reported_on "x"', "A,N,2015-07-02"), { code: 2, message: /line 1: a quote in the middle of an unquoted field/ }],
  ["a quote never closed, then closed by a quote lines later", ".csv", () => csv(HEADER, 'A,N,"2015-07-02', 'B,N,"2015-07-02"', "C,N,2015-07-02"), { code: 2, message: /line 2: a quoted field is never closed: it runs over a line break/ }],
  ["duplicate carried-through headers", ".csv", () => csv(`${HEADER},officer,officer,Officer`, "A,N,2015-07-02,1,2,3"), { code: 0, graded: 1, invalid: 0 }],
  ["two headers for one field", ".csv", () => csv(`${HEADER},Case ID`, "A,N,2015-07-02,B"), { code: 2, message: /columns "case_id" and "Case ID" are both the field case_id/ }],
  ["empty and blank headers", ".csv", () => csv(`,${HEADER}, ,`, "x,A,N,2015-07-02,y,z"), { code: 0, graded: 1, invalid: 0 }],
  ["a header row that is all empty", ".csv", () => csv(",,", "A,N,2015-07-02"), { code: 2, message: /missing required columns "case_id" \(no column looks like it\), "force" .*, "reported_on" .*; run: audit init --from / }],
  ["a 4,000-column header", ".csv", () => csv(`${HEADER},${wide(4_000, (i) => `col ${i}`)}`, `A,N,2015-07-02,${wide(4_000, (i) => `${i}`)}`, "B,N,2015-07-02"), { code: 1, graded: 1, invalid: 1 }],
  ["a 10,000-column header, over --max-columns", ".csv", () => csv(`${HEADER},${wide(10_000, (i) => `col ${i}`)}`, `A,N,2015-07-02,${wide(10_000, (i) => `${i}`)}`), { code: 2, message: /a header of 10003 columns, over the limit of 4096 \(--max-columns\)/ }],
  ["10,000 distinct keys across JSON records", ".json", () => JSON.stringify(Array.from({ length: 10 }, (_, r) => record({ case_id: `C${r}`, ...Object.fromEntries(Array.from({ length: 1_000 }, (_, k) => [`key_${r}_${k}`, k])) }))), { code: 2, message: /index 4: more than 4096 distinct keys in the records \(--max-columns\)/ }],
  ["a 1 MiB cell, at the limit", ".csv", () => csv(`${HEADER},officer`, `A,N,2015-07-02,${"x".repeat(1024 * 1024)}`), { code: 0, graded: 1, invalid: 0 }],
  ["a cell one byte over 1 MiB", ".csv", () => csv(`${HEADER},officer`, `A,N,2015-07-02,${"x".repeat(1024 * 1024 + 1)}`, "B,N,2015-07-02,x"), { code: 1, graded: 1, invalid: 1 }],
  ["a cell of 1.2 MB in two-byte characters (600,000 of them)", ".csv", () => csv(`${HEADER},officer`, `A,N,2015-07-02,${"é".repeat(600_000)}`), { code: 1, graded: 0, invalid: 1 }],
  ["a JSON string over 1 MiB", ".json", () => JSON.stringify([record({ notes: "x".repeat(1024 * 1024 + 1) }), record({ case_id: "B" })]), { code: 1, graded: 1, invalid: 1 }],
  ["an NDJSON line over 1 MiB", ".ndjson", () => `${JSON.stringify(record({ officer: "x".repeat(1024 * 1024) }))}\n${JSON.stringify(record({ case_id: "B" }))}\n`, { code: 1, graded: 1, invalid: 1 }],
  ["numbers beyond 2^53 in CSV", ".csv", () => csv(`${HEADER},child_age,outcome_code`, "A,N,2015-07-02,9007199254740993,1", "B,N,2015-07-02,1,99999999999999999999999"), { code: 1, graded: 0, invalid: 2 }],
  ["numbers beyond 2^53 in JSON", ".json", () => `[${JSON.stringify(record())},{"case_id":"B","force":"N","reported_on":"2015-07-02","child_age":9007199254740993},{"case_id":"C","force":"N","reported_on":"2015-07-02","suspect_age":1e400}]`, { code: 1, graded: 1, invalid: 2 }],
  ["case ids beyond 2^53 that JSON would round to one", ".json", () => '[{"case_id":9007199254740993,"force":"N","reported_on":"2015-07-02"},{"case_id":9007199254740992,"force":"N","reported_on":"2015-07-02"},{"case_id":12,"force":"N","reported_on":"2015-07-02"}]', { code: 1, graded: 1, invalid: 2 }],
  ["a JSON document nested 100,000 deep", ".json", () => deep(100_000), { code: 1, graded: 0, invalid: 1 }],
  ["a typed field nested 20,000 deep", ".json", () => `[${JSON.stringify(record({ child_age: 0 })).replace("0", deep(20_000))}]`, { code: 1, graded: 0, invalid: 1 }],
  ["a carried-through key nested 20,000 deep", ".json", () => `[${JSON.stringify(record({ officer: 0 })).replace(":0", `:${deep(20_000)}`)}]`, { code: 0, graded: 1, invalid: 0 }],
  ["an NDJSON line nested 20,000 deep", ".ndjson", () => `{"case_id":"A","force":"N","reported_on":"2015-07-02","officer":${deep(20_000)}}\n${deep(20_000)}\n`, { code: 1, graded: 1, invalid: 1 }],
  ["keys __proto__ and constructor", ".json", () => `[{"__proto__":{"case_id":"X","polluted":1},"constructor":{"prototype":{"polluted":1}},"case_id":"A","force":"N","reported_on":"2015-07-02"},{"__proto__":null,"toString":1,"case_id":"B","force":"N","reported_on":"2015-07-02"}]`, { code: 0, graded: 2, invalid: 0 }],
  ["headers __proto__ and constructor", ".csv", () => csv(`__proto__,constructor,${HEADER},prototype`, "x,y,A,N,2015-07-02,z"), { code: 0, graded: 1, invalid: 0 }],
  ["a JSON file that is a single string", ".json", () => '"case_id,force,reported_on"', { code: 2, message: /expected a JSON array of case records/ }],
  ["a JSON file that is a number, null, or an object without cases", ".json", () => "12", { code: 2, message: /expected a JSON array/ }],
  ["a cases key that is not an array", ".json", () => '{"cases":"A"}', { code: 2, message: /expected a JSON array/ }],
  ["a JSON array of non-records", ".json", () => '[1,"a",null,true,[],{}]', { code: 1, graded: 0, invalid: 6 }],
  ["an empty file", ".csv", () => "", { code: 2, message: /the file is empty/ }],
  ["a file of only a BOM and blank lines", ".csv", () => "\uFEFF\n\r\n\n", { code: 2, message: /the file is empty/ }],
  ["only a header", ".csv", () => csv(HEADER), { code: 0, graded: 0, invalid: 0 }],
  ["old Mac line endings (CR only)", ".csv", () => `${HEADER}\rA,N,2015-07-02\rB,N,"2015-07-03"\r`, { code: 0, graded: 2, invalid: 0 }],
  ["old Mac line endings, a quoted cell holding one", ".csv", () => `${HEADER},officer\rA,N,2015-07-02,"one\rtwo"\rB,N,2015-07-02\r`, { code: 1, graded: 1, invalid: 1 }],
  ["old Mac line endings in NDJSON", ".ndjson", () => `${JSON.stringify(record())}\r${JSON.stringify(record({ case_id: "B" }))}\r`, { code: 0, graded: 2, invalid: 0 }],
];

describe("hostile inputs: the exit code of the contract, one clear line, every record counted", () => {
  test.each(CASES)("%s", async (_name, ext, content, expected) => {
    const file = write(ext, content());
    const run = await runMain(["score", file, "-f", "json"], { cwd: dir });
    expectContract(run);
    expect(run.code).toBe(expected.code);
    if (expected.code === 2) {
      expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^audit: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
      expect(run.stderr).toMatch(expected.message);
      return;
    }
    const { summary } = jsonReport(run);
    expect(summary.overall).toMatchObject({ graded: expected.graded, invalid: expected.invalid });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each(CASES.filter(([, ext]) => ext !== ".json"))("%s, piped through stdin a few bytes at a time, reads the same", async (_name, ext, content, expected) => {
    const bytes = Buffer.from(content());
    const format = ext === ".csv" ? "csv" : "ndjson";
    const cuts = Array.from({ length: 64 }, (_, i) => 1 + (i % 7));
    const run = await runMain(["score", "-", "--input-format", format, "-f", "json", "-q"], { cwd: dir, stdin: stdinOf(bytes, cuts) });
    expectContract(run);
    expect(run.code).toBe(expected.code);
    if (expected.code !== 2) expect(jsonReport(run).summary.overall).toMatchObject({ graded: expected.graded, invalid: expected.invalid });
  });

  test("all of them through the built CLI, as separate processes: the same exit codes, no stack trace", async () => {
    const files = CASES.map(([, ext, content]) => write(ext, content()));
    const results: { code: number | null; stderr: string; stdout: string }[] = [];
    for (let i = 0; i < files.length; i += 8) {
      results.push(...(await Promise.all(files.slice(i, i + 8).map((file) => runCli(["score", file, "-f", "json"])))));
    }
    results.forEach((run, i) => {
      const [name, , , expected] = CASES[i]!;
      expect(run.code, name).toBe(expected.code);
      expectContract({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr });
      if (expected.code !== 2) expect(jsonReport({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr }).summary.overall).toMatchObject({ graded: expected.graded, invalid: expected.invalid });
    });
  });
});
