import { CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { InputError } from "./errors.js";
import { chunks, sniffed, type Source } from "./source.js";

export interface CsvRow {
  /** The 1-based line on which the row starts. */
  line: number;
  cells: string[];
  /**
   * Set for a record with a stray quote (see CsvDamage): why it cannot be read. `cells` then
   * holds only the cells read whole before that quote.
   */
  damage?: string;
}

const DELIMITERS = [",", ";", "\t"] as const;

/** Picks the delimiter that splits the header line most often, outside quotes. */
export function sniffDelimiter(head: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** The delimiter of a file named `name` (or `stdin`) that starts with `head`: tab for .tsv, else sniffed from the first SNIFF_BYTES. */
export function delimiterOf(name: string, head: Buffer): string {
  return name.toLowerCase().endsWith(".tsv") ? "\t" : sniffDelimiter(sniffed(head).toString("utf8"));
}

function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) count++;
  }
  return count;
}

const LF = 0x0a;

/** The options csv-parse reads a CSV file with: here, and in src/fast/ for the records it hands to csv-parse. */
export function csvParseOptions(delimiter: string, maxRecordChars: number, bom: boolean) {
  return {
    bom,
    delimiter,
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    // Only a line with nothing on it is blank: a line holding `""` is a record of one empty cell.
    skip_empty_lines: true,
    // 0 would mean no limit at all.
    max_record_size: Math.max(1, maxRecordChars),
  };
}

const OPENING = "INVALID_OPENING_QUOTE";
const CLOSING = "CSV_INVALID_CLOSING_QUOTE";
const NOT_CLOSED = "CSV_QUOTE_NOT_CLOSED";
export const MAX_RECORD_SIZE = "CSV_MAX_RECORD_SIZE";
const RUNS_ON = "a quoted field is never closed: it runs over a line break to a quote with text after it (a missing closing quote, or an inner quote not doubled)";

/**
 * Why csv-parse cannot read a record, and whether reading can go on after it.
 *
 * `stray`: a quote in the middle of a field, unquoted (`He said "no"`) or quoted (`"He said "no""`),
 * with no line break between the start of that field and the quote. Every byte before the quote
 * was read as csv-parse reads it, so where the record starts and its cells before the quote are
 * sure. The record ends at the end of the quote's line; the next line starts the next record.
 *
 * `fatal`: a quoted field never closed (at the end of the input, or "closed" by a quote with text
 * after it past a line break: how a missing closing quote shows once later cells are quoted), or
 * a record over the size limit. Where the next record starts cannot be known.
 */
export interface CsvDamage {
  kind: "stray" | "fatal";
  /** csv-parse's error code. */
  code: string;
  /** One line in the auditor's words, quoting nothing of the file. */
  reason: string;
  /** The empty lines before the record. */
  emptyLines: number;
  /** Line feeds in the record before the stray quote, or before the quote never closed (0 for other errors). */
  newlines: number;
  /** The cells read whole before the stray quote (none when fatal). */
  cells: string[];
}

/**
 * What csv-parse makes of bytes that start where a record (or empty lines before one) starts,
 * when it fails on that record; undefined if it reads all the bytes. The reference reader asks
 * about the input after its last record, the fast reader about a record its tokenizer stopped
 * at: both take csv-parse's own answer.
 */
