import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import type { InputFormat } from "../../src/input/source.js";
import { inputDir, lines, outcomes, readAll, readFailure, type Outcome } from "./_files.js";

const write = inputDir();
const A = JSON.stringify({ case_id: "A", force: "Norfolk", reported_on: "2015-07-02" });
const B = JSON.stringify({ case_id: "B", force: "Norfolk", reported_on: "2015-07-03" });
const stdin = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk, "utf8")));

describe("stdin (path -)", () => {
  test.each<[string, string[], Outcome[]]>([
    ["CSV", [lines("case_id,force,reported_on", "A,Norfolk,2015-07-02", "B,Norfolk,2015-07-03")], [
      { kind: "case", case_id: "A", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["; CSV", [lines("case_id;force;reported_on", "A;Norfolk;2015-07-02")], [{ kind: "case", case_id: "A", line: 2 }]],
    ["tab CSV", [lines("case_id\tforce\treported_on", "A\tNorfolk\t2015-07-02")], [{ kind: "case", case_id: "A", line: 2 }]],
    ["CSV with a BOM", [`\uFEFF${lines("case_id,force,reported_on", "A,Norfolk,2015-07-02")}`], [{ kind: "case", case_id: "A", line: 2 }]],
    ["a JSON array", [`[${A},${B}]`], [
      { kind: "case", case_id: "A", index: 0 },
      { kind: "case", case_id: "B", index: 1 },
    ]],
    ["a pretty JSON array after blank lines", [`\n\n${JSON.stringify([JSON.parse(A), JSON.parse(B)], null, 2)}`], [
      { kind: "case", case_id: "A", index: 0 },
      { kind: "case", case_id: "B", index: 1 },
    ]],
    ["a cases wrapper", [`{"cases":[${A}]}`], [{ kind: "case", case_id: "A", index: 0 }]],
    ["a pretty cases wrapper", [JSON.stringify({ cases: [JSON.parse(A)] }, null, 2)], [{ kind: "case", case_id: "A", index: 0 }]],
    ["NDJSON", [lines(A, "", B)], [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["NDJSON in many chunks", [`${A}\n`, `${B.slice(0, 10)}`, `${B.slice(10)}\n`], [
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 2 },
    ]],
    ["CSV in many chunks", ["case_id,force,reported_on\nA,Nor", "folk,2015-07-02\n", "B,Norfolk,2015-07-03\n"], [
      { kind: "case", case_id: "A", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
  ])("%s is sniffed and read", async (_name, chunks, expected) => {
    const { items } = await readAll("-", { stdin: stdin(...chunks) });
    expect(outcomes(items)).toEqual(expected);
  });

  test.each<[InputFormat, string, Outcome[]]>([
    ["ndjson", lines(A), [{ kind: "case", case_id: "A", line: 1 }]],
    ["json", `[${A}]`, [{ kind: "case", case_id: "A", index: 0 }]],
    ["csv", lines("case_id,force,reported_on", "A,Norfolk,2015-07-02"), [{ kind: "case", case_id: "A", line: 2 }]],
  ])("format %s given, not sniffed", async (format, content, expected) => {
    const { items } = await readAll("-", { stdin: stdin(content), format });
    expect(outcomes(items)).toEqual(expected);
  });

  test("an empty stdin is an empty CSV: a file error", async () => {
    const { error } = await readFailure("-", { stdin: stdin() });
    expect(error.message).toMatch(/^stdin: .*empty/);
  });

  test("stdin holding binary data is a file error", async () => {
    const { error } = await readFailure("-", { stdin: Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]) });
    expect(error.message).toMatch(/^stdin: .*binary/);
  });

  test("NDJSON whose first line spans two chunks is sniffed as NDJSON", async () => {
    const { items } = await readAll("-", { stdin: stdin(A.slice(0, 12), `${A.slice(12)}\n${B}\n`) });
    expect(outcomes(items)).toEqual([
      { kind: "case", case_id: "A", line: 1 },
      { kind: "case", case_id: "B", line: 2 },
    ]);
  });

  test("a character split between chunks is read whole", async () => {
    const bytes = Buffer.from(lines("case_id,force,reported_on", "A,Ynys Môn,2015-07-02"), "utf8");
    const cut = bytes.indexOf(Buffer.from("ô")) + 1;
    const { items } = await readAll("-", { stdin: Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]) });
    expect(items).toEqual([expect.objectContaining({ kind: "case", record: expect.objectContaining({ force: "Ynys Môn" }) })]);
  });

  test("a ;-separated header that spans two chunks is sniffed as ;", async () => {
    const { items } = await readAll("-", { stdin: stdin("case_id", ";force;reported_on\nA;Norfolk;2015-07-02\n") });
    expect(outcomes(items)).toEqual([{ kind: "case", case_id: "A", line: 2 }]);
  });

  test("a stdin stream of strings (Readable.from([text])) is read", async () => {
    const { items } = await readAll("-", { stdin: Readable.from([lines("case_id,force,reported_on", "A,Norfolk,2015-07-02")]) });
    expect(outcomes(items)).toEqual([{ kind: "case", case_id: "A", line: 2 }]);
  });
});

describe("files that cannot be read", () => {
  test.each<[string, () => string, RegExp]>([
    ["a binary .csv", () => write("binary.csv", Buffer.from([0x63, 0x61, 0x73, 0x65, 0x00, 0x01, 0x02])), /binary/],
    ["a binary .json", () => write("binary.json", Buffer.concat([Buffer.from("[{}"), Buffer.alloc(16)])), /binary/],
    ["a UTF-16 CSV", () => write("utf16.csv", Buffer.from("\uFEFFcase_id,force,reported_on\n", "utf16le")), /binary/],
    ["a directory", () => path.dirname(write("placeholder.csv", "")), /directory/],
    ["a directory path with a trailing separator", () => fs.mkdtempSync(path.join(os.tmpdir(), "audit-input-dir-")) + path.sep, /directory/],
    ["a missing file", () => path.join(path.dirname(write("placeholder.csv", "")), "no-such-file.csv"), /no such file/],
    ["a file in a missing folder", () => path.join(os.tmpdir(), "audit-no-such-folder", "cases.csv"), /no such file/],
  ])("%s is a file error", async (_name, makePath, message) => {
    const file = makePath();
    try {
      const { error } = await readFailure(file);
      expect(error.message).toMatch(message);
      expect(error.message.startsWith(file)).toBe(true);
    } finally {
      if (file.includes("audit-input-dir-")) fs.rmSync(file, { recursive: true, force: true });
    }
  });
});
