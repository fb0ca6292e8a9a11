import { describe, expect, test } from "vitest";
import type { Summary } from "../../src/engine/summary.js";
import { csvReporter } from "../../src/report/csv.js";
import { jsonReporter } from "../../src/report/json.js";
import { junitReporter } from "../../src/report/junit.js";
import { markdownReporter } from "../../src/report/markdown.js";
import { ndjsonReporter } from "../../src/report/ndjson.js";
import { renderTable } from "../../src/report/table.js";
import { auditFile, HMIC, INVALID, render, type AuditRun } from "./audit-run.js";
import { csvRows, junitSuites, markdownRows, ndjsonLines } from "./read-back.js";

type Counts = { graded: number; good: number; adequate: number; inadequate: number; invalid: number };
type Tallies = Record<string, Counts>;

const zero = (): Counts => ({ graded: 0, good: 0, adequate: 0, inadequate: 0, invalid: 0 });

const countsOf = ({ graded, good, adequate, inadequate, invalid }: Counts): Counts => ({ graded, good, adequate, inadequate, invalid });

/** The summary's numbers as { group: counts }, with the overall row under "Overall"; any other figures left out. */
function fromSummary(summary: Pick<Summary, "overall" | "groups">): Tallies {
  const tallies: Tallies = {};
  for (const group of summary.groups) tallies[group.name] = countsOf(group);
  return { ...tallies, Overall: countsOf(summary.overall) };
}

/** Counts graded cases and invalid records one by one, as a consumer of a per-case format would. */
function tally(records: { group: string; grade?: string }[]): Tallies {
  const tallies: Tallies = { Overall: zero() };
  for (const { group, grade } of records) {
    for (const counts of [tallies.Overall!, (tallies[group] ??= zero())]) {
      if (grade === "good" || grade === "adequate" || grade === "inadequate") {
        counts.graded++;
        counts[grade]++;
      } else counts.invalid++;
    }
  }
  return tallies;
}

const count = (cell: string) => Number(/^\**(\d+)/.exec(cell)?.[1]);

const READ_BACK: Record<string, (run: AuditRun) => Promise<Tallies>> = {
  json: async (run) => {
    const report = JSON.parse(render(jsonReporter(), run)) as { summary: Summary; cases: { group: string; grade: string }[]; invalid: { group: string }[] };
    expect(tally([...report.cases, ...report.invalid])).toEqual(fromSummary(report.summary));
    return fromSummary(report.summary);
  },
  ndjson: async (run) => {
    const lines = ndjsonLines(render(ndjsonReporter(), run)) as { type: string; group: string; grade?: string }[];
    const { type: _type, ...summary } = lines.pop() as unknown as Summary & { type: string };
    const counted = tally(lines);
    expect(counted).toEqual(fromSummary(summary));
    return counted;
  },
  csv: async (run) => {
    const counted = tally(csvRows(render(csvReporter(), run)) as { group: string; grade: string }[]);
    // The CSV is a table of graded cases: it has no rows for invalid records.
    for (const [name, counts] of Object.entries(fromSummary(run.summary))) {
      if (counts.graded === 0) counted[name] ??= zero();
      counted[name]!.invalid = counts.invalid;
    }
    return counted;
  },
  markdown: async (run) => {
    const [, , ...rows] = markdownRows(render(markdownReporter(), run));
    const tallies: Tallies = {};
    for (const [name, ...cells] of rows) {
      const [graded, good, adequate, inadequate, invalid] = cells.map(count) as [number, number, number, number, number];
      tallies[name!.replace(/\*\*/g, "")] = { graded, good, adequate, inadequate, invalid };
    }
    return tallies;
  },
  table: async (run) => {
    // The table ends at the first blank line; its notes follow.
    const lines = renderTable(run.summary, run.meta.groupBy, false).split("\n");
    const rows = lines.slice(2, lines.indexOf("", 2)).filter((line) => !line.startsWith("-"));
    const tallies: Tallies = {};
    for (const [name, ...cells] of rows.map((line) => line.split(/ {2,}/))) {
      const [graded, good, adequate, inadequate, invalid] = cells.map(count) as [number, number, number, number, number];
      tallies[name!] = { graded, good, adequate, inadequate, invalid };
    }
    return tallies;
  },
  junit: async (run) => {
    // Failing on adequate, every grade is told apart: passes are good, failures carry the grade as their type.
    const report = await junitSuites(render(junitReporter({ failOn: "adequate" }), run));
    const records = (report.testsuite ?? []).flatMap((suite) =>
      (suite.testcase ?? []).map((c) => ({ group: suite.name!, grade: c.error ? undefined : (c.failure?.[0]?.type ?? "good") })),
    );
    const counted = tally(records);
    expect({ tests: Number(report.tests), failures: Number(report.failures), errors: Number(report.errors) }).toEqual({
      tests: records.length,
      failures: counted.Overall!.adequate + counted.Overall!.inadequate,
      errors: counted.Overall!.invalid,
    });
    return counted;
  },
};

const FORMATS = Object.keys(READ_BACK);

describe("every format carries the same numbers", () => {
  test.each([
    [HMIC, "force"],
    [INVALID, "force"],
    [HMIC, "risk_level"],
    [INVALID, "child_role"],
  ])("%s grouped by %s", async (path, groupBy) => {
    const run = await auditFile(path, groupBy);
    const expected = fromSummary(run.summary);
    for (const format of FORMATS) {
      expect({ format, tallies: await READ_BACK[format]!(run) }).toEqual({ format, tallies: expected });
    }
  });

  test.each(FORMATS)("%s: the HMIC fixture gives good 177, adequate 179, inadequate 220", async (format) => {
    const tallies = await READ_BACK[format]!(await auditFile(HMIC));
    expect(tallies.Overall).toEqual({ graded: 576, good: 177, adequate: 179, inadequate: 220, invalid: 0 });
  });
});