export function readDamage(bytes: Uint8Array, delimiter: string, maxRecordChars: number, quoteError = true): CsvDamage | undefined {
  // `raw` only where a quote error is expected (`quoteError`): csv-parse copies the record into its error
  // as a string (three times over, for a record of 8 × --max-field-bytes), and only a quote error needs
  // it. `raw` changes nothing else, so a quote error met without it is read again with it.
  const parseError = (raw: boolean): CsvError | undefined => {
    try {
      parseSync(bytes, { ...csvParseOptions(delimiter, maxRecordChars, false), raw });
      return undefined;
    } catch (caught) {
      if (!(caught instanceof CsvError)) throw caught;
      return caught;
    }
  };
  let error = parseError(quoteError);
  if (error === undefined) return undefined;
  if (!quoteError && [OPENING, CLOSING, NOT_CLOSED].includes(error.code)) error = parseError(true)!;
  const { code } = error;
  const emptyLines = typeof error.empty_lines === "number" ? error.empty_lines : 0;
  const damage: CsvDamage = { kind: "fatal", code, reason: describeCsvError(code, error.message), emptyLines, newlines: 0, cells: [] };
  const { raw, index } = error;
  if (![OPENING, CLOSING, NOT_CLOSED].includes(code) || typeof raw !== "string" || typeof index !== "number") return damage;
  // `raw` is what csv-parse took in for the record: a character for each empty line before it, then
  // the record up to the quote at fault (for a quote never closed, to the end). Read again, ended
  // where that quote ends it, it gives the record's cells as far as they go.
  const record = raw.slice(emptyLines);
  const text = code === OPENING ? record.slice(0, -1) : code === NOT_CLOSED ? `${record}"` : record;
  let cells: string[];
  try {
    cells = parseSync(text, { delimiter, record_delimiter: ["\r\n", "\n"], relax_column_count: true })[0] ?? [];
  } catch {
    return damage;
  }
  const before = cells.slice(0, index);
  if (code === NOT_CLOSED) return { ...damage, newlines: countNewlines(before) };
  if (code === CLOSING && cells[index]?.includes("\n")) return { ...damage, reason: RUNS_ON, newlines: countNewlines(before) };
  return { ...damage, kind: "stray", newlines: countNewlines([record]), cells: before };
}

/** Where the line after the `count`-th line feed from `from` starts. */
function afterLineFeeds(bytes: Uint8Array, from: number, count: number): number {
  let at = from;
  for (let k = 0; k < count; k++) {
    const lf = bytes.indexOf(LF, at);
    if (lf === -1) return bytes.length;
    at = lf + 1;
  }
  return at;
}

/** One csv-parse parser, reading the input from `from` on. */
class ParserRun {
  rows: CsvRow[] = [];
  failure: CsvError | undefined;
  /** Where the last record read ends, in the input. */
  end: number;
  private emptyLines = 0;
  private readonly parser;

  constructor(
    delimiter: string,
    maxRecordChars: number,
    from: number,
    /** The reference's line counter: where the next record starts, counting no empty line before it yet. */
    public line: number,
    bom: boolean,
  ) {
    this.end = from;
    this.parser = parse({
      ...csvParseOptions(delimiter, maxRecordChars, bom),
      on_record: (cells: string[], context: { empty_lines: number; bytes: number }) => {
        this.line += context.empty_lines - this.emptyLines;
        this.emptyLines = context.empty_lines;
        this.rows.push({ line: this.line, cells });
        this.line += 1 + countNewlines(cells);
        this.end = from + context.bytes;
        return null;
      },
    });
    this.parser.on("error", (error: CsvError) => (this.failure ??= error));
    this.parser.resume();
  }

  /** Parses a chunk, or (without one) the end of the input. */
  feed(chunk?: Buffer): Promise<void> {
    const { parser } = this;
    if (chunk) return new Promise((resolve) => parser.write(chunk, () => resolve()));
    return Promise.race([new Promise<void>((resolve) => parser.end(() => resolve())), new Promise<void>((resolve) => parser.once("error", () => resolve()))]);
  }

