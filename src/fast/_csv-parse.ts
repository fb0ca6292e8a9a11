import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { csvParseOptions, MAX_RECORD_SIZE } from "../input/csv.js";
import { utf8 } from "./_tokenizer.js";

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
