import type { Case } from "../input/case.js";
import { FIELD_NAMES } from "../input/fields.js";

export const NOT_RECORDED_GROUP = "(not recorded)";

/** The value a record is grouped by: a contract field or a carried-through column. */
export function groupValue(record: Partial<Case> | Record<string, unknown>, extra: Record<string, string>, groupBy: string): string {
  // Own keys only: `--group-by constructor` must not find Object's constructor.
  const own = (from: object) => (Object.hasOwn(from, groupBy) ? (from as Record<string, unknown>)[groupBy] : undefined);
  // A field is looked for among the fields, any other name among the carried-through columns: a column
  // named `extra` is the record's own, not the record's table of them.
  const value = FIELD_NAMES.has(groupBy) ? own(record) : own(extra);
  if (value === undefined || value === null) return NOT_RECORDED_GROUP;
  if (Array.isArray(value)) {
    const words = value.filter((item) => typeof item === "string" || typeof item === "number");
    return words.length ? words.join(";") : NOT_RECORDED_GROUP;
  }
  if (typeof value === "object") return "text" in value ? String(value.text) : NOT_RECORDED_GROUP;
  const text = String(value).trim();
  return text === "" ? NOT_RECORDED_GROUP : text;
}
