import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import { runAudit } from "../../src/engine/run.js";
import { scoreCsvFile, type ScoreCsvOptions } from "../../src/fast/index.js";
import { InputError } from "../../src/input/errors.js";
import { readCases, type ColumnMapping } from "../../src/input/read.js";
import { tempFiles } from "./_csv.js";
import { caseFiles, rubrics } from "./_generate.js";

const file = tempFiles();

interface Settings {
  groupBy: string;
  mapping?: ColumnMapping;
  maxFieldBytes?: number;
  expectedColumns?: ReadonlySet<string>;
  rubric: Rubric;
}

/** Everything a run hands on: each case's JSON, each invalid record's JSON (key order included), the summary, warnings, or the error. */
interface Run {
  cases: string[];
  invalid: string[];
  warnings: string[];
  summary?: string;
  error?: string;
}

async function collect(run: (sink: Pick<ScoreCsvOptions, "onCaseJson" | "onInvalid" | "warn">) => Promise<unknown>): Promise<Run> {
  const out: Run = { cases: [], invalid: [], warnings: [] };
  try {
    const summary = await run({
      onCaseJson: (json) => void out.cases.push(json),
      onInvalid: (record) => void out.invalid.push(JSON.stringify(record)),
      warn: (message) => void out.warnings.push(message),
    });
    out.summary = JSON.stringify(summary);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.error = error.message;
  }
  return out;
}

/** The reference pipeline: csv-parse and zod through readCases, graded by runAudit. */
const reference = (path: string, s: Settings) =>
  collect((sink) =>
    runAudit(
      readCases(path, { mapping: s.mapping, maxFieldBytes: s.maxFieldBytes, expectedColumns: s.expectedColumns, warn: sink.warn }),
      s.rubric,
      { case: (result) => sink.onCaseJson!(JSON.stringify(result)), invalid: (record) => sink.onInvalid!(record) },
      s.groupBy,
    ),
  );

const fast = (path: string, s: Settings, tuning: Partial<ScoreCsvOptions>) =>
  collect((sink) => scoreCsvFile(path, { ...s, ...sink, wantCases: true, workers: 0, ...tuning }));

const settings: fc.Arbitrary<Settings> = fc.record({
  groupBy: fc.constantFrom("force", "force", "child_role", "reported_on", "concern", "team", "child_age", "notes", "constructor", "nope"),
  mapping: fc.option(
    fc.constantFrom<ColumnMapping>(
      { values: { child_role: { V: "victim" } } },
      { values: { case_id: { "NFK-1": "NFK-9" }, force: { Norfolk: "Suffolk" } } },
      { columns: { "Child-Role": "child_age" } },
      { columns: { Team: "force" } },
    ),
    { nil: undefined },
  ),
  maxFieldBytes: fc.option(fc.constantFrom(12, 40, 200), { nil: undefined }),
  expectedColumns: fc.option(fc.constant(new Set(["team"])), { nil: undefined }),
  rubric: fc.oneof(fc.constant(referenceRubric()), rubrics),
});

describe("the fast path gives the reference pipeline's results, record for record", () => {
  test("on generated case files, graded case by case (JSON mode)", async () => {
    await fc.assert(
      fc.asyncProperty(caseFiles, settings, fc.integer({ min: 1, max: 400 }), async (generated, s, chunkBytes) => {
        const path = file("cases.csv", generated.bytes);
        expect(await fast(path, s, { chunkBytes })).toEqual(await reference(path, s));
      }),
      { numRuns: 150 },
    );
  });

  test("on generated case files, grades only (the rating kernels)", async () => {
    await fc.assert(
      fc.asyncProperty(caseFiles, settings, fc.integer({ min: 1, max: 400 }), async (generated, s, chunkBytes) => {
        const path = file("cases.csv", generated.bytes);
        const expected = await reference(path, s);
        const actual = await collect((sink) => scoreCsvFile(path, { ...s, ...sink, wantCases: false, workers: 0, chunkBytes }));
        expect(actual).toEqual({ ...expected, cases: [] });
      }),
      { numRuns: 150 },
    );
  });
});
