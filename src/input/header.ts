import { FIELD_NAMES } from "./fields.js";

/** `Reported On` → `reported_on`: trimmed, lower case, spaces and hyphens as `_`. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

export type ColumnTarget = { kind: "field"; name: string } | { kind: "private" } | { kind: "extra"; name: string };

/** Decides where each column of a file goes: a contract field, nowhere (notes), or carried through. */
export function targetOf(header: string): ColumnTarget {
  const name = normaliseHeader(header);
  if (name === "notes") return { kind: "private" };
  if (FIELD_NAMES.has(name)) return { kind: "field", name };
  return { kind: "extra", name: name === "" ? header : name };
}
