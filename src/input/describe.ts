import { quoteName } from "../text/quote.js";

/** A sheet as Excel names it in a reference: quoted when it holds anything but letters, digits and `_`. */
function sheetName(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Where a record is in its file, as a user finds it: `line 12`, `index 3`, `Sheet1!row 17`. */
export function placeOf(at: { line?: number; index?: number; sheet?: string; row?: number }): string {
  if (at.line !== undefined) return `line ${at.line}`;
  if (at.sheet !== undefined) return `${sheetName(at.sheet)}!row ${at.row}`;
  return `index ${at.index}`;
}

/** An export's column title as every message shows it: quoted, escaped (`quoteName`). */
export const columnTitle = quoteName;

/** A field as a user finds it in the export: `"Date Reported" (reported_on)`, or the field alone where its column has its name. */
export function fieldLabel(problem: { field: string; column?: string }): string {
  return problem.column === undefined ? problem.field : `${columnTitle(problem.column)} (${problem.field})`;
}

/** A problem with a record, as every listing says it: `"Date Reported" (reported_on): required value is missing`. */
export function describeProblem(problem: { field: string; column?: string; reason: string }): string {
  return `${fieldLabel(problem)}: ${problem.reason}`;
}
