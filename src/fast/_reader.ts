import { readSync } from "node:fs";
import { describeCsvError, MAX_RECORD_SIZE, readDamage, type CsvDamage } from "../input/csv.js";
import { surelyOverLimit } from "./_csv-parse.js";
import {
  END,
  INVALID_CLOSING_QUOTE,
  INVALID_OPENING_QUOTE,
  LF,
  NEED_MORE,
  QUOTE_NOT_CLOSED,
  RECORD,
  RecordCells,
  countNewlines,
  decodeCell,
  readRecord,
  type ReadStatus,
} from "./_tokenizer.js";

/** How `RecordReader.next` ended, beyond a record or the end. */
export const FAILED = 3;
export const GAVE_UP = 4;
/** A record with a stray quote, passed over to the end of the quote's line: see `damage`. */
export const DAMAGED = 5;
export type NextStatus = typeof RECORD | typeof END | typeof FAILED | typeof GAVE_UP | typeof DAMAGED;

const CODES: Partial<Record<ReadStatus, string>> = {
  [QUOTE_NOT_CLOSED]: "CSV_QUOTE_NOT_CLOSED",
  [INVALID_CLOSING_QUOTE]: "CSV_INVALID_CLOSING_QUOTE",
  [INVALID_OPENING_QUOTE]: "INVALID_OPENING_QUOTE",
};

export interface ReaderOptions {
  delimiter: string;
  maxRecordChars: number;
  bufferBytes?: number;
}

/**
 * Reads records from a file descriptor from a record boundary on, holding a window of the
 * file. Lines count line feeds from where reading began: `line` is where the last record
 * starts; `lineAfterRecord` is where the reference reader's line counter then stands (it
 * counts empty lines only when a record follows them), and after FAILED, the line the error
 * names. With `recover`, a record with a stray quote comes as DAMAGED (as the reference reads
 * it after the header) rather than FAILED.
 */
export class RecordReader {
  buf: Buffer;
  /** File offset of buf[0], and how many bytes of buf hold file data. */
  private base = 0;
  private filled = 0;
  /** File offset of the next record. */
  position = 0;
  recordStart = 0;
  line = 0;
  lineAfterRecord = 0;
  records = 0;
  newlines = 0;
  error = "";
  readonly cells = new RecordCells();
  /** Give up (GAVE_UP) rather than hold a record longer than this: for a guessed start. */
  maxRecordBytes: number | undefined;
  /** Pass over a record with a stray quote (DAMAGED) rather than fail: for records after the header. */
  recover = false;
  /** After DAMAGED: why, and the cells read whole before the stray quote. */
  damage: CsvDamage | undefined;

  constructor(
    private readonly fd: number,
    private size: number,
    private readonly options: ReaderOptions,
  ) {
    this.buf = Buffer.allocUnsafe(options.bufferBytes ?? 1 << 20);
  }

  /** Starts reading records at a file offset, keeping the bytes at hand; lines count from 0 there. */
  seek(position: number): void {
    if (position < this.base || position > this.base + this.filled) {
      this.base = position;
      this.filled = 0;
    }
    this.position = position;
    this.line = this.lineAfterRecord = this.newlines = this.records = 0;
  }

  /** The file's bytes from `offset` (up to `length` of them, fewer at its end), read in as one window. */
  window(offset: number, length: number): Uint8Array {
    if (offset < this.base || offset + length > this.base + this.filled) {
      this.base = this.position = offset;
      this.filled = 0;
      this.fill(Math.min(length, this.size - offset));
    }
    const from = offset - this.base;
    return this.buf.subarray(from, Math.min(from + length, this.filled));
  }

  private get eof(): boolean {
    return this.base + this.filled >= this.size;
  }

  /** Reads more of the file, keeping the bytes from the next record on; false at the end. */
  private fill(atLeast = 0): boolean {
    if (this.eof) return false;
    const keep = this.position - this.base;
    const kept = this.filled - keep;
    const wanted = Math.max(kept * 2, kept + atLeast, this.buf.length);
    if (wanted > this.buf.length) {
      const wider = Buffer.allocUnsafe(wanted);
      this.buf.copy(wider, 0, keep, this.filled);
      this.buf = wider;
    } else if (keep > 0) this.buf.copy(this.buf, 0, keep, this.filled);
    this.base = this.position;
    this.filled = kept;
    while (this.filled < this.buf.length && !this.eof) {
      const read = readSync(this.fd, this.buf, this.filled, this.buf.length - this.filled, this.base + this.filled);
      // A file cut short while it is read ends where it now ends.
      if (read === 0) this.size = this.base + this.filled;
      this.filled += read;
    }
    return true;
  }

