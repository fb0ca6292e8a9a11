import type { CaseResult } from "../engine/score.js";
import { SummaryBuilder, type ApartKept, type Summary } from "../engine/summary.js";
import { GRADES } from "../input/fields.js";
import { DUPLICATE, HAS_ID, HEAD, RATING_CODES, stride } from "./_table.js";
import { utf8 } from "./_tokenizer.js";

/** A merged chunk's records to tally: its table with duplicates marked, and what its numbers name. */
export interface ChunkTally {
  table: Int32Array;
  count: number;
  names: string[];
  ids: Uint8Array;
  caseIds?: string[];
}

/** Chunks tallied into one summary. */
export interface TallyJob extends ChunkTally {
  /** Cases apart the chunks before keep, as far as is known: this chunk's summary keeps only the rest of the first APART_LIMIT. */
  apartKept?: ApartKept;
  /** The chunks that follow it, tallied into the same summary: one summary a few chunks is less for the main thread to take in. */
  more?: ChunkTally[];
}

/** The arrays a tally job holds, to be moved (not copied) to the thread that tallies it. */
export const tallyTransfers = (job: TallyJob): ArrayBuffer[] =>
  [job, ...(job.more ?? [])].flatMap(({ table, ids }) => [table.buffer as ArrayBuffer, ids.buffer as ArrayBuffer]);

/**
 * The summary of one chunk's records (and those of the chunks in `more`), tallied as runAudit
 * tallies them, in order: each graded case through SummaryBuilder.addCase (given what it reads of a
 * CaseResult), each invalid record and duplicate through addInvalid. Chunk summaries add up to the run's.
 */
export function tallyChunk(job: TallyJob, ruleIds: readonly string[]): Summary {
  const summary = new SummaryBuilder(ruleIds, job.apartKept);
  for (const chunk of [job, ...(job.more ?? [])]) tallyInto(summary, chunk, ruleIds);
  return summary.build();
}

function tallyInto(summary: SummaryBuilder, job: ChunkTally, ruleIds: readonly string[]): void {
  const { table, names, ids } = job;
  const width = stride(ruleIds.length);
  let idAt = 0;
  let idEnd = 0;
  let graded = 0;
  // case_id is read only for a case whose grades are far apart, so it is decoded only then.
  const tallied = {
    get case_id() {
      return job.caseIds?.[graded] ?? utf8(ids, idAt, idEnd);
    },
    group: "",
    grade: "good",
    reported_on: "",
    rules: ruleIds.map((id) => ({ id, rating: "n/a", findings: [] })),
  } as CaseResult;
  for (let o = 0; o < job.count * width; o += width) {
    const word = table[o]!;
    const status = word & 0xff;
    idEnd = word & HAS_ID ? idAt + table[o + 6]! : idAt;
    if (word & DUPLICATE) summary.addInvalid(names[table[o + 5]!]!);
    else if (status > 2) summary.addInvalid(names[table[o + 4]!]!);
    else {
      const inspector = word >>> 16;
      tallied.group = names[table[o + 4]!]!;
      tallied.grade = GRADES[status]!;
      tallied.inspector_grade = inspector === 0 ? undefined : GRADES[inspector - 1];
      for (let i = 0; i < tallied.rules.length; i++) tallied.rules[i]!.rating = RATING_CODES[(table[o + HEAD + (i >> 4)]! >>> ((i & 15) * 2)) & 3]!;
      summary.addCase(tallied);
    }
    if (status <= 2) graded++;
    idAt = idEnd;
  }
}
