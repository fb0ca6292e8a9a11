import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { BIN } from "../helpers/run-cli.js";
import { expectContract, jsonReport, runMain, scratchDir, writer } from "./_harness.js";

const dir = scratchDir();
const write = writer(dir);
const PEAK_PRELOAD = fileURLToPath(new URL("../support/peak-memory.mjs", import.meta.url));
const MiB = 1024 * 1024;

interface StreamRun {
  code: number | null;
  stderr: string;
  stdout: string;
  /** Peak resident memory of the CLI, KiB. */
  peakKiB: number;
  /** Bytes the CLI took before it stopped reading. */
  written: number;
}

/** Pipes `prefix` then `total` bytes of `fill`, never a newline, into `audit score -`, until it stops reading. */
async function pipeWithoutNewline(args: string[], prefix: string, fill: string, total: number): Promise<StreamRun> {
  const peakFile = path.join(dir, `peak-${process.hrtime.bigint()}`);
  const child = spawn(process.execPath, ["--import", PEAK_PRELOAD, BIN, "score", "-", ...args], {
    env: { ...process.env, AUDIT_TEST_PEAK_FILE: peakFile },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  let stopped = false;
  child.stdin.on("error", () => (stopped = true));
  const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  void closed.then(() => (stopped = true));
  const block = Buffer.alloc(MiB, fill);
  child.stdin.write(prefix);
  let written = 0;
  while (!stopped && written < total) {
    written += block.length;
    if (!child.stdin.write(block)) await Promise.race([new Promise((resolve) => child.stdin.once("drain", resolve)), closed]);
  }
  if (!stopped) child.stdin.end();
  const code = await closed;
  return {
    code,
    stderr: Buffer.concat(err).toString("utf8"),
    stdout: Buffer.concat(out).toString("utf8"),
    peakKiB: Number(fs.readFileSync(peakFile, "utf8")),
    written,
  };
}

describe("a 64 MiB stream with no newline ends in one clear error, in bounded memory", () => {
  test.each<[string, string[], string, string, RegExp]>([
    ["sniffed as CSV", [], "", "a", /^audit: stdin: line 1: a record longer than 8 times --max-field-bytes/],
    ["CSV after a header, inside a quote", ["--input-format", "csv"], 'case_id,force,reported_on\n"', "a", /^audit: stdin: line 2: a record longer than 8 times --max-field-bytes/],
    ["NDJSON", ["--input-format", "ndjson"], '{"case_id":"', "a", /^audit: stdin: line 1: a line longer than 8 times --max-field-bytes/],
  ])("%s", async (_name, args, prefix, fill, message) => {
    const run = await pipeWithoutNewline(args, prefix, fill, 64 * MiB);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.written).toBeLessThan(40 * MiB);
    // Measured at about 95-125 MiB whether the stream is 64 MiB or 500 MiB (the record is read again, once, to
    // look for a stray quote; with csv-parse's raw copy of it in the error as well it reached 180 MiB).
    expect(run.peakKiB).toBeLessThan(160 * 1024);
  });
});

describe("JSON is streamed: no document is too large to read, in bounded memory", () => {
  test.each<[string, string, string]>([
    ["white space that never ends", "[", " "],
    ["a record that never ends, read to the end of the input and kept by none", '[{"case_id":"', "a"],
  ])("64 MiB of %s: one clear error at its end", async (_name, prefix, fill) => {
    const run = await pipeWithoutNewline(["--input-format", "json", "--max-field-bytes", "65536"], prefix, fill, 64 * MiB);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^audit: stdin: not valid JSON at line 1, column \d+\n$/);
    // Read whole before it was parsed, a JSON document was refused past 256 times --max-field-bytes.
    expect(run.peakKiB).toBeLessThan(160 * 1024);
  });

  test("300 MB (sparse) of .json: one clear error, in bounded memory", async () => {
    const file = path.join(dir, "huge.json");
    fs.writeFileSync(file, `[${" ".repeat(256 * 1024)}`);
    fs.truncateSync(file, 300 * 1000 * 1000);
    const peakFile = path.join(dir, "peak-huge");
    const run = spawnSync(process.execPath, ["--import", PEAK_PRELOAD, BIN, "score", file], {
      env: { ...process.env, AUDIT_TEST_PEAK_FILE: peakFile },
      encoding: "utf8",
    });
    fs.rmSync(file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^audit: ${file}: not valid JSON at line 1, column \\d+\n$`));
    // Reading up to the 256 MiB cap first peaked at about 330 MiB.
    expect(Number(fs.readFileSync(peakFile, "utf8"))).toBeLessThan(160 * 1024);
  });
});

describe("--max-field-bytes: a value over it makes its record invalid, counted in UTF-8 bytes", () => {
  const limit = 100;
  const header = "case_id,force,reported_on,officer";
  const rec = (officer: string, id = "A") => JSON.stringify({ case_id: id, force: "N", reported_on: "2015-07-02", officer });
  test.each<[string, string, string, { graded: number; invalid: number; reason?: RegExp }]>([
    ["a CSV cell of exactly the limit", ".csv", `${header}\nA,N,2015-07-02,${"x".repeat(limit)}\n`, { graded: 1, invalid: 0 }],
    ["a CSV cell one byte over", ".csv", `${header}\nA,N,2015-07-02,${"x".repeat(limit + 1)}\nB,N,2015-07-02,x\n`, { graded: 1, invalid: 1, reason: /^a value of 101 bytes is over the limit of 100/ }],
    ["a CSV cell of 51 two-byte characters (102 bytes)", ".csv", `${header}\nA,N,2015-07-02,${"é".repeat(51)}\n`, { graded: 0, invalid: 1, reason: /102 bytes/ }],
    ["a CSV cell of 26 four-byte emoji (104 bytes)", ".csv", `${header}\nA,N,2015-07-02,${"😀".repeat(26)}\n`, { graded: 0, invalid: 1, reason: /104 bytes/ }],
    ["a quoted CSV cell with line breaks over the limit", ".csv", `${header}\nA,N,2015-07-02,"${"line\n".repeat(30)}"\nB,N,2015-07-02,x\n`, { graded: 1, invalid: 1 }],
    ["a JSON string over the limit", ".json", `[${rec("x".repeat(limit + 1))},${rec("x", "B")}]`, { graded: 1, invalid: 1 }],
    ["a JSON string of 51 two-byte characters", ".json", `[${rec("é".repeat(51))}]`, { graded: 0, invalid: 1 }],
    ["an NDJSON line over the limit", ".ndjson", `${rec("x".repeat(limit))}\n${rec("x", "B")}\n`, { graded: 1, invalid: 1, reason: /^a line of \d+ bytes is over the limit of 100/ }],
  ])("%s", async (_name, ext, content, expected) => {
    const run = await runMain(["score", write(ext, content), "-f", "json", "--max-field-bytes", String(limit)], { cwd: dir });
    expectContract(run);
    const report = jsonReport(run) as ReturnType<typeof jsonReport> & { invalid: { reason: string }[] };
    expect(report.summary.overall).toMatchObject({ graded: expected.graded, invalid: expected.invalid });
    if (expected.reason) expect(report.invalid[0]!.reason).toMatch(expected.reason);
  });

  test("--max-field-bytes is capped: a 2 GB cell is no cell, and is refused before anything is read", async () => {
    const run = await runMain(["score", write(".csv", "case_id,force,reported_on\nA,N,2015-07-02\n"), "--max-field-bytes", "2147483648"], { cwd: dir });
    expectContract(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('audit: --max-field-bytes: at most 16777216 (16 MiB), got "2147483648"\n');
  });

  test("--max-columns raises the header limit: 10,000 columns read with --max-columns 10000", async () => {
    const header = `case_id,force,reported_on,${Array.from({ length: 9_997 }, (_, i) => `c${i}`).join(",")}`;
    const file = write(".csv", `${header}\nA,N,2015-07-02${",".repeat(9_997)}\n`);
    const [over, raised] = await Promise.all([runMain(["score", file, "-q"], { cwd: dir }), runMain(["score", file, "-q", "--max-columns", "10000"], { cwd: dir })]);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`audit: ${file}: a header of 10000 columns, over the limit of 4096 (--max-columns)\n`);
    expect(raised.code, raised.stderr).toBe(0);
  });

  test("--max-field-bytes 0 is no licence to read without limit: a CSV ends in a clear error", async () => {
    const run = await runMain(["score", write(".csv", "case_id,force,reported_on\nA,N,2015-07-02\n"), "--max-field-bytes", "0"], { cwd: dir });
    expectContract(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a record longer than 8 times --max-field-bytes/);
  });
});
