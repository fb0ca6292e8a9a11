import { FIELD_NAMES } from "./fields.js";
import type { ColumnMapping } from "./mapping.js";

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

/** Where each column goes under a config's mapping: a column it maps is read as the field it names. */
export function makeTargeter(mapping: ColumnMapping | undefined): (header: string) => ColumnTarget {
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) mapped.set(normaliseHeader(from), to);
  return (header) => {
    const to = mapped.get(normaliseHeader(header));
    return to === undefined ? targetOf(header) : targetOf(to);
  };
}
