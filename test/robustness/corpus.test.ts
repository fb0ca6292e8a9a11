import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { expectContract, jsonReport, runMain, scratchDir, stdinOf, type Run } from "./_harness.js";

const CORPUS = fileURLToPath(new URL("../corpus/", import.meta.url));

interface Entry {
  file: string;
  args?: string[];
  stdinCuts?: number[];
  exit: 0 | 1 | 2;
  graded?: number;
  invalid?: number;
  message?: string;
  /** The first line on stderr, `{input}` standing for the input as the run names it (the path, or stdin). */
  firstLine?: string;
  groups?: string[];
  /** A report format to run once more in, besides JSON, for what a reader of that format sees. */
  format?: string;
  /** Text the stdout of the run in `format` holds. */
  shown?: string[];
  /** Text on no run's stderr, nor on the stdout of the run in `format` (JSON when there is none). */
  absent?: string[];
  broke?: string;
  knownBug?: string;
}

const entries = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as Entry[];
const dir = scratchDir();
const env = { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };
const FORMATS: Record<string, string> = { ".csv": "csv", ".json": "json", ".ndjson": "ndjson" };

function expectStreams(entry: Entry, run: Run, input: string, ownFormat: boolean): void {
  expectContract(run);
  expect(run.code, run.stderr).toBe(entry.exit);
  if (entry.message) expect(run.stderr).toContain(entry.message);
  if (entry.firstLine) expect(run.stderr.split("\n")[0]).toBe(entry.firstLine.replaceAll("{input}", input));
  for (const text of entry.absent ?? []) expect(ownFormat ? run.stdout + run.stderr : run.stderr).not.toContain(text);
}

function expectReport(entry: Entry, run: Run): void {
  if (entry.exit === 2) return;
  const report = jsonReport(run) as ReturnType<typeof jsonReport> & { summary: { groups: { name: string }[] } };
  expect(report.summary.overall).toMatchObject({ graded: entry.graded, invalid: entry.invalid });
  if (entry.groups) expect(report.summary.groups.map((g) => g.name)).toEqual(entry.groups);
}

/** Runs `score` on the entry's file, then on the same bytes from stdin cut into small chunks, each with `-f format`. */
async function both(entry: Entry, format: string, check: (run: Run, input: string) => void): Promise<void> {
  const file = path.join(CORPUS, entry.file);
  const args = [...(entry.args ?? []), "-f", format];
  check(await runMain(["score", file, ...args], { cwd: dir, env }), file);
  const stdin = stdinOf(fs.readFileSync(file), entry.stdinCuts ?? [1, 2, 3, 5, 8, 13]);
  const inputFormat = FORMATS[path.extname(file)]!;
  check(await runMain(["score", "-", "--input-format", inputFormat, ...args], { cwd: dir, env, stdin }), "stdin");
}

describe("the corpus of inputs that once broke it", () => {
  test("every file in test/corpus is in the manifest, and every entry has its file", () => {
    const files = fs.readdirSync(CORPUS).filter((name) => name !== "manifest.json" && name !== "README.md");
    expect(files.sort()).toEqual(entries.map((e) => e.file).sort());
    for (const entry of entries) expect(entry.broke ?? entry.knownBug, entry.file).toBeTruthy();
  });

  for (const entry of entries) {
    const replay = entry.knownBug ? test.fails : test;
    replay(`${entry.file}${entry.knownBug ? ` (known bug: ${entry.knownBug})` : ""}`, async () => {
      await both(entry, "json", (run, input) => {
        expectStreams(entry, run, input, entry.format === undefined);
        expectReport(entry, run);
      });
      if (entry.format === undefined) return;
      await both(entry, entry.format, (run, input) => {
        expectStreams(entry, run, input, true);
        for (const text of entry.shown ?? []) expect(run.stdout).toContain(text);
      });
    });
  }
});
