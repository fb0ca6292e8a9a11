import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import type { Summary } from "../engine/summary.js";
import { scoreCsvFile, type CsvProgress, type CsvScoreOptions } from "../fast/index.js";
import { RECORD_LIMIT_FACTOR } from "../input/read.js";
import { DEFAULT_MAX_FIELD_BYTES } from "../input/limits.js";
import { referenceScore } from "./_reference.js";
import { spoolStdin } from "./_spool.js";

/** How far a run has read: the fast path's bytes of a total, the reference reader's records alone, or stdin's bytes copied. */
export interface ScoreProgress extends Partial<CsvProgress> {
  /** Records read so far: cases and invalid records. */
  records: number;
  /** Set while stdin is copied to a temporary file, before any record is read (`bytes` copied so far). */
  spooling?: boolean;
}

export interface ScoreOptions extends Omit<CsvScoreOptions, "groupBy" | "name" | "onProgress"> {
  /** The column cases are grouped by (default `force`). */
  groupBy?: string;
  /** A workbook's worksheet: a workbook goes the reference way. */
  sheet?: string;
  /** For the path `-`. */
  stdin?: Readable;
  onProgress?: (progress: ScoreProgress) => void;
}

/** Options with the group settled: what both paths are given. */
export type Settled = ScoreOptions & { groupBy: string };

/**
 * Scores a case file (or `-`, stdin) as `runAudit(readCases(path, ...), rubric, sink, groupBy)` does,
 * with the same cases, invalid records, order and summary, by the fast path where it can take the
 * input, which is much quicker: a regular CSV file, or CSV piped in (path `-`, stdin not a terminal,
 * or a named pipe), copied to a temporary file first. Anything else (JSON, a workbook, an unusual
 * delimiter) is read the reference way.
 */
export async function scoreInput(path: string, options: ScoreOptions): Promise<Summary> {
  const settled: Settled = { ...options, groupBy: options.groupBy ?? "force" };
  if (options.sheet !== undefined || options.format === "xlsx") return referenceScore(path, settled);
  const { stdin } = options;
  // Input said to be JSON is read as it comes; from a terminal, too (nothing to gain by waiting for its end).
  const asCsv = !options.format || options.format === "csv";
  if (path === "-" && stdin && !(stdin as { isTTY?: boolean }).isTTY && asCsv) return scorePipe("stdin", stdin, settled);
  // A named pipe (`<(unzip -p export.zip)`) is copied as stdin is, so that it is read in a file's memory, not a stream's.
  if (path !== "-" && asCsv && isPipe(path)) return scorePipe(path, createReadStream(path), settled);
  return (await scoreCsvFile(path, settled)) ?? referenceScore(path, settled);
}

function isPipe(path: string): boolean {
  try {
    const info = statSync(path);
    return info.isFIFO() || info.isSocket();
  } catch {
    return false;
  }
}

/**
 * Input that comes once, as a stream (stdin, a named pipe), copied to a temporary file and read as a
 * file is; where no copy can be made, or it is not CSV the fast path takes, read the reference way.
 */
async function scorePipe(name: string, stream: Readable, options: Settled): Promise<Summary> {
  const maxRecordBytes = (options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES) * RECORD_LIMIT_FACTOR;
  const spooled = await spoolStdin(stream, maxRecordBytes, (bytes) => options.onProgress?.({ bytes, records: 0, spooling: true }));
  if (!("path" in spooled)) return referenceScore("-", { ...options, stdin: spooled.replay });
  try {
    return (await scoreCsvFile(spooled.path, { ...options, name })) ?? (await referenceScore("-", { ...options, stdin: createReadStream(spooled.path) }));
  } finally {
    spooled.remove();
  }
}
