import { z } from "zod";
import { TYPED_FIELDS, type FieldSpec } from "../input/fields.js";
import { valueKey } from "../input/mapping.js";
import { ambiguousText, BUILT_IN_FORMS, compileDateForm, parseDate, type DateForm } from "../input/dates.js";
import { normaliseWord, parseBoolean, parseInteger, parseList } from "../input/values.js";
import { quoteValue } from "../text/quote.js";
import { didYouMean } from "../text/suggest.js";

/** What `audit init` writes as the target of a value it could not place: the user replaces it. */
export const FILL_IN = "FILL IN";

/** A target left to fill in, with the word init thinks likeliest: `FILL IN (nearest: social_care)`. */
export const fillIn = (nearest?: string) => (nearest === undefined ? FILL_IN : `${FILL_IN} (nearest: ${nearest})`);

/** What a field's value mapping may map to, in a user's words. */
function targetsOf(spec: FieldSpec): string {
  const words = spec.values?.join(", ");
  const kinds: Record<FieldSpec["kind"], string> = {
    text: "the text",
    date: "a date as YYYY-MM-DD",
    boolean: '"yes" or "no"',
    integer: `a whole number from ${spec.min ?? 0} to ${spec.max ?? "any"}`,
    enum: `one of ${words}`,
    list: `one or more of ${words}, separated by ";"`,
  };
  return `${kinds[spec.kind]}${spec.required ? "" : ', or "" for not recorded'}`;
}

/** Why a value mapping's target would not parse as the field, or undefined when it would. */
export function checkMappedValue(spec: FieldSpec, to: string): string | undefined {
  if (to.startsWith(FILL_IN)) {
    const guess = /\(nearest: (.*)\)$/.exec(to)?.[1];
    return `fill in what this value stands for: ${targetsOf(spec)}${guess ? ` (init's nearest guess: ${guess})` : ""}`;
  }
  if (to.trim() === "") return spec.required ? `${spec.name} is required, so it cannot map to "" (not recorded)` : undefined;
  switch (spec.kind) {
    case "text":
      return undefined;
    case "date":
      return parseDate(to).ok ? undefined : `expected a date as YYYY-MM-DD or DD/MM/YYYY, got ${quoteValue(to)}`;
    case "boolean":
      return parseBoolean(to).ok ? undefined : `expected "yes" or "no", got ${quoteValue(to)}`;
    case "integer": {
      const parsed = parseInteger(to, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
      return parsed.ok ? undefined : parsed.reason;
    }
    case "enum":
    case "list": {
      const words = spec.values ?? [];
      const accepted = [...words, ...Object.keys(spec.aliases ?? {})];
      const items = spec.kind === "list" ? to.split(";").filter((item) => item.trim() !== "") : [to];
      const unknown = items.find((item) => !accepted.includes(normaliseWord(item)));
      if (unknown !== undefined) {
        const hint = didYouMean(normaliseWord(unknown), words) || `; expected one of ${words.join(", ")}`;
        return `${quoteValue(unknown)} is not a ${spec.name} value${hint}`;
      }
      return spec.kind === "list" && !parseList(to, words).ok ? `expected a ;-separated list, got ${quoteValue(to)}` : undefined;
    }
  }
}

const TYPED_NAMES = TYPED_FIELDS.map((spec) => spec.name);
const LIST_NAMES = TYPED_FIELDS.filter((spec) => spec.kind === "list").map((spec) => spec.name);

function typedField(name: string, ctx: z.core.$RefinementCtx, allowed?: readonly string[]): FieldSpec | undefined {
  const spec = TYPED_FIELDS.find((f) => f.name === name);
  if (spec && (!allowed || allowed.includes(spec.name))) return spec;
  const message = spec ? `${name} is not a list field; list fields are ${LIST_NAMES.join(", ")}` : `unknown field${didYouMean(name, allowed ?? TYPED_NAMES)}`;
  ctx.addIssue({ code: "custom", path: [name], message });
  return undefined;
}

/** `values`: per field, the export's value → the contract's; keys that the reader cannot tell apart must agree. */
export const valuesSchema = z.record(z.string(), z.record(z.string(), z.string())).superRefine((values, ctx) => {
  for (const [field, table] of Object.entries(values)) {
    const spec = typedField(field, ctx);
    if (!spec) continue;
    const seen = new Map<string, string>();
    for (const [from, to] of Object.entries(table)) {
      const problem = checkMappedValue(spec, to);
      if (problem) ctx.addIssue({ code: "custom", path: [field, from], message: problem });
      const key = valueKey(spec, from);
      const other = seen.get(key);
      if (other !== undefined && table[other] !== to) {
        ctx.addIssue({ code: "custom", path: [field, from], message: `the same value as ${quoteValue(other)} (case, spaces and hyphens aside), mapped elsewhere` });
      }
      seen.set(key, from);
    }
  }
});

const SEPARATOR = "expected the characters that separate a list's items, such as \",\" or \"|\" (no letters or digits)";

/** `list_separators`: per list field, the export's own item separator, read beside `;`. */
export const listSeparatorsSchema = z.record(z.string(), z.string()).superRefine((separators, ctx) => {
  for (const [field, separator] of Object.entries(separators)) {
    if (!typedField(field, ctx, LIST_NAMES)) continue;
    if (separator.trim() === "" || /[\p{L}\p{N}]/u.test(separator)) ctx.addIssue({ code: "custom", path: [field], message: `${SEPARATOR}, got ${quoteValue(separator)}` });
  }
});

/** `date_formats`: each form compiles, and no two forms (the built-in ones included) read one text as two dates. */
export const dateFormatsSchema = z.array(z.string("expected a date form such as \"DD/MM/YY\"")).superRefine((formats, ctx) => {
  const compiled: DateForm[] = [];
  formats.forEach((format, i) => {
    const form = compileDateForm(format);
    if (typeof form === "string") return ctx.addIssue({ code: "custom", path: [i], message: form });
    const other = [...BUILT_IN_FORMS, ...compiled].find((known) => ambiguousText(form, known) !== undefined);
    if (other) {
      const text = ambiguousText(form, other)!;
      const which = BUILT_IN_FORMS.includes(other) ? `the built-in ${other.label}` : JSON.stringify(other.label);
      const order = form.dayFirst === other.dayFirst ? "" : " (one is day-first, the other month-first)";
      ctx.addIssue({ code: "custom", path: [i], message: `${JSON.stringify(format)} and ${which} would read "${text}" as two different dates${order}; keep one` });
    }
    compiled.push(form);
  });
});

export const PIVOT = "expected a whole number from 0 to 100: two-digit years below it are 20YY, the others 19YY";
export const pivotSchema = z.int(PIVOT).min(0, PIVOT).max(100, PIVOT);
