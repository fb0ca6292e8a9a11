import { terminalText } from "./terminal.js";

/** How much of a value a message or report may quote. */
export const QUOTED_CHARS = 40;

/**
 * A name from the data or a config (a column title, a sheet, a key) as every message quotes it: whole,
 * in double quotes, `\` and `"` escaped, and each character a terminal would act on or hide written
 * as `terminalText` writes it (`"Stn\x1b[2J"`, `"Date\u202e"`), in a report as on a terminal.
 */
export function quoteName(name: string): string {
  return `"${terminalText(name.replace(/["\\]/g, "\\$&"))}"`;
}

/**
 * A value as a message or report may quote it, the one rule for every value from the data or a config:
 * a number, boolean or null as itself; a string as `quoteName` writes it, cut to 40 characters (`"2015-13-45"`, `"abcdefghij..."`); what looks
 * like free text (longer than 40 characters, with spaces: a row shifted by a delimiter can put a note in a
 * typed column) not at all, only its length; an object or array by its kind. The free-text field `notes`
 * is never read into a record, so it never reaches here.
 */
export function quoteValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  if (typeof value !== "string") return typeof value === "bigint" ? String(value) : JSON.stringify(value) ?? String(value);
  if (value.length > QUOTED_CHARS && /\s/.test(value.trim())) return `${value.length} characters that look like free text (not shown)`;
  return quoteName(value.length > QUOTED_CHARS ? `${value.slice(0, QUOTED_CHARS - 3)}...` : value);
}
