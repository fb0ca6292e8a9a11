/** How much of a value a message or report may quote. */
export const QUOTED_CHARS = 40;

/**
 * A value as a message or report may quote it, the one rule for every value from the data or a config:
 * a number, boolean or null as itself; a string as JSON, cut to 40 characters (`"2015-13-45"`, `"abcdefghij...`"); what looks
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
  return JSON.stringify(value.length > QUOTED_CHARS ? `${value.slice(0, QUOTED_CHARS - 3)}...` : value);
}
