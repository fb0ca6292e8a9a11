import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { csvParseOptions, readDamage, type CsvDamage } from "../input/csv.js";
import { utf8 } from "./_tokenizer.js";

export type { CsvDamage } from "../input/csv.js";

export const MAX_RECORD_SIZE = "CSV_MAX_RECORD_SIZE";

/**
 * What csv-parse itself makes of some bytes that start at a record boundary (after any BOM):
 * the record it fails on, as the reference reader reads it (src/input/csv.ts), if it fails. The
 * fast tokenizer asks it about every record it does not vouch for alone (a quote error, or a
 * record long enough for csv-parse's record size limit).
 */
export function csvParseVerdict(bytes: Uint8Array, delimiter: string, maxRecordChars: number): CsvDamage | undefined {
  return readDamage(bytes, delimiter, maxRecordChars);
}

/**
 * Whether csv-parse, given the start of a record whose rest is still to come, finds it over its
 * size limit at a byte it reads as it will with the rest in hand. It decides on a byte by at most
 * the two after it, so its error counts only if it came before the last two bytes: `raw`, what it
 * took in up to the byte at fault, is shorter than they decode to.
 */
export function surelyOverLimit(bytes: Uint8Array, delimiter: string, maxRecordChars: number): boolean {
  try {
    parse(bytes, { ...csvParseOptions(delimiter, maxRecordChars, false), raw: true });
    return false;
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== MAX_RECORD_SIZE || typeof error.raw !== "string") return false;
    return error.raw.length < utf8(bytes, 0, bytes.length - 2).length;
  }
}
