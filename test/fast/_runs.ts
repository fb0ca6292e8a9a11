import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import { runAudit } from "../../src/engine/run.js";
import { scoreInput, type ScoreOptions } from "../../src/run/score.js";
import { InputError } from "../../src/input/errors.js";
import { readCases } from "../../src/input/read.js";
import type { ColumnMapping } from "../../src/input/mapping.js";

// The two ways to score a file that test/fast holds equal: the reference pipeline and the fast path.

export interface Settings {
  groupBy: string;
  mapping?: ColumnMapping;
  maxFieldBytes?: number;
  expectedColumns?: ReadonlySet<string>;
  rubric: Rubric;
}

/** Everything a run hands on: each case's JSON, each invalid record's JSON (key order included), the summary, warnings, or the error. */
export interface Run {
  cases: string[];
  invalid: string[];
  warnings: string[];
  summary?: string;
  error?: string;
}

async function collect(run: (sink: Pick<ScoreOptions, "onCaseJson" | "onInvalid" | "warn">) => Promise<unknown>): Promise<Run> {
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
export const reference = (path: string, s: Settings) =>
  collect((sink) =>
    runAudit(
      readCases(path, { mapping: s.mapping, maxFieldBytes: s.maxFieldBytes, expectedColumns: s.expectedColumns, warn: sink.warn, groupBy: s.groupBy }),
      s.rubric,
      { case: (result) => sink.onCaseJson!(JSON.stringify(result)), invalid: (record) => sink.onInvalid!(record) },
      s.groupBy,
    ),
  );

export const fast = (path: string, s: Settings, tuning: Partial<ScoreOptions>) =>
  collect((sink) => scoreInput(path, { ...s, ...sink, wantCases: true, workers: 0, ...tuning }));

/** The reference rubric, grouped by force: what a plain `audit score` does. */
export const PLAIN: Settings = { groupBy: "force", rubric: referenceRubric() };