  take(): CsvRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

/**
 * Streams the rows of a CSV source, the header row first, each with the line it starts on. Blank
 * lines are skipped. A record with a stray quote after the header comes as a row with `damage`
 * set, and the rows after it follow; any other CSV error ends the stream with an InputError naming
 * its line. Only a chunk of the file and the record being read are held at a time.
 */
export async function* readCsvRows(source: Source, delimiter?: string, maxRecordChars = 8 * 1024 * 1024): AsyncGenerator<CsvRow> {
  const chosen = delimiter ?? delimiterOf(source.name, source.head);
  const input = chunks(source);
  const fail = (line: number, reason: string) => new InputError(`${source.name}: line ${line}: ${reason}`);
  let run = new ParserRun(chosen, maxRecordChars, 0, 1, true);
  /** The input from `heldFrom` on, from the end of the last record read: a record csv-parse fails on is read again from there. */
  let held: Buffer[] = [];
  let heldFrom = 0;
  /** Bytes taken from the input so far. */
  let taken = 0;
  /** Input after a record with a stray quote, for the next parser. */
  let carry: Buffer | undefined;
  let records = 0;
  for (;;) {
    let chunk = carry;
    carry = undefined;
    if (!chunk) {
      const next = await input.next();
      if (!next.done) taken += next.value.length;
      chunk = next.done ? undefined : next.value;
    }
    if (chunk) held.push(chunk);
    await run.feed(chunk);
    const rows = run.take();
    records += rows.length;
    yield* rows;
    while (held.length && heldFrom + held[0]!.length <= run.end) heldFrom += held.shift()!.length;
    const failure = run.failure;
    if (!failure) {
      if (!chunk) return;
      continue;
    }
    // The input from the end of the last record (a view, not a copy, within one chunk)...
    const skip = run.end - heldFrom;
    let region = held.length === 1 ? held[0]!.subarray(skip) : Buffer.concat(held).subarray(skip);
    // ...and before the header, after the byte order mark csv-parse skipped.
    if (run.end === 0 && region[0] === 0xef && region[1] === 0xbb && region[2] === 0xbf) region = region.subarray(3);
    // UTF-16 (csv-parse reads it after its byte order mark) is not read again byte by byte.
    const utf16 = source.head[0] === 0xff && source.head[1] === 0xfe;
    const damage = utf16 ? undefined : readDamage(region, chosen, maxRecordChars, failure.code !== MAX_RECORD_SIZE);
    if (!damage) throw fail(run.line, describeCsvError(failure.code, failure.message));
    const line = run.line + damage.emptyLines;
    // The header must be read whole.
    if (damage.kind === "fatal" || records === 0) throw fail(line + damage.newlines, damage.reason);
    // A stray quote: the record ends at the end of the quote's line, found without keeping what it skips.
    const start = afterLineFeeds(region, 0, damage.emptyLines);
    const lf = region.indexOf(LF, afterLineFeeds(region, start, damage.newlines));
    /** The record's bytes, its line break left out, and where the input goes on after it (-1: it ends the input). */
    let length = (lf === -1 ? region.length : lf) - start;
    let next = -1;
    if (lf !== -1) {
      next = run.end + lf + 1;
      carry = region.subarray(lf + 1);
    } else {
      while (length <= maxRecordChars) {
        const more = await input.next();
        if (more.done) break;
        taken += more.value.length;
        const at = more.value.indexOf(LF);
        if (at === -1) {
          length += more.value.length;
          continue;
        }
        length += at;
        next = taken - more.value.length + at + 1;
        carry = more.value.subarray(at + 1);
        break;
      }
    }
    if (length > maxRecordChars) throw fail(line, describeCsvError(MAX_RECORD_SIZE, ""));
    yield { line, cells: damage.cells, damage: damage.reason };
    records++;
    if (next === -1) return;
    if (!carry?.length) carry = undefined;
    run = new ParserRun(chosen, maxRecordChars, next, line + damage.newlines + 1, false);
    held = [];
    heldFrom = next;
  }
}

/** csv-parse's error, in the auditor's words: one line, no file text. */
export function describeCsvError(code: string | undefined, message: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed (a missing closing quote)";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)";
    case MAX_RECORD_SIZE:
      return "a record longer than 8 times --max-field-bytes; is the file CSV, with line breaks?";
    default:
      return message.split("\n")[0] ?? "not valid CSV";
  }
}
