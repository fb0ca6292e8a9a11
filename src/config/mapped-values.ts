import { z } from "zod";
import { TYPED_FIELDS, type FieldSpec } from "../input/fields.js";
import { valueKey } from "../input/mapping.js";
import { normaliseWord, parseBoolean, parseDate, parseInteger, parseList } from "../input/values.js";
import { didYouMean, showValue } from "../text/suggest.js";

/** Why a value mapping's target would not parse as the field, or undefined when it would. */
export function checkMappedValue(spec: FieldSpec, to: string): string | undefined {
  if (to.trim() === "") return spec.required ? `${spec.name} is required, so it cannot map to "" (not recorded)` : undefined;
  switch (spec.kind) {
    case "text":
      return undefined;
    case "date":
      return parseDate(to).ok ? undefined : `expected a date as YYYY-MM-DD or DD/MM/YYYY, got ${showValue(to)}`;
    case "boolean":
      return parseBoolean(to).ok ? undefined : `expected "yes" or "no", got ${showValue(to)}`;
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
        return `${showValue(unknown)} is not a ${spec.name} value${hint}`;
      }
      return spec.kind === "list" && !parseList(to, words).ok ? `expected a ;-separated list, got ${showValue(to)}` : undefined;
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
        ctx.addIssue({ code: "custom", path: [field, from], message: `the same value as ${showValue(other)} (case, spaces and hyphens aside), mapped elsewhere` });
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
    if (separator.trim() === "" || /[\p{L}\p{N}]/u.test(separator)) ctx.addIssue({ code: "custom", path: [field], message: `${SEPARATOR}, got ${showValue(separator)}` });
  }
});
