import { readSync } from "node:fs";
import { csvParseVerdict } from "./_csv-parse.js";
import { END, LF, NEED_MORE, RECORD, RecordCells, readRecord } from "./_tokenizer.js";

/** How `RecordReader.next` ended, beyond a record or the end. */
export const FAILED = 3;
export const GAVE_UP = 4;
export type NextStatus = typeof RECORD | typeof END | typeof FAILED | typeof GAVE_UP;

export interface ReaderOptions {
  delimiter: string;
  maxRecordChars: number;
  bufferBytes?: number;
}

/**
 * Reads records from a file descriptor from a record boundary on, holding a window of the
 * file. Lines count line feeds from where reading began: `line` is where the last record
 * starts; `lineAfterRecord` is where the reference reader's line counter then stands (it
 * counts empty lines only when a record follows them, so a CSV error names that line).
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
        if (held > maxRecordChars && this.failsInCsvParse(at, this.filled)) return FAILED;
        this.fill();
        continue;
      }
      if (status === END) return END;
      if (status !== RECORD) {
        if (!this.failsInCsvParse(at, this.filled)) throw new Error("the fast CSV tokenizer and csv-parse disagree");
        return FAILED;
      }
      const end = this.cells.next;
      if (end - at > maxRecordChars && this.failsInCsvParse(at, end)) return FAILED;
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

  private failsInCsvParse(from: number, to: number): boolean {
    const verdict = csvParseVerdict(this.buf.subarray(from, to), this.options.delimiter, this.options.maxRecordChars);
    if (verdict) this.error = verdict.description;
    return verdict !== undefined;
  }
}
