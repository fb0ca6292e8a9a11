import type { ScoredInvalid } from "../engine/invalid.js";
import type { CaseResult } from "../engine/score.js";
import { SummaryBuilder, type ApartKept, type Summary } from "../engine/summary.js";
import { InputError } from "../input/errors.js";
import { invalidRecord, type ColumnTitles } from "../input/read.js";
import type { ChunkResult } from "./_jobs.js";
import { DUPLICATE, HAS_ID, stride } from "./_table.js";
import { IdRegistry } from "../input/case-ids.js";
import type { ChunkTally } from "./_tally.js";
import { utf8 } from "./_tokenizer.js";

export interface CaseSink {
  onCase?: (result: CaseResult) => void | Promise<void>;
  /** A case as `JSON.stringify(result)` writes it, for reporters that write JSON. */
  onCaseJson?: (json: string) => void | Promise<void>;
  /**
   * The same as UTF-8 bytes, `bytes[start, end)`, for a writer of bytes: nothing decoded or
   * encoded, no object per case. `bytes` holds a whole chunk's cases; copy what you keep.
   */
  onCaseJsonBytes?: (bytes: Uint8Array, start: number, end: number) => void | Promise<void>;
  onInvalid?: (record: ScoredInvalid) => void | Promise<void>;
}

/**
 * Joins chunk results in file order, as readCases and runAudit meet the records: settles
 * duplicate ids (the first record with an id owns it), numbers lines and hands each case or
 * invalid record on. Tallying is left to `tallyChunk`, on a worker. Besides the tallies, only
 * the id table grows with the file, unless a first pass has found the ids that recur (`watch`).
 */
export class Merger {
  private readonly summary: SummaryBuilder;
  /** The next record boundary expected, and the line it is on. */
  position: number;
  private line: number;
  records = 0;
  /** Every id met, each with the first line that has it; or, after a first pass, only the ids that recur (a listed table). */
  private ids = new IdRegistry();
  private readonly names: string[][] = [];
  private readonly known: Uint8Array[] = [];
  private readonly groups = new Set<string>();

  constructor(
    private readonly name: string,
    private readonly ruleIds: readonly string[],
    start: { position: number; line: number },
    private readonly sink: CaseSink,
    private readonly titles: ColumnTitles,
  ) {
    this.summary = new SummaryBuilder(ruleIds);
    this.position = start.position;
    this.line = start.line;
  }

  /** Group names a worker met, heard as its results arrive (before they are merged). */
  learnNames(worker: number, result: ChunkResult): void {
    (this.names[worker] ??= []).push(...result.names);
  }

  /** Takes a first pass's listed table of the ids that recur: no other id can be a duplicate, and no other is kept. */
  watch(recurring: IdRegistry): void {
    this.ids = recurring;
  }

  /** Room for about this many ids, so that a table of every id need not grow as it fills. */
  expect(records: number): void {
    this.ids.reserve(records);
  }

  /** Tallies in the order the reference meets groups: SummaryBuilder keeps that order for equal names. */
  private meet(worker: number, group: number): void {
    const known = (this.known[worker] ??= new Uint8Array(64));
    if (group < known.length && known[group]) return;
    if (group >= known.length) {
      const wider = new Uint8Array(Math.max(known.length * 2, group + 1));
      wider.set(known);
      this.known[worker] = wider;
    }
    this.known[worker]![group] = 1;
    const name = this.names[worker]![group]!;
    if (this.groups.has(name)) return;
    this.groups.add(name);
    const first = new SummaryBuilder(this.ruleIds);
    first.addInvalid(name);
    const met = first.build();
    met.overall.invalid = met.groups[0]!.invalid = 0;
    this.summary.addSummary(met);
  }

  /** Merges the next chunk; returns what is left to tally. */
  async merge(worker: number, result: ChunkResult): Promise<ChunkTally> {
    const { table, details, ids, count } = result;
    const { sink } = this;
    const json = result.jsonAscii && result.json.length && (sink.onCaseJson || sink.onCase) ? utf8(result.json, 0, result.json.length) : "";
    const names = this.names[worker]!;
    const width = stride(this.ruleIds.length);
    let idAt = 0;
    let jsonAt = 0;
    let detail = 0;
    for (let o = 0; o < count * width; o += width) {
      const word = table[o]!;
      const status = word & 0xff;
      const line = this.line + table[o + 1]!;
      const idEnd = word & HAS_ID ? idAt + table[o + 6]! : idAt;
      const jsonEnd = jsonAt + table[o + 7]!;
      const current = status > 2 ? details[detail++]! : undefined;
      const first = word & HAS_ID ? this.ids.claim(table[o + 2]!, table[o + 3]!, line) : 0;
      if (first !== 0) {
        table[o] = word | DUPLICATE;
        this.meet(worker, table[o + 5]!);
        const reason = `duplicate case_id; first seen at line ${first}`;
        const group = names[table[o + 5]!]!;
        await sink.onInvalid?.({ ...invalidRecord({ line }, utf8(ids, idAt, idEnd), [{ field: "case_id", reason }], this.titles), group });
      } else {
        this.meet(worker, table[o + 4]!);
        if (status <= 2) {
          if (jsonEnd > jsonAt) {
            if (sink.onCaseJsonBytes) {
              // Awaited only when the writer is full: an await per case would cost more than the write.
              const full = sink.onCaseJsonBytes(result.json, jsonAt, jsonEnd);
              if (full) await full;
            }
            if (sink.onCaseJson || sink.onCase) {
              const text = result.jsonAscii ? json.slice(jsonAt, jsonEnd) : utf8(result.json, jsonAt, jsonEnd);
              await sink.onCaseJson?.(text);
              await sink.onCase?.(JSON.parse(text) as CaseResult);
            }
          }
        } else {
          const group = names[table[o + 4]!]!;
          await sink.onInvalid?.({ ...invalidRecord({ line }, current!.case_id, current!.errors, this.titles), group });
        }
      }
      idAt = idEnd;
      jsonAt = jsonEnd;
    }
    this.records += count;
    if (result.failure) {
      const line = this.line + result.lineAfterRecord;
      throw new InputError(`${this.name}: line ${line}: ${result.failure}`);
    }
    this.line += result.newlines;
    this.position = result.next;
    return { table, count, names: names.slice(), ids, caseIds: result.caseIds };
  }

  /** How many cases apart the summaries added so far keep: a later chunk's tally need keep no more than the rest. */
  get apartKept(): ApartKept {
    return this.summary.apartKept;
  }

  /** Adds the next chunk's summary, in file order. */
  add(chunk: Summary): void {
    this.summary.addSummary(chunk);
  }

  finish(): Summary {
    return this.summary.build();
  }
}
