import type { Rubric } from "../engine/rubric.js";
import type { ColumnMapping } from "../input/mapping.js";
import type { RuleLogic } from "../rules/define-rule.js";
import type { ColumnPlan } from "./_columns.js";
import type { RecordDetail } from "./_grade.js";

// What the main thread and a worker send each other: the run's setup, jobs, their results, and buffers given back.

export interface ChunkSetup {
  path: string;
  size: number;
  delimiter: string;
  maxRecordChars: number;
  maxFieldBytes: number;
  plan: ColumnPlan;
  mapping?: ColumnMapping;
  groupBy: string;
  /** On a worker, made again from plain data (src/fast/_rubric.ts). */
  rubric: Rubric<RuleLogic>;
  /** Whether each case's result is wanted (as its JSON text), or only its grade. */
  wantCases: boolean;
}

/** Records that start in [start, stop); `known` when start is a record boundary, not a guess. */
export interface ChunkJob {
  index: number;
  start: number;
  stop: number;
  known: boolean;
}

/** A buffer the main thread gives back to the worker that filled it. */
export type Spent = { json: Uint8Array } | { hashes: Int32Array };

/** The first pass over a chunk (`ChunkProcessor.hashIds`): its records' case_id hashes. */
export interface IdsResult {
  index: number;
  first: number;
  next: number;
  /** [hi, lo] per record that may claim an id (a superset of those that do). */
  hashes: Int32Array;
  /** The chunk ends in a CSV error that stops the run: the records after it do not count. */
  failed?: boolean;
  gaveUp?: boolean;
}

export interface ChunkResult {
  index: number;
  /** The first record's offset (-1: none before stop), where the next chunk's records begin, and the line feeds between. */
  first: number;
  next: number;
  newlines: number;
  /** Where the reference's line counter stands after the chunk's last record (relative), if it has one. */
  lineAfterRecord: number;
  count: number;
  table: Int32Array;
  /** For each record that is not a graded case, in order. */
  details: RecordDetail[];
  /** Group names this worker met for the first time, in the order of its group numbers. */
  names: string[];
  /** Each record's case_id as written (trimmed), in UTF-8, one after another: see table[6]. */
  ids: Uint8Array;
  /** Each graded case's own case_id, when a value mapping may make it differ from the id as written. */
  caseIds?: string[];
  /** Each graded case's JSON, in UTF-8, one after another: see table[7] (its length in bytes). */
  json: Uint8Array;
  /** Whether that JSON is all ASCII, so that byte offsets are string offsets. */
  jsonAscii: boolean;
  failure?: string;
  gaveUp?: boolean;
}
