import type { CaseResult } from "../engine/score.js";
import type { ReportMeta, Reporter } from "./types.js";
import { describeProblem } from "../input/describe.js";

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP's
 * CSV injection list), so such a cell is written with a leading `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: formula-guarded, then quoted per RFC 4180 when it must be. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell as `csvCell` wrote it, formula guard removed: the exact value, for a reader that wants it. */
export function unguardedCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
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
 * A cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
 * so that spreadsheets show it as text; a reader that wants the exact value drops it.
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
