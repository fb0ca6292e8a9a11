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
  /** The first line on stderr, `{input}` standing for the input's name (its path, or stdin). */
  firstLine?: string;
  groups?: string[];
  absent?: string[];
  broke?: string;
  knownBug?: string;
}

const entries = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as Entry[];
const dir = scratchDir();
const env = { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };
const FORMATS: Record<string, string> = { ".csv": "csv", ".json": "json", ".ndjson": "ndjson" };

function expectOutcome(entry: Entry, run: Run, input: string): void {
  expectContract(run);
  expect(run.code).toBe(entry.exit);
  if (entry.message) expect(run.stderr).toContain(entry.message);
  if (entry.firstLine !== undefined) expect(run.stderr.split("\n")[0]).toBe(entry.firstLine.replace("{input}", input));
  for (const text of entry.absent ?? []) expect(run.stdout + run.stderr).not.toContain(text);
  if (entry.exit === 2) return;
  const report = jsonReport(run) as ReturnType<typeof jsonReport> & { summary: { groups: { name: string }[] } };
  expect(report.summary.overall).toMatchObject({ graded: entry.graded, invalid: entry.invalid });
  if (entry.groups) expect(report.summary.groups.map((g) => g.name)).toEqual(entry.groups);
}

describe("the corpus of inputs that once broke it", () => {
  test("every file in test/corpus is in the manifest, and every entry has its file", () => {
    const files = fs.readdirSync(CORPUS).filter((name) => name !== "manifest.json" && name !== "README.md");
    expect(files.sort()).toEqual(entries.map((e) => e.file).sort());
    for (const entry of entries) expect(entry.broke ?? entry.knownBug, entry.file).toBeTruthy();
  });

  for (const entry of entries) {
    const replay = entry.knownBug ? test.fails : test;
    const file = path.join(CORPUS, entry.file);
    replay(`${entry.file}${entry.knownBug ? ` (known bug: ${entry.knownBug})` : ""}`, async () => {
      const args = [...(entry.args ?? []), "-f", "json"];
      expectOutcome(entry, await runMain(["score", file, ...args], { cwd: dir, env }), file);
      const format = FORMATS[path.extname(file)]!;
      const stdin = stdinOf(fs.readFileSync(file), entry.stdinCuts ?? [1, 2, 3, 5, 8, 13]);
      expectOutcome(entry, await runMain(["score", "-", "--input-format", format, ...args], { cwd: dir, env, stdin }), "stdin");
    });
  }
});