  /** The next record that is not an empty line and starts before `stop`, in `cells` (offsets into `buf`). */
  next(stop = Infinity): NextStatus {
    const { delimiter, maxRecordChars } = this.options;
    const { maxRecordBytes } = this;
    const code = delimiter.charCodeAt(0);
    for (;;) {
      if (this.position >= stop) return END;
      const at = this.position - this.base;
      const status = readRecord(this.buf, at, this.filled, this.eof, code, this.cells);
      if (status === NEED_MORE) {
        const held = this.filled - at;
        if (maxRecordBytes !== undefined && held > maxRecordBytes) return GAVE_UP;
        if (held > maxRecordChars && surelyOverLimit(this.buf.subarray(at, this.filled), delimiter, maxRecordChars)) {
          return this.fail(describeCsvError(MAX_RECORD_SIZE, ""), this.newlines);
        }
        this.fill();
        continue;
      }
      if (status === END) return END;
      if (status !== RECORD) return this.quoteFault(status, at);
      const end = this.cells.next;
      if (end - at > maxRecordChars && this.overLimit(at, end)) return FAILED;
      this.recordStart = this.position;
      this.position = this.base + end;
      const start = this.newlines;
      this.newlines += this.cells.newlines;
      if (this.cells.isEmptyLine()) continue;
      this.line = start;
      const terminated = this.buf[end - 1] === LF;
      this.lineAfterRecord = this.newlines + (terminated ? 0 : 1);
      this.records++;
      return RECORD;
    }
  }

  /** Whether csv-parse finds the whole record in buf[from, to) over its size limit. */
  private overLimit(from: number, to: number): boolean {
    const verdict = readDamage(this.buf.subarray(from, to), this.options.delimiter, this.options.maxRecordChars, false);
    if (verdict?.code !== MAX_RECORD_SIZE) return false;
    this.fail(verdict.reason, this.newlines);
    return true;
  }

  private fail(reason: string, line: number): typeof FAILED {
    this.error = reason;
    this.lineAfterRecord = line;
    return FAILED;
  }

  /**
   * The record at buf[at] has a quote error. A stray quote (with `recover`) passes the record over
   * to the end of the quote's line, as the reference does (src/input/csv.ts readDamage), with the
   * cells before the quote; anything else fails with csv-parse's own reading of the record.
   * csv-parse is asked whenever the run ends here or its size limit might come first; a stray
   * quote in a record shorter than that limit the tokenizer reads alone (test/fast holds its
   * reading to the reference's), as it does every record without one: files where every other
   * record has a stray quote must not cost a csv-parse error each.
   */
  private quoteFault(status: ReadStatus, at: number): NextStatus {
    const { buf, cells } = this;
    const { delimiter, maxRecordChars } = this.options;
    // A quote never closed, or closed past a line break by a quote with text after it, ends the run.
    const runsOn = status === QUOTE_NOT_CLOSED || (status === INVALID_CLOSING_QUOTE && countNewlines(buf, cells.openedAt, cells.quoteAt) > 0);
    const to = status === QUOTE_NOT_CLOSED ? this.filled : Math.min(this.filled, cells.quoteAt + 2);
    const newlines = countNewlines(buf, at, runsOn ? cells.openedAt : cells.quoteAt);
    let damage: CsvDamage;
    if (runsOn || !this.recover || to - at > maxRecordChars) {
      const verdict = readDamage(buf.subarray(at, to), delimiter, maxRecordChars, to - at <= maxRecordChars);
      if (verdict?.code === MAX_RECORD_SIZE) return this.fail(verdict.reason, this.newlines);
      const agree =
        verdict !== undefined &&
        verdict.code === CODES[status] &&
        verdict.emptyLines === 0 &&
        verdict.kind === (runsOn ? "fatal" : "stray") &&
        verdict.newlines === newlines &&
        (runsOn || verdict.cells.length === cells.count);
      if (!agree) throw new Error("the fast CSV tokenizer and csv-parse disagree");
      if (verdict.kind === "fatal" || !this.recover) return this.fail(verdict.reason, this.newlines + verdict.newlines);
      damage = verdict;
    } else {
      const code = CODES[status]!;
      const before = Array.from({ length: cells.count }, (_, i) => decodeCell(buf, cells.start[i]!, cells.end[i]!, cells.quoted[i]!));
      damage = { kind: "stray", code, reason: describeCsvError(code, ""), emptyLines: 0, newlines, cells: before };
    }
    // The record ends at the first line feed after the stray quote, or at the end of the file.
    let from = cells.quoteAt + 1;
    let lf: number;
    for (;;) {
      lf = this.buf.subarray(0, this.filled).indexOf(LF, from);
      if (lf !== -1 || this.eof) break;
      const held = this.filled - at;
      if (this.maxRecordBytes !== undefined && held > this.maxRecordBytes) return GAVE_UP;
      if (held > maxRecordChars) break;
      this.fill();
      from = held + (at = this.position - this.base);
    }
    const end = lf === -1 ? this.filled : lf;
    if (end - at > maxRecordChars) return this.fail(describeCsvError(MAX_RECORD_SIZE, ""), this.newlines);
    this.damage = damage;
    this.recordStart = this.position;
    this.position = this.base + (lf === -1 ? end : lf + 1);
    this.line = this.newlines;
    this.newlines += damage.newlines + (lf === -1 ? 0 : 1);
    this.lineAfterRecord = this.newlines + (lf === -1 ? 1 : 0);
    this.records++;
    return DAMAGED;
  }
}
