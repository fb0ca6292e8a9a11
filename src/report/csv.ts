import type { CaseResult } from "../engine/score.js";
import type { ReportMeta, Reporter } from "./types.js";
import { describeProblem } from "../input/describe.js";

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP's CSV injection list). A
 * spreadsheet may split a row on `;` or tab instead of the comma (where the comma is the decimal mark),
 * and then also at a separator inside a quoted cell, and may start a new row at a line break in one:
 * so a formula character at the start of a cell, or right after a comma, semicolon, tab or line break
 * in it, gets a `'` before it, and no piece of the cell starts a formula however the row is split.
 */
const FORMULA_START = /(^|[,;\t\r\n])(?=[=+\-@\t\r])/g;
/** Quoted: what RFC 4180 needs quoted, and every other list separator a spreadsheet may split on. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV cell: formula-guarded, then quoted when it holds a quote, a list separator or a line break. */
export function csvCell(text: string): string {
  const safe = text.replace(FORMULA_START, "$1'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Each `'` that csvCell puts before a formula character. */
const GUARD = /(^|[,;\t\r\n])'(?=[=+\-@\t\r])/g;

/** A cell as `csvCell` wrote it, every formula guard removed: the value, for a reader that wants it. */
export function unguardedCell(text: string): string {
  return text.replace(GUARD, "$1");
}

const row = (cells: readonly string[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Every finding of a case as `rule-id: message`, in rubric order, joined with ` | `. */
export function joinedFindings(result: CaseResult): string {
  return result.rules.flatMap((rule) => rule.findings.map((f) => `${rule.id}: ${f.message}`)).join(" | ");
}

/**
 * One row per graded case: `case_id,group,grade`, a rating column per rule id
 * in rubric order, then `findings`. RFC 4180 (CRLF, double quotes doubled).
 * An invalid record is a row whose grade is `invalid`, its ratings empty and
 * its findings `field: reason`, so the file carries the same counts as the tables.
 * A `=`, `+`, `-`, `@`, tab or carriage return at the start of a cell, or right after a separator or
 * line break in it, gets a `'` before it so that spreadsheets show it as text (see csvCell); a reader
 * that wants the exact value drops it.
 */
export function csvReporter(): Reporter {
  let ruleIds: readonly string[] = [];
  return {
    start(meta: ReportMeta) {
      ruleIds = meta.rubric.rules.map(({ rule }) => rule.id);
      return row(["case_id", "group", "grade", ...ruleIds, "findings"]);
    },
    case(result) {
      const ratings = ruleIds.map((id) => result.rules.find((r) => r.id === id)?.rating ?? "");
      return row([result.case_id, result.group, result.grade, ...ratings, joinedFindings(result)]);
    },
    invalid(record) {
      const problems = record.errors.map(describeProblem).join(" | ");
      return row([record.case_id ?? "", record.group, "invalid", ...ruleIds.map(() => ""), problems]);
    },
    end: () => "",
    // A last row whose grade is `error`: the run stopped part-way, and its findings say why.
    stopped: (message) => row(["", "", "error", ...ruleIds.map(() => ""), message]),
  };
}
