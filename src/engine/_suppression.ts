import { GRADES } from "../input/fields.js";
import { suppress, type ForcedEntries, type Suppression } from "../stats/suppress.js";
import type { RuleCounts, Summary } from "./summary.js";

/** The columns of a rule's table: an inadequate rating is split by whether the case was graded inadequate. */
export const RULE_COLUMNS = ["good", "adequate", "decisive", "otherInadequate", "notApplicable"] as const;

export const ruleRow = (counts: RuleCounts): number[] => [
  counts.good,
  counts.adequate,
  counts.decisive,
  counts.inadequate - counts.decisive,
  counts.notApplicable,
];

/** What may be shown of each published table; `agreement` covers the overall inspector-by-tool matrix. */
export interface SuppressionPlan {
  below: number;
  grades: Suppression;
  invalid: Suppression;
  rules: Suppression[];
  agreement: Suppression;
}

interface Shared {
  graded: boolean[];
  total: boolean;
  gradeTotals: boolean[];
}

const hidden = (status: string | undefined) => status !== undefined && status !== "shown";
const or = (a: readonly boolean[], b: readonly string[]) => a.map((value, i) => value || hidden(b[i]));

/**
 * Suppresses every table of counts a report publishes. The grade table, the rule tables and (when every
 * graded case carries an inspector grade) the agreement matrix share entries: each group's graded count, the
 * overall count and the overall grade counts. Whatever one table hides is forced hidden in the others, and
 * all are suppressed again until none hides more.
 */
export function planSuppression(summary: Summary, below: number): SuppressionPlan {
  const grades = summary.groups.map((group) => GRADES.map((grade) => group[grade]));
  const ruleTables = summary.rules.overall.map((_rule, r) => summary.rules.groups.map((group) => ruleRow(group.rules[r]!)));
  const matrix = summary.agreement.overall;
  const inspected = matrix.flat().reduce((sum, count) => sum + count, 0);
  const linked = inspected === summary.overall.graded;
  // The invalid-record table shares nothing, so what it hides does not change from one round to the next.
  const invalid = suppress(summary.groups.map((group) => [group.invalid]), below);

  let shared: Shared = { graded: summary.groups.map(() => false), total: false, gradeTotals: GRADES.map(() => false) };
  for (;;) {
    const forced: ForcedEntries = { rowTotals: shared.graded, grandTotal: shared.total };
    const plan: SuppressionPlan = {
      below,
      grades: suppress(grades, below, { ...forced, columnTotals: shared.gradeTotals }),
      invalid,
      rules: ruleTables.map((table) => suppress(table, below, forced)),
      agreement: suppress(matrix, below, linked ? { columnTotals: shared.gradeTotals, grandTotal: shared.total } : {}),
    };
    const tables = [plan.grades, ...plan.rules];
    const next: Shared = {
      graded: tables.reduce((acc, table) => or(acc, table.rowTotals), shared.graded),
      total: [...tables, ...(linked ? [plan.agreement] : [])].some((table) => hidden(table.grandTotal)) || shared.total,
      gradeTotals: or(or(shared.gradeTotals, plan.grades.columnTotals), linked ? plan.agreement.columnTotals : []),
    };
    if (JSON.stringify(next) === JSON.stringify(shared)) return plan;
    shared = next;
  }
}
