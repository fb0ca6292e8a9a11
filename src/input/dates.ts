import { dayNumber } from "../calendar/working-days.js";
import type { CaseDate } from "./case.js";
import { quoteValue } from "../text/quote.js";
import { isBlank, type Parsed } from "./values.js";

/* Date forms, written in tokens (`DD/MM/YY`, `D MMM YYYY`, `DD.MM.YYYY HH:mm`), each compiled once to a parser. */

type Role = "year" | "year2" | "month" | "monthName" | "day" | "hour" | "minute" | "second";

const TOKENS: readonly [string, Role, string][] = [
  ["YYYY", "year", "(\\d{4})"],
  ["MMM", "monthName", "([A-Za-z]+)"],
  ["YY", "year2", "(\\d{2})"],
  ["MM", "month", "(\\d{2})"],
  ["DD", "day", "(\\d{2})"],
  ["HH", "hour", "(\\d{2})"],
  ["mm", "minute", "(\\d{2})"],
  ["ss", "second", "(\\d{2})"],
  ["M", "month", "(\\d{1,2})"],
  ["D", "day", "(\\d{1,2})"],
  ["H", "hour", "(\\d{1,2})"],
];
export const DATE_TOKENS = "YYYY YY MMM MM M DD D HH H mm ss";

/** The time a form without one of its own may be followed by, as the built-in forms are. */
const TIME = "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?";
const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const FULL_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export interface DateForm {
  /** As the user wrote it, or as the contract names a built-in form. */
  readonly label: string;
  readonly pattern: RegExp;
  /** The role of each capture group, in order. */
  readonly roles: readonly Role[];
  readonly dayFirst: boolean;
  readonly twoDigitYear: boolean;
  readonly tokens: readonly ({ role: Role; token: string } | { literal: string })[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A form compiled, or why it cannot be. */
export function compileDateForm(form: string, label = form): DateForm | string {
  const tokens: DateForm["tokens"][number][] = [];
  for (let at = 0; at < form.length; ) {
    const found = TOKENS.find(([token]) => form.startsWith(token, at));
    if (found) {
      tokens.push({ role: found[1], token: found[0] });
      at += found[0].length;
    } else if (/[\p{L}\p{N}]/u.test(form[at]!) && form[at] !== "T") {
      return `unknown token ${JSON.stringify(form[at])} in ${JSON.stringify(form)}; forms are written in ${DATE_TOKENS} and separators`;
    } else tokens.push({ literal: form[at++]! });
  }
  const roles = tokens.flatMap((t) => ("role" in t ? [t.role] : []));
  const count = (...of: Role[]) => roles.filter((role) => of.includes(role)).length;
  if (count("year", "year2") !== 1 || count("month", "monthName") !== 1 || count("day") !== 1) {
    return `${JSON.stringify(form)} must have one year (YYYY or YY), one month (MM, M or MMM) and one day (DD or D)`;
  }
  const timed = count("hour", "minute", "second") > 0;
  if (timed && (count("hour") !== 1 || count("minute") !== 1 || count("second") > 1)) {
    return `${JSON.stringify(form)}: a time is HH:mm or HH:mm:ss (H for an hour of one or two digits)`;
  }
  const body = tokens.map((t) => ("role" in t ? TOKENS.find(([token]) => token === t.token)![2] : escape(t.literal))).join("");
  const position = (role: Role) => roles.findIndex((r) => r === role || (role === "month" && r === "monthName"));
  return {
    label,
    pattern: new RegExp(`^${body}${timed ? "" : TIME}$`, roles.includes("monthName") ? "i" : ""),
    roles: timed ? roles : [...roles, "hour", "minute", "second"],
    dayFirst: position("day") < position("month"),
    twoDigitYear: roles.includes("year2"),
    tokens,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const full = FULL_NAMES.indexOf(lower);
  if (full >= 0) return full + 1;
  return lower === "sept" ? 9 : MONTH_NAMES.indexOf(lower) + 1;
}

const ok = (value: CaseDate): Parsed<CaseDate> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });
const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** The text as read by one form whose pattern it matches: the date, or why it is not one. */
function readForm(form: DateForm, match: RegExpExecArray, raw: string, pivot: number | undefined): Parsed<CaseDate> {
  const parts: Partial<Record<Role, string>> = {};
  form.roles.forEach((role, i) => (parts[role] = match[i + 1]));
  let year = Number(parts.year ?? parts.year2);
  if (parts.year2 !== undefined) {
    if (pivot === undefined) return fail(`a two-digit year in ${quoteValue(raw)}: set two_digit_year_pivot in the config to read it`);
    year += year < pivot ? 2000 : 1900;
  }
  const month = parts.monthName !== undefined ? monthNumber(parts.monthName) : Number(parts.month);
  const day = Number(parts.day);
  if (parts.monthName !== undefined && month === 0) return fail(`not a month name: ${quoteValue(parts.monthName)} in ${quoteValue(raw)}`);
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`not a plausible year: ${year} in ${quoteValue(raw)} (expected ${MIN_YEAR}-${MAX_YEAR})`);
  if (month < 1 || month > 12) {
    const hint = form.dayFirst && day >= 1 && day <= 12 && month <= 31 ? ` (dates are ${form.label}, not US order)` : "";
    return fail(`not a date: month ${month} in ${quoteValue(raw)}${hint}`);
  }
  if (day < 1 || day > daysInMonth(year, month)) return fail(`not a date: day ${day} in ${quoteValue(raw)}`);
  const { hour, minute, second } = parts;
  if (hour !== undefined && (+hour > 23 || +minute! > 59 || (second !== undefined && +second > 59))) {
    return fail(`not a time of day in ${quoteValue(raw)}`);
  }
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = hour === undefined ? "" : `T${pad(+hour, 2)}:${minute}${second === undefined ? "" : `:${second}`}`;
  return ok({ day: dayNumber(year, month, day), text: date + time });
}

