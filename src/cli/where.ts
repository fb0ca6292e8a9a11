import { placeOf } from "../input/describe.js";

/** Where a record is, as a user opens it: `cases.csv:12` for a line, `cases.json[3]` for a JSON index, `export.xlsx:Sheet1!row 17`. */
export function whereIn(source: string, at: { line?: number; index?: number; sheet?: string; row?: number }): string {
  if (at.line !== undefined) return `${source}:${at.line}`;
  if (at.sheet !== undefined) return `${source}:${placeOf(at)}`;
  return at.index !== undefined ? `${source}[${at.index}]` : source;
}
