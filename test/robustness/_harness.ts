import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, expect } from "vitest";
import { main } from "../../src/cli/main.js";
import { referenceRubric } from "../../src/engine/rubric.js";
import { runAudit } from "../../src/engine/run.js";
import type { Summary } from "../../src/engine/summary.js";
import { InputError } from "../../src/input/errors.js";
import { readCases, type ReadItem, type ReadOptions } from "../../src/input/read.js";

/** A fresh temporary directory for one test file, removed when its tests end. */
export function scratchDir(prefix = "audit-robust-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A file in `dir` named by a counter, so that property runs never share one. */
export function writer(dir: string): (ext: string, content: string | Buffer) => string {
  let n = 0;
  return (ext, content) => {
    const file = path.join(dir, `input-${++n}${ext}`);
    fs.writeFileSync(file, content);
    return file;
  };
}

/** Bytes as a stdin stream, cut into the given chunk sizes (the rest in one chunk). */
export function stdinOf(bytes: Buffer, cuts: number[] = []): Readable {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const size of cuts) {
    if (at >= bytes.length) break;
    chunks.push(bytes.subarray(at, at + Math.max(1, size)));
    at += Math.max(1, size);
  }
  if (at < bytes.length) chunks.push(bytes.subarray(at));
  return Readable.from(chunks);
}

export type ReadOutcome = { ok: true; items: ReadItem[]; warnings: string[] } | { ok: false; error: InputError; items: ReadItem[] };

/** Reads every record; a file-level problem must be an InputError, anything else is a crash and rethrown. */
export async function readOutcome(file: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const items: ReadItem[] = [];
  const warnings: string[] = [];
  try {
    for await (const item of readCases(file, { warn: (w) => warnings.push(w), ...options })) items.push(item);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error, items };
    throw error;
  }
  return { ok: true, items, warnings };
}

/** Grades read items with the reference rubric; returns the tallies and how many items the sink saw. */
export async function gradeItems(items: ReadItem[]): Promise<{ summary: Summary; seen: number }> {
  let seen = 0;
  async function* each() {
    yield* items;
  }
  const summary = await runAudit(each(), referenceRubric(), { case: () => void seen++, invalid: () => void seen++ });
  return { summary, seen };
}

class Capture extends Writable {
  readonly chunks: Buffer[] = [];
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    // A copy: once the write is done, the writer may fill its buffer again (src/cli/output.ts does).
    this.chunks.push(Buffer.from(chunk));
    callback();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main()` in this process with a fake context: argv, stdin bytes, env and cwd of our choosing. */
export async function runMain(
  argv: string[],
  options: { stdin?: Buffer | Readable; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = options.stdin instanceof Readable ? options.stdin : Readable.from(options.stdin ? [options.stdin] : []);
  const code = await main({ argv, stdin, stdout, stderr, env: { ...options.env }, cwd: options.cwd ?? process.cwd() });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * The contract every run keeps, whatever it was given: exit 0, 1 or 2; no stack
 * trace and no internal error; a run that could not go on ends with one `audit:` line
 * (commander's own errors included), or the usage when no command was given.
 */
export function expectContract(run: Run): void {
  expect([0, 1, 2], `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr + run.stdout).not.toMatch(/internal error|Maximum call stack|heap out of memory|\n\s*\^\s*\n/);
  if (run.code === 2 && !run.stderr.startsWith("Usage: audit")) {
    const last = run.stderr.trimEnd().split("\n").at(-1) ?? "";
    expect(last).toMatch(/^audit: /);
  }
}

interface JsonReport {
  summary: { overall: { graded: number; invalid: number } };
  cases: unknown[];
  invalid: unknown[];
}

/** A finished `-f json` run: its report, checked to count every record once. */
export function jsonReport(run: Run): JsonReport {
  expect([0, 1]).toContain(run.code);
  const report = JSON.parse(run.stdout) as JsonReport;
  const { graded, invalid } = report.summary.overall;
  expect(report.cases.length).toBe(graded);
  expect(report.invalid.length).toBe(invalid);
  return report;
}

/** Records read = graded + invalid, from the report. */
export const recordsIn = (report: JsonReport) => report.summary.overall.graded + report.summary.overall.invalid;

export { runs } from "../helpers/runs.js";
