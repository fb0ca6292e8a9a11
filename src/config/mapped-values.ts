import type { FieldSpec } from "../input/fields.js";
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
