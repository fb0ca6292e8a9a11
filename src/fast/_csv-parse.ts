import { parse, type CsvError } from "csv-parse/sync";

/** The options src/input/csv.ts gives csv-parse; keep in step with it. */
export function csvParseOptions(delimiter: string, maxRecordChars: number, bom: boolean) {
  return {
    bom,
    delimiter,
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: Math.max(1, maxRecordChars),
  };
}

/** The reference reader's words for a csv-parse error (src/input/csv.ts). */
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

export interface CsvParseVerdict {
  code: string;
  description: string;
}

/**
 * What csv-parse itself makes of some bytes that start at a record boundary (after any BOM):
 * the first error it raises, if any. The fast tokenizer asks it about every record it does not vouch for
 * alone (an error, or a record long enough for csv-parse's record size limit).
 */
export function csvParseVerdict(bytes: Uint8Array, delimiter: string, maxRecordChars: number): CsvParseVerdict | undefined {
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), csvParseOptions(delimiter, maxRecordChars, false));
    return undefined;
  } catch (error) {
    const { code, message } = error as CsvError;
    return { code, description: describeCsvError(code, message) };
  }
}
