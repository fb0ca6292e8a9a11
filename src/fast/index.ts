import { closeSync, openSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Rubric } from "../engine/rubric.js";
import type { Summary } from "../engine/summary.js";
import { InputError } from "../input/errors.js";
import { columnTitles, RECORD_LIMIT_FACTOR } from "../input/read.js";
import { DEFAULT_MAX_FIELD_BYTES } from "../input/limits.js";
import type { ColumnMapping } from "../input/mapping.js";
import { changedWhileRead, type InputFormat, type Source } from "../input/source.js";
import type { ChunkJob, ChunkSetup } from "./_jobs.js";
import { planColumns } from "./_columns.js";
import { recurringIds, wantsFirstPass } from "./_first-pass.js";
import { inFileOrder } from "./_in-order.js";
import { Merger, type CaseSink } from "./_merge.js";
import { probeCsvFile, type CsvFile } from "./_open.js";
import { inlineRunner, threadRunner, type ChunkRunner, type RunResult } from "./_pool.js";
import { FAILED, RecordReader } from "./_reader.js";
import { rubricToWire } from "./_rubric.js";
import { TallyBatches } from "./_tally-batches.js";
import { bomLength, decodeCell, END } from "./_tokenizer.js";

export type { CaseSink } from "./_merge.js";

/** How far the fast path has read. */
export interface CsvProgress {
  /** Bytes read, of `total`. */
  bytes: number;
  total: number;
  /** Records read so far: cases and invalid records. */
  records: number;
  /** Set during the first pass, which reads only case_ids (its bytes are the same file's). */
  firstPass?: boolean;
}

export interface CsvScoreOptions extends CaseSink {
  rubric: Rubric;
  groupBy: string;
  /** As --input-format: a file not read as CSV is not taken. */
  format?: InputFormat;
  delimiter?: string;
  mapping?: ColumnMapping;
  maxFieldBytes?: number;
  /** The most columns a header may have (--max-columns). */
  maxColumns?: number;
  /** Carried-through columns something downstream reads (a plugin rule's fields): not warned about. */
  expectedColumns?: ReadonlySet<string>;
  /** The name the file is known by in messages, where `path` is a copy (stdin's): "stdin". */
  name?: string;
  warn?: (message: string) => void;
  onOpen?: (source: Source) => void;
  /** Whether cases are wanted (onCase, onCaseJson, onCaseJsonBytes); without them only grades are computed, much faster. */
  wantCases: boolean;
  onProgress?: (progress: CsvProgress) => void;
  /** Worker threads; default one per core; 0 reads on this thread. */
  workers?: number;
  /** Bytes per job; small values are for tests. */
  chunkBytes?: number;
  /** Smaller files are read on this thread (default 4 MiB): starting workers would take longer. */
  threadsFromBytes?: number;
  /**
   * Files of about this many records or more (default 1.5 million, judged from the first 256 KiB) are
   * read twice: a first pass finds the case_ids that recur, so that no table of every id is kept. A
   * smaller file keeps one (at most about 16 MB), which is quicker.
   */
  firstPassFromRecords?: number;
}

/**
 * Scores a regular CSV file as `runAudit(readCases(path, ...), rubric, sink, groupBy)` does, with the
 * same cases, invalid records, order and summary, reading it in byte ranges on worker threads. Plugin
 * rules and rules written in the config are loaded again in each worker. Undefined, before anything
 * is read or reported, for a file it does not take (not a regular file, not CSV, an unusual delimiter,
 * an error to report): the reference reader reads those, and says what it makes of them.
 */
export async function scoreCsvFile(path: string, options: CsvScoreOptions): Promise<Summary | undefined> {
  const file = await probeCsvFile(path, options.format, options.delimiter);
  if (!file) return undefined;
  if (options.name !== undefined) file.source.name = options.name;
  return scoreFile(path, file, options);
}

