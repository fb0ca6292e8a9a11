import type { Rubric } from "../engine/rubric.js";
import type { Summary } from "../engine/summary.js";
import { scoreInput, type ScoreOptions } from "../run/score.js";
import { InputError } from "../input/errors.js";
import { readCases, type ReadOptions, type RecordRow } from "../input/read.js";
import { SamplingFrame } from "./frame.js";
import type { SipKey } from "./siphash.js";
import { strataOf, stratumOf, type Stratification } from "./strata.js";

/** How the input is read: as `audit score` reads it. */
export type InputOptions = Pick<
  ScoreOptions,
  "format" | "delimiter" | "sheet" | "mapping" | "maxFieldBytes" | "maxColumns" | "stdin" | "warn" | "onOpen" | "onProgress" | "workers" | "chunkBytes" | "threadsFromBytes"
>;

export interface FrameRequest {
  rubric: Rubric;
  groupBy: string;
  stratification: Stratification;
  /** Whether a case is left out (--exclude). */
  excluded: (caseId: string) => boolean;
  /** The seed's key; none for a dry run, which only counts. */
  key?: SipKey;
  /** The most any stratum's draw can take. */
  keep: number;
}

/**
 * Grades every record, as `audit score` does, and builds the sampling frame of the valid cases. The
 * engine is called here and nowhere else in the sample, so that a change in how runs are routed is
 * a change of this one call.
 */
export async function readSamplingFrame(path: string, request: FrameRequest, input: InputOptions): Promise<{ frame: SamplingFrame; summary: Summary }> {
  const frame = new SamplingFrame(strataOf(request.stratification), request.keep, request.key);
  const stratum = stratumOf(request.stratification);
  const summary = await scoreInput(path, {
    ...input,
    rubric: request.rubric,
    groupBy: request.groupBy,
    // Columns a plugin rule reads are not "carried through" to warn about.
    expectedColumns: new Set(request.rubric.rules.flatMap(({ rule }) => rule.fields)),
    wantCases: true,
    onCase: (result) => {
      if (request.excluded(result.case_id)) frame.exclude(result.group);
      else frame.add(result.case_id, result.group, stratum(result));
    },
  });
  return { frame, summary };
}

/**
 * The columns as written of the cases drawn, read again: each is the record that owned its case_id
 * when the frame was read (the first one with it that was not damaged), so the reader settles it.
 */
export async function readDrawnRows(path: string, ids: ReadonlySet<string>, options: Omit<ReadOptions, "rows" | "warn" | "onOpen"> & { notes: boolean }): Promise<Map<string, RecordRow>> {
  const rows = new Map<string, RecordRow>();
  let name = path;
  const { notes, ...read } = options;
  for await (const item of readCases(path, { ...read, rows: { ids, notes }, warn: undefined, onOpen: (source) => (name = source.name) })) {
    if (item.kind === "case" && item.row) rows.set(item.record.case_id, item.row);
  }
  if (rows.size !== ids.size) throw new InputError(`${name}: the file changed while it was being read; sample a copy that nothing writes to`);
  return rows;
}
