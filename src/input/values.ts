import { quoteValue } from "../text/quote.js";
import { didYouMean } from "../text/suggest.js";

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A JSON value as text; one nested too deeply to write out (a stack overflow) is named by its kind. */
export function jsonText(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return Array.isArray(raw) ? "[...]" : "{...}";
  }
}

export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

const TRUE_WORDS = new Set(["yes", "y", "true", "1"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0"]);

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === "boolean") return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  if (typeof raw === "string") {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
  }
  return fail(`expected yes or no, got ${quoteValue(raw)}`);
}

export function parseInteger(raw: unknown, min: number, max: number): Parsed<number> {
  if (isBlank(raw)) return ok(undefined);
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && /^\s*\d+\s*$/.test(raw)) value = Number(raw);
  else return fail(`expected a whole number, got ${quoteValue(raw)}`);
  if (!Number.isSafeInteger(value)) return fail(`expected a whole number, got ${quoteValue(raw)}`);
  if (value < min || value > max) return fail(`${value} is outside ${min}-${max}`);
  return ok(value);
}

export function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function suggestion(word: string, values: readonly string[]): string {
  return didYouMean(word, values) || `; expected one of ${values.join(", ")}`;
}

export function parseEnum<T extends string>(
  raw: unknown,
  values: readonly T[],
  aliases: Readonly<Record<string, string>> = {},
  what = "value",
): Parsed<T> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw !== "string") return fail(`expected one of ${values.join(", ")}, got ${quoteValue(raw)}`);
  const word = normaliseWord(raw);
  const value = aliases[word] ?? word;
  if ((values as readonly string[]).includes(value)) return ok(value as T);
  return fail(`unknown ${what} ${quoteValue(raw)}${suggestion(word, values)}`);
}

export function parseList<T extends string>(raw: unknown, values: readonly T[]): Parsed<T[]> {
  if (isBlank(raw)) return ok([]);
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === "string") {
    if (raw.includes(",") && !raw.includes(";")) {
      return fail(`lists are separated by ";", not "," (got ${quoteValue(raw)})`);
    }
    items = raw.split(";").filter((item) => item.trim() !== "");
  } else return fail(`expected a ;-separated list, got ${quoteValue(raw)}`);
  const list: T[] = [];
  for (const item of items) {
    const parsed = parseEnum(item, values, {}, "item");
    if (!parsed.ok) return parsed;
    if (parsed.value !== undefined && !list.includes(parsed.value)) list.push(parsed.value);
  }
  return ok(list);
}

/** A JSON number as the text it was written as, when it survived parsing exactly: not past 2^53. */
export function exactNumberText(raw: number): string | undefined {
  return Number.isFinite(raw) && (Number.isSafeInteger(raw) || !Number.isInteger(raw)) ? String(raw) : undefined;
}

export function parseText(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === "string") return ok(raw.trim());
  if (typeof raw === "number") {
    const text = exactNumberText(raw);
    return text === undefined ? fail("a number too large to read exactly (over 2^53); write it as a string") : ok(text);
  }
  return fail(`expected text, got ${typeof raw === "object" ? "an object" : typeof raw}`);
}