/** The fast path proper, on a file `probeCsvFile` has found it can take. */
async function scoreFile(path: string, file: CsvFile, options: CsvScoreOptions): Promise<Summary> {
  const { source, size, delimiter } = file;
  const { rubric, groupBy } = options;
  options.onOpen?.(source);
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const maxRecordChars = maxFieldBytes * RECORD_LIMIT_FACTOR;
  const setup: Omit<ChunkSetup, "plan"> = { path, size, delimiter, maxRecordChars, maxFieldBytes, mapping: options.mapping, groupBy, rubric, wantCases: options.wantCases };
  const { header, start } = readHeader(setup, source);
  const plan = planColumns(source.name, header, options);
  const ruleIds = rubric.rules.map(({ rule }) => rule.id);
  const merger = new Merger(source.name, ruleIds, start, options, columnTitles(header, plan.targets));
  const threads = options.workers ?? availableParallelism();
  const learn = (worker: number, result: RunResult["result"]) => merger.learnNames(worker, result);
  // A rule made in code, from no file, cannot be loaded in a worker: such a rubric grades on this thread.
  const wire = threads > 0 && size >= (options.threadsFromBytes ?? 4 << 20) ? rubricToWire(rubric) : undefined;
  const runner: ChunkRunner = wire ? threadRunner({ ...setup, plan, rubric: wire }, threads, learn) : inlineRunner({ ...setup, plan }, learn);
  // 1 MB jobs: a worker's window of the file, its record table and the results in flight grow with them
  // (peak RSS against 4 MB jobs, at the same speed: 1M rows 182 → 166 MB, 5M 236 → 221 MB).
  const perJob = options.chunkBytes ?? (options.wantCases ? 512 << 10 : 1 << 20);
  const jobs: ChunkJob[] = [];
  for (let at = start.position, index = 0; at < size; at += perJob, index++) jobs.push({ index, start: at, stop: Math.min(size, at + perJob), known: index === 0 });
  const ahead = Math.max(2, threads * 2 + 1);
  const tallies = new TallyBatches(runner, merger);
  try {
    await runner.ready();
    if (wantsFirstPass(source.head, size, options.firstPassFromRecords)) {
      merger.watch(await recurringIds(jobs, ahead, start.position, runner, (bytes) => options.onProgress?.({ bytes, total: size, records: 0, firstPass: true })));
      // The second pass must read what the first read, or a duplicate could go unseen.
      const now = statSync(path);
      if (now.size !== size || now.mtimeMs !== file.mtimeMs) {
        throw changedWhileRead(source.name);
      }
    }
    await inFileOrder(
      jobs,
      ahead,
      () => merger.position,
      (job) => runner.run(job),
      async (done) => {
        tallies.push(await merger.merge(done.worker, done.result));
        runner.recycle(done.worker, { json: done.result.json });
        // Without a first pass, the id table is sized for the records the first chunk predicts (a little
        // over); if more come, it grows a 256th at a time.
        if (done.result.index === 0) merger.expect(Math.ceil((merger.records / Math.max(1, merger.position - start.position)) * size * 1.02));
        options.onProgress?.({ bytes: merger.position, total: size, records: merger.records });
        return true;
      },
      // A chunk's JSON buffer goes back to its worker whether or not the chunk is used.
      (done) => runner.recycle(done.worker, { json: done.result.json }),
    );
    await tallies.finish();
    return merger.finish();
  } finally {
    await tallies.settled();
    await runner.close();
  }
}

/** The header row, read as the reference reads it, and where the records begin. */
function readHeader(setup: Omit<ChunkSetup, "plan">, source: Source) {
  const fd = openSync(setup.path, "r");
  try {
    const reader = new RecordReader(fd, setup.size, { delimiter: setup.delimiter, maxRecordChars: setup.maxRecordChars });
    reader.seek(bomLength(source.head));
    const status = reader.next();
    if (status === END) throw new InputError(`${source.name}: the file is empty (no header row)`);
    if (status === FAILED) throw new InputError(`${source.name}: line ${1 + reader.lineAfterRecord}: ${reader.error}`);
    const { cells } = reader;
    const header = Array.from({ length: cells.count }, (_, i) => decodeCell(reader.buf, cells.start[i]!, cells.end[i]!, cells.quoted[i]!));
    return { header, start: { position: reader.position, line: 1 + reader.newlines } };
  } finally {
    closeSync(fd);
  }
}
