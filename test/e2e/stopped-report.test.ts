import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, type CliRun } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-stopped-"));
const PLUGIN = new URL("../config/plugins/medical-advice.mjs", import.meta.url).pathname;

/**
 * `rows` good records, each with a carried-through column of `pad` bytes, then a quote never closed:
 * a run that grades every record before it, then stops with exit 2 at line rows + 2.
 */
function brokenCsv(name: string, rows: number, pad: number): string {
  const lines = ["case_id,force,reported_on,officer"];
  for (let i = 0; i < rows; i++) lines.push(`C-${i},F${i % 3},2015-07-02,${"x".repeat(pad)}`);
  lines.push('Z-1,F1,"2015-07-02', "Z-2,F1,2015-07-02", "");
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

const SMALL = brokenCsv("small.csv", 300, 10);
/** Over 4 MiB: read on worker threads. */
const LARGE = brokenCsv("large.csv", 2_200, 2_000);
const STOPPED = (path: string, rows: number) => `${path}: line ${rows + 2}: a quoted field is never closed (a missing closing quote)`;

function expectStopped(run: CliRun, message: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(`audit: ${message}`);
}

const caseIds = (report: { cases: { case_id: string }[] }) => report.cases.map((c) => c.case_id);

describe("a run stopped part-way leaves on stdout a whole document that says so", () => {
  test.each([
    ["a small file, read on this thread", SMALL, 300],
    ["a file read on worker threads", LARGE, 2_200],
  ])("-f json, %s: every case read, the invalid records, and an error member; no summary", async (_name, path, rows) => {
    const run = await runCli(["score", path, "-f", "json", "-q"]);
    expectStopped(run, STOPPED(path, rows));
    const report = JSON.parse(run.stdout) as { cases: { case_id: string }[]; invalid: unknown[]; error: string; summary?: unknown };
    expect(report.error).toBe(STOPPED(path, rows));
    expect(caseIds(report)).toEqual(Array.from({ length: rows }, (_, i) => `C-${i}`));
    expect(report.invalid).toEqual([]);
    expect(report.summary).toBeUndefined();
  });

  test("-f ndjson: a case line for each case read, then an error line", async () => {
    const run = await runCli(["score", SMALL, "-f", "ndjson", "-q"]);
    expectStopped(run, STOPPED(SMALL, 300));
    const lines = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string; message?: string });
    expect(lines).toHaveLength(301);
    expect(lines.slice(0, -1).every((line) => line.type === "case")).toBe(true);
    expect(lines.at(-1)).toEqual({ type: "error", message: STOPPED(SMALL, 300) });
  });

  test("-f csv: a row for each case read, then a row whose grade is error", async () => {
    const run = await runCli(["score", SMALL, "-f", "csv", "-q"]);
    expectStopped(run, STOPPED(SMALL, 300));
    const rows = run.stdout.trimEnd().split("\r\n");
    expect(rows).toHaveLength(302);
    expect(rows.at(-1)).toMatch(new RegExp(`^,,error,(,)+"?${STOPPED(SMALL, 300).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?$`));
  });

  test.each(["table", "markdown", "junit", "html"])("-f %s, which writes only at the end: stdout holds nothing", async (format) => {
    const run = await runCli(["score", SMALL, "-f", format, "-q"]);
    expectStopped(run, STOPPED(SMALL, 300));
    expect(run.stdout).toBe("");
  });

  test("the same bytes on every path: a file, stdin, on worker threads or not, and the reference reader (a plugin rule)", async () => {
    const config = join(dir, "plugin.json");
    writeFileSync(config, JSON.stringify({ plugins: [PLUGIN] }));
    for (const [path, rows] of [[SMALL, 300], [LARGE, 2_200]] as const) {
      const [file, stdin, reference] = await Promise.all([
        runCli(["score", path, "-f", "json", "-q"]),
        runCli(["score", "-", "-f", "json", "-q"], { input: readFileSync(path) }),
        runCli(["score", path, "-f", "json", "-q", "--config", config, "--allow-plugins"]),
      ]);
      expectStopped(file, STOPPED(path, rows));
      expectStopped(stdin, STOPPED("stdin", rows));
      expectStopped(reference, STOPPED(path, rows));
      expect(stdin.stdout.replace(`"name": "stdin"`, `"name": ${JSON.stringify(path)}`).replace(`"error": "stdin:`, `"error": ${JSON.stringify(path).slice(0, -1)}:`)).toBe(file.stdout);
      expect(caseIds(JSON.parse(reference.stdout))).toEqual(caseIds(JSON.parse(file.stdout)));
      expect(JSON.parse(reference.stdout).error).toBe(STOPPED(path, rows));
    }
  });

  test("JSON: a --group-by key no record has, found at the end: the cases read and the error", async () => {
    const path = join(dir, "typo.json");
    writeFileSync(path, JSON.stringify([{ case_id: "A", force: "N", reported_on: "2015-07-02", team: "t" }]));
    const run = await runCli(["score", path, "-f", "json", "-q", "--group-by", "tema"]);
    expectStopped(run, `${path}: --group-by tema names no record's key; did you mean "team"?`);
    expect(JSON.parse(run.stdout)).toMatchObject({ cases: [{ case_id: "A" }], invalid: [], error: expect.stringContaining("--group-by tema") });
  });

  test("a report to a file is not written at all", async () => {
    const out = join(dir, "never.json");
    const run = await runCli(["score", SMALL, "-f", `json=${out}`, "-f", "ndjson", "-q"]);
    expectStopped(run, STOPPED(SMALL, 300));
    expect(() => readFileSync(out)).toThrow();
    expect(run.stdout.trimEnd().split("\n").at(-1)).toContain('"type":"error"');
  });
});
