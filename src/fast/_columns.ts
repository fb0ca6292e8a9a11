import { FIELDS } from "../input/fields.js";
import type { ColumnTarget } from "../input/header.js";
import { planHeader, type ReadOptions } from "../input/read.js";

/** Where each column of a file goes, settled once from its header (as src/input/read.ts does). */
export interface ColumnPlan {
  header: string[];
  targets: ColumnTarget[];
  /** Per column, the index of its field in FIELDS, or -1 (notes and carried-through columns). */
  fieldOf: number[];
  /** Per field in FIELDS, its column, or -1 when the file has none. */
  columnOf: number[];
}

/** The reference reader's header checks: the same errors, the same warning, in the same order. */
export function planColumns(name: string, header: string[], options: Pick<ReadOptions, "mapping" | "warn" | "expectedColumns" | "groupBy" | "maxColumns">): ColumnPlan {
  const targets = planHeader(name, header, options);
  const fieldOf = targets.map((t) => (t.kind === "field" ? FIELDS.findIndex((f) => f.name === t.name) : -1));
  const columnOf = FIELDS.map((_, f) => fieldOf.indexOf(f));
  return { header, targets, fieldOf, columnOf };
}