/** A date in one form, as it would be written: for checking that two forms never read one text as two dates. */
export function writeInForm(form: DateForm, year: number, month: number, day: number): string {
  const values: Record<Role, string> = {
    year: pad(year, 4),
    year2: pad(year % 100, 2),
    month: "",
    monthName: FULL_NAMES[month - 1]!.slice(0, 3),
    day: "",
    hour: "10",
    minute: "30",
    second: "00",
  };
  return form.tokens
    .map((t) => {
      if ("literal" in t) return t.literal;
      if (t.role === "month" || t.role === "day") return pad(t.role === "month" ? month : day, t.token.length);
      return values[t.role];
    })
    .join("");
}

/** The built-in forms, always read. A one- or two-digit day and month in the UK order; the contract calls it DD/MM/YYYY. */
export const BUILT_IN_FORMS = [compileDateForm("YYYY-MM-DD"), compileDateForm("D/M/YYYY", "DD/MM/YYYY")] as DateForm[];

/**
 * A date field's parser for the built-in forms and these, compiled once; `pivot` reads YY as 20YY
 * below it and 19YY from it. Of the forms a text matches, the first that reads it as a date wins;
 * the config refuses forms that could read one text as two dates (see test/input/dates.test.ts).
 */
export function dateParser(forms: readonly DateForm[] = [], pivot?: number): (raw: unknown) => Parsed<CaseDate> {
  const all = [...BUILT_IN_FORMS, ...forms];
  const labels = all.map((form) => form.label);
  const expected = `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
  return (raw) => {
    if (isBlank(raw)) return { ok: true, value: undefined };
    if (typeof raw !== "string") return fail(`expected a date, got ${quoteValue(raw)}`);
    const text = raw.trim();
    let first: Parsed<CaseDate> | undefined;
    for (const form of all) {
      const match = form.pattern.exec(text);
      if (!match) continue;
      const read = readForm(form, match, raw, pivot);
      if (read.ok) return read;
      first ??= read;
    }
    return first ?? fail(`expected a date as ${expected}, got ${quoteValue(raw)}`);
  };
}

/** A date in the built-in forms only. */
export const parseDate = dateParser();

const SAMPLE_YEARS = [2001, 2003, 2011, 2012];
const SAMPLE_MONTHS = [1, 2, 11, 12];
const SAMPLE_DAYS = [1, 3, 11, 12];

/**
 * A text that two forms would read as two different dates (`03/02/2001` in DD/MM/YYYY and MM/DD/YYYY),
 * if there is one: dates whose day, month and year could pass for one another, written in each form
 * and read in the other.
 */
export function ambiguousText(a: DateForm, b: DateForm): string | undefined {
  const pivot = 50;
  for (const [from, to] of [[a, b], [b, a]] as const) {
    for (const year of SAMPLE_YEARS) {
      for (const month of SAMPLE_MONTHS) {
        for (const day of SAMPLE_DAYS) {
          const text = writeInForm(from, year, month, day);
          const match = to.pattern.exec(text);
          if (!match) continue;
          const theirs = readForm(to, match, text, pivot);
          if (theirs.ok && theirs.value?.day !== dayNumber(year, month, day)) return text;
        }
      }
    }
  }
  return undefined;
}
