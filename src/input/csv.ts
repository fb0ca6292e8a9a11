import { parse, type CsvError } from "csv-parse";
import { InputError } from "./errors.js";
import { chunks, type Source } from "./source.js";

export interface CsvRow {
  /** The 1-based line on which the row starts. */
  line: number;
  cells: string[];
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

function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) count++;
  }
  return count;
}

/**
 * Streams the rows of a CSV source, the header row first, each with the line it
 * starts on. Blank lines are skipped. Only one chunk of the file is held at a time.
 */
export async function* readCsvRows(source: Source, delimiter?: string, maxRecordChars = 8 * 1024 * 1024): AsyncGenerator<CsvRow> {
  const chosen = delimiter ?? (source.name.toLowerCase().endsWith(".tsv") ? "\t" : sniffDelimiter(source.head.toString("utf8")));
  let pending: CsvRow[] = [];
  let line = 1;
  let emptyLines = 0;
  const parser = parse({
    bom: true,
    delimiter: chosen,
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    // Only a line with nothing on it is blank: a line holding `""` is a record of one empty cell.
    skip_empty_lines: true,
    // 0 would mean no limit at all.
    max_record_size: Math.max(1, maxRecordChars),
    on_record: (cells: string[], context: { empty_lines: number }) => {
      line += context.empty_lines - emptyLines;
      emptyLines = context.empty_lines;
      pending.push({ line, cells });
      line += 1 + countNewlines(cells);
      return null;
    },
  });
  let failure: CsvError | undefined;
  parser.on("error", (error: CsvError) => (failure ??= error));
  parser.resume();
  const feed = (chunk?: Buffer) =>
    new Promise<void>((resolve) => (chunk ? parser.write(chunk, () => resolve()) : parser.end(() => resolve())));
  const drain = function* () {
    const rows = pending;
    pending = [];
    yield* rows;
    if (failure) throw new InputError(`${source.name}: line ${line}: ${describeCsvError(failure.code, failure.message)}`);
  };
  for await (const chunk of chunks(source)) {
    await feed(chunk);
    yield* drain();
  }
  await Promise.race([feed(), new Promise((resolve) => parser.once("error", resolve))]);
  yield* drain();
}

/** csv-parse's error, in the auditor's words: one line, no file text. */
export function describeCsvError(code: string | undefined, message: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed (a missing closing quote)";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)";
    case "CSV_MAX_RECORD_SIZE":
      return "a record longer than 8 times --max-field-bytes; is the file CSV, with line breaks?";
    default:
      return message.split("\n")[0] ?? "not valid CSV";
  }
}
