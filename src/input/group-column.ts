import { didYouMean } from "../text/suggest.js";
import { InputError } from "./errors.js";
import { REQUIRED_FIELDS } from "./fields.js";
import { makeTargeter, type ColumnTarget } from "./header.js";
import type { ColumnMapping } from "./mapping.js";

const FLAG = "--group-by";

/**
 * The column `--group-by` names, settled before anything is read: normalised as a header is, and
 * through the config's mapping, so that an export's own column title groups by the field it holds.
 * Nothing, or a free-text column (notes, or one the config maps onto notes), is refused: a group
 * name is printed, and free text never is.
 */
export function groupColumn(flag: string, mapping: ColumnMapping | undefined): string {
  if (flag.trim() === "") throw new InputError(`${FLAG}: expected a column name, got ${JSON.stringify(flag)}`);
  const target = makeTargeter(mapping)(flag);
  if (target.kind === "private") {
    throw new InputError(`${FLAG}: "${flag.trim()}" is the free-text notes column, which is never printed; group by another column`);
  }
  return target.name;
}

/**
 * A `--group-by` that names no column of the file would put every record in one "(not recorded)"
 * group and exit 0: it stops the run, naming the closest column. A CSV file or workbook is checked
 * by its header, before a record is read; JSON and NDJSON, whose records may each have other keys,
 * by every key read, once the last record is.
 */
export function checkGroupColumn(name: string, groupBy: string, targets: Iterable<ColumnTarget>, kind: "column" | "key" = "column"): void {
  // Every record has a required field's column: a record without one is listed as invalid.
  if (REQUIRED_FIELDS.includes(groupBy)) return;
  const names = [...targets].flatMap((target) => (target.kind === "private" ? [] : [target.name]));
  if (names.includes(groupBy)) return;
  const what = kind === "column" ? "no column" : "no record's key";
  throw new InputError(`${name}: ${FLAG} ${groupBy} names ${what}${didYouMean(groupBy, names)}`);
}
