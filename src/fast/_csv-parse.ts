import { describeCsvError } from "../input/csv.js";
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
