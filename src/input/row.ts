import type { ColumnTarget } from "./header.js";
import { exactNumberText } from "./values.js";

/* Steps of the reference reader (src/input/read.ts) on one row's cells, which the fast path's workers take as they are. */

export function caseIdOf(fields: Record<string, unknown>): string | undefined {
  const id = fields.case_id;
  if (typeof id === "string" && id.trim() !== "") return id.trim();
  return typeof id === "number" ? exactNumberText(id) : undefined;
}

/** Why a value is over --max-field-bytes in UTF-8, if it is; bytes are counted only when they might be. */
export function tooLong(text: string, limit: number): string | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes > limit ? `a value of ${bytes} bytes is over the limit of ${limit} (--max-field-bytes)` : undefined;
}

/**
 * What is taken from a record with a stray quote: nothing but its case_id, to name it, and only from the
 * first cell (`idFirst`): a later one may have been shifted by a delimiter in a free-text cell before it.
 */
export function damagedFields(cells: readonly string[], idFirst: boolean, maxField: number): Record<string, unknown> {
  const id = idFirst ? cells[0] : undefined;
  return id !== undefined && !tooLong(id, maxField) ? { case_id: id } : {};
}

export function fieldName(target: ColumnTarget | undefined): string {
  if (target?.kind === "field") return target.name;
  return target?.kind === "private" ? "notes" : "record";
}
