import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { caseColumns } from "../../bench/_rule-sql.mjs";
import { groupCounts, reportGroups, type GroupCounts } from "../../bench/_tables.mjs";
import { ROOT, runCli } from "../helpers/run-cli.js";

// The benchmark's DuckDB queries are its yardstick: each must give `audit score`'s table, group by
// group, on the files it is meant for, or the figures beside audit's mean nothing.
const dir = mkdtempSync(join(tmpdir(), "audit-bench-queries-"));

function generated(name: string, flags: string[]): string {
  const path = join(dir, `${name}.csv`);
  execFileSync(process.execPath, ["bench/generate.mjs", "4000", path, "--seed", "19", ...flags], { cwd: ROOT });
  return path;
}
const FILES = { typical: generated("typical", []), clean: generated("clean", ["--clean"]) };

async function auditTable(file: string): Promise<GroupCounts[]> {
  const report = join(dir, "report.json");
  const run = await runCli(["score", file, "--no-config", "-q", "--max-errors", "0", "--max-invalid", "1000000", "-f", `json=${report}`]);
  expect(run.stderr).not.toMatch(/error/i);
  return reportGroups(report);
}

const queryTable = (file: string, query: string): GroupCounts[] =>
  groupCounts(JSON.parse(execFileSync(process.execPath, ["bench/duckdb.mjs", file, query], { cwd: ROOT, encoding: "utf8" })));

test.each([
  ["the validating query, on typical records (both date forms, some invalid)", "bench/rubric.sql", "typical"],
  ["the validating query, on valid ISO-dated records", "bench/rubric.sql", "clean"],
  ["the fastest query, on valid ISO-dated records", "bench/rubric-fast.sql", "clean"],
] as const)("%s gives audit's table", async (_name, query, kind) => {
  const expected = await auditTable(FILES[kind]);
  const invalid = expected.reduce((sum, group) => sum + group.invalid, 0);
  // The typical file exercises the counting of invalid records; the clean one has none to count.
  if (kind === "typical") expect(invalid).toBeGreaterThan(0);
  else expect(invalid).toBe(0);
  expect(queryTable(FILES[kind], query)).toEqual(expected);
});

const columnsOf = (file: string, query: string): unknown =>
  JSON.parse(execFileSync(process.execPath, ["bench/duckdb.mjs", file, query, "--columns"], { cwd: ROOT, encoding: "utf8" }));

// A rule's SQL may read any field of the contract (bench/_rule-sql.mjs): each query's cases give every
// one, in the same form; the validating query adds whether a record is invalid.
test.each([
  ["the validating query", "bench/rubric.sql", [{ name: "invalid", type: "BOOLEAN" }]],
  ["the fastest query", "bench/rubric-fast.sql", []],
] as const)("%s grades cases with a column for every field of the input contract", (_name, query, own) => {
  expect(columnsOf(FILES.clean, query)).toEqual([...caseColumns(), ...own]);
});
