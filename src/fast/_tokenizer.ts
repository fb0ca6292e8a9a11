export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** What `readRecord` found. */
export const RECORD = 0;
export const END = 1;
export const NEED_MORE = 2;
export const QUOTE_NOT_CLOSED = 3;
export const INVALID_CLOSING_QUOTE = 4;
export const INVALID_OPENING_QUOTE = 5;
export type ReadStatus = typeof RECORD | typeof END | typeof NEED_MORE | typeof QUOTE_NOT_CLOSED | typeof INVALID_CLOSING_QUOTE | typeof INVALID_OPENING_QUOTE;

/**
 * The cells of one record as byte ranges. An unquoted cell is `[start, end)` as is; a quoted
 * cell is `[start, end)` after its opening quote, holding doubled quotes and the closing quote
 * (see `unescapeCell`).
 */
export class RecordCells {
  start = new Int32Array(64);
  end = new Int32Array(64);
  quoted = new Uint8Array(64);
  /** An unquoted cell's FNV-1a hash, taken while reading it. */
  hash = new Int32Array(64);
  count = 0;
  /** Where the next record starts, and the line feeds this one spans (its terminator included). */
  next = 0;
  newlines = 0;
  /**
   * After a quote error: the quote at fault (for QUOTE_NOT_CLOSED, the one never closed) and the
   * quote that opened its cell (-1: an unquoted cell); `count` is then the cells read whole before it.
   */
  quoteAt = 0;
  openedAt = -1;

  grow(): void {
    const size = this.start.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const wider = make(size);
      wider.set(old);
      return wider;
    };
    this.start = widen(this.start, (n) => new Int32Array(n));
    this.end = widen(this.end, (n) => new Int32Array(n));
    this.quoted = widen(this.quoted, (n) => new Uint8Array(n));
    this.hash = widen(this.hash, (n) => new Int32Array(n));
  }

  /** Notes where a quote error is (see `quoteAt`), and returns its status. */
  fault(status: ReadStatus, count: number, quoteAt: number, openedAt: number): ReadStatus {
    this.count = count;
    this.quoteAt = quoteAt;
    this.openedAt = openedAt;
    return status;
  }

  /** A line with nothing on it, which csv-parse skips (`skip_empty_lines`); `""` is a record. */
  isEmptyLine(): boolean {
    return this.count === 1 && this.quoted[0] === 0 && this.start[0] === this.end[0];
  }
}

export function countNewlines(buf: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = buf.indexOf(LF, from); i !== -1 && i < to; i = buf.indexOf(LF, i + 1)) count++;
  return count;
}

const SPECIAL: Uint8Array[] = [];

/** 1 for the bytes that end or break an unquoted cell: the delimiter, quote, CR and LF. */
function specialBytes(delimiter: number): Uint8Array {
  let table = SPECIAL[delimiter];
  if (!table) {
    table = SPECIAL[delimiter] = new Uint8Array(256);
    for (const c of [delimiter, QUOTE, CR, LF]) table[c] = 1;
  }
  return table;
}

/** FNV-1a's prime: unquoted cells are hashed as they are read (see ByteTable). */
export const FNV_PRIME = 0x01000193;
export const FNV_OFFSET = 0x811c9dc5;

/**
 * Reads one record at `pos` the way csv-parse does with the reference reader's options
 * (`"` quotes and escapes, records end at `\r\n` or `\n`, no trimming, ragged rows allowed).
 * `limit` is the end of the bytes at hand; `eof` says whether the file ends there.
 */
