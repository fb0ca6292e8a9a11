import type { FieldProblem } from "./check.js";
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

/** A row whose cells are not as many as the header's: nothing is taken from it, as free text may have shifted them. */
export function raggedRow(cells: number, header: number): FieldProblem {
  return { field: "record", reason: `the row has ${cells} cells; the header has ${header}` };
}

/**
 * A row's cells (`cell(i)`, the string csv-parse gives) sorted by the header's targets into fields
 * and carried-through columns, with the first cell over `maxField` bytes, if any, as its problem.
 */
export function rowFields(count: number, cell: (i: number) => string, targets: readonly ColumnTarget[], maxField: number) {
  const fields: Record<string, unknown> = {};
  const extra: Record<string, string> = Object.create(null);
  let problem: FieldProblem | undefined;
  for (let i = 0; i < count; i++) {
    const target = targets[i]!;
    const text = cell(i);
    const over = tooLong(text, maxField);
    if (over) problem ??= { field: fieldName(target), reason: over };
    else if (target.kind === "field") fields[target.name] = text;
    else if (target.kind === "extra") extra[target.name] = text;
  }
  return { fields, extra, problem };
}