export function readRecord(buf: Uint8Array, pos: number, limit: number, eof: boolean, delimiter: number, out: RecordCells): ReadStatus {
  const special = specialBytes(delimiter);
  let p = pos;
  let n = 0;
  let newlines = 0;
  fields: for (;;) {
    if (n + 1 >= out.start.length) out.grow();
    if (p >= limit) {
      if (!eof) return NEED_MORE;
      if (n === 0) return END;
      out.start[n] = out.end[n] = p;
      out.quoted[n] = 0;
      out.hash[n++] = FNV_OFFSET;
      break;
    }
    let start = p;
    let quoted = 0;
    if (buf[p] === QUOTE) {
      quoted = 1;
      start = ++p;
      for (;;) {
        const q = buf.indexOf(QUOTE, p);
        if (q === -1 || q >= limit) return eof ? out.fault(QUOTE_NOT_CLOSED, n, start - 1, start - 1) : NEED_MORE;
        if (q + 1 >= limit) {
          if (!eof) return NEED_MORE;
          newlines += countNewlines(buf, start, q);
          out.start[n] = start;
          out.end[n] = p = q + 1;
          out.quoted[n++] = 1;
          break fields;
        }
        const next = buf[q + 1]!;
        if (next === QUOTE) {
          p = q + 2;
          continue;
        }
        newlines += countNewlines(buf, start, q);
        if (next === delimiter || next === LF || next === CR) {
          if (next === CR && q + 2 >= limit && !eof) return NEED_MORE;
          if (next === CR && (q + 2 >= limit || buf[q + 2] !== LF)) return out.fault(INVALID_CLOSING_QUOTE, n, q, start - 1);
          out.start[n] = start;
          out.end[n] = q + 1;
          out.quoted[n++] = 1;
          if (next === delimiter) {
            p = q + 2;
            continue fields;
          }
          newlines++;
          p = q + (next === LF ? 2 : 3);
          break fields;
        }
        // csv-parse closes a quote before a NUL byte, then appends what follows to the cell.
        if (next !== 0) return out.fault(INVALID_CLOSING_QUOTE, n, q, start - 1);
        p = q + 1;
        break;
      }
    }
    // An unquoted cell (its first byte is not a quote), or the bytes after a quoted cell's NUL:
    // either way a quote here follows other bytes of the cell, which csv-parse refuses.
    let hash = FNV_OFFSET;
    for (;;) {
      if (p >= limit) {
        if (!eof) return NEED_MORE;
        out.start[n] = start;
        out.end[n] = p;
        out.quoted[n] = quoted;
        out.hash[n++] = hash;
        break fields;
      }
      const c = buf[p]!;
      if (special[c] === 0) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        p++;
        continue;
      }
      if (c === delimiter || c === LF || (c === CR && p + 1 < limit && buf[p + 1] === LF)) {
        out.start[n] = start;
        out.end[n] = p;
        out.quoted[n] = quoted;
        out.hash[n++] = hash;
        if (c === delimiter) {
          p++;
          continue fields;
        }
        newlines++;
        p += c === LF ? 1 : 2;
        break fields;
      }
      if (c === CR && p + 1 >= limit && !eof) return NEED_MORE;
      if (c === QUOTE) return out.fault(INVALID_OPENING_QUOTE, n, p, quoted ? start - 1 : -1);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      p++;
    }
  }
  out.count = n;
  out.next = p;
  out.newlines = newlines;
  return RECORD;
}

/** A cell's bytes as csv-parse hands them on: doubled quotes made single, the closing quote dropped. */
export function unescapeCell(buf: Uint8Array, start: number, end: number, into: Uint8Array): number {
  let length = 0;
  let inQuotes = true;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (inQuotes && c === QUOTE) {
      if (buf[i + 1] === QUOTE && i + 1 < end) i++;
      else {
        inQuotes = false;
        continue;
      }
    }
    into[length++] = c;
  }
  return length;
}

let scratch = Buffer.allocUnsafeSlow(4096);

/** Bytes as a string, decoded as csv-parse decodes a cell (Buffer's UTF-8, U+FFFD for bad bytes). */
export function utf8(buf: Uint8Array, start: number, end: number): string {
  return Buffer.prototype.utf8Slice.call(buf, start, end);
}

/** A quoted cell's bytes, unescaped, in a scratch buffer valid until the next call. */
export function unescaped(buf: Uint8Array, start: number, end: number): Buffer {
  if (scratch.length < end - start) scratch = Buffer.allocUnsafeSlow(end - start);
  return scratch.subarray(0, unescapeCell(buf, start, end, scratch));
}

/** A cell as the string csv-parse gives. */
export function decodeCell(buf: Uint8Array, start: number, end: number, quoted: number): string {
  if (!quoted) return utf8(buf, start, end);
  const bytes = unescaped(buf, start, end);
  return utf8(bytes, 0, bytes.length);
}

/** The UTF-8 byte order mark csv-parse skips at the start of a file. */
export function bomLength(buf: Uint8Array): number {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
}
