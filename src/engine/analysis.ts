import { GRADES } from "../input/fields.js";
import type { CellStatus } from "../stats/suppress.js";
import { planSuppression, type SuppressionPlan } from "./_suppression.js";
import { agreementOf, type Agreement } from "./agreement.js";
import { ruleBreakdown, type Breakdown } from "./breakdown.js";
import { gradeTable, type GradeTable } from "./grade-table.js";
import type { Strategy } from "./strategy.js";
import type { Summary } from "./summary.js";

export interface AnalysisOptions {
  /** Hide every count below this (and what is computed from it), and enough others that none can be worked out. */
  suppressBelow?: number;
  /** The rubric's strategy: what a reader can infer from it about the counts decides what suppression hides. */
  strategy?: Strategy["name"];
}

/**
 * One count a suppressed report leaves out; `group` null for the overall row, `rule` for the breakdown. Every
 * hidden count is listed alike: nothing says why it is hidden, which would say what range it lies in.
 */
export interface SuppressedEntry {
  section: "summary" | "breakdown" | "agreement";
  group: string | null;
  rule?: string;
  field: string;
}

export interface Suppressed {
  below: number;
  hidden: SuppressedEntry[];
}

/** Everything a report shows beyond the cases, derived from the summary's counts alone. */
export interface Analysis {
  summary: GradeTable & { suppression?: Suppressed };
  breakdown: Breakdown;
  agreement: Agreement;
}

/**
 * The one function every report, merge and diff derives its figures from: intervals, flags, the rule
 * breakdown, agreement and suppression, all recomputed from the additive counts of a summary.
 */
export function analyse(summary: Summary, options: AnalysisOptions = {}): Analysis {
  const { suppressBelow, strategy } = options;
  if (suppressBelow !== undefined && strategy === undefined) throw new Error("suppression needs the rubric's strategy");
  const plan = suppressBelow === undefined ? undefined : planSuppression(summary, suppressBelow, strategy!);
  const grades = gradeTable(summary, plan);
  const inadequate = { overall: grades.overall.inadequate, groups: grades.groups.map((group) => group.inadequate) };
  const breakdown = ruleBreakdown(summary, inadequate, plan);
  const agreement = agreementOf(summary, plan?.agreement);
  return {
    summary: plan ? { ...grades, suppression: { below: plan.below, hidden: hiddenEntries(summary, plan) } } : grades,
    breakdown,
    agreement,
  };
}

const isHidden = (status: CellStatus | undefined) => status !== undefined && status !== "shown";

/** A rule table's statuses by JSON field: an inadequate count is hidden with either of its two parts. */
function ruleFields(statuses: readonly CellStatus[] | undefined): [string, boolean][] {
  const [good, adequate, decisive, other, notApplicable] = (statuses ?? []).map(isHidden);
  return Object.entries({ good, adequate, inadequate: Boolean(decisive || other), notApplicable, decisive }).map(([field, hidden]) => [field, Boolean(hidden)]);
}

function hiddenEntries(summary: Summary, plan: SuppressionPlan): SuppressedEntry[] {
  const entries: SuppressedEntry[] = [];
  const add = (entry: SuppressedEntry, status: CellStatus | boolean | undefined) => {
    if (status === true || (typeof status === "string" && isHidden(status))) entries.push(entry);
  };
  const rows = [...summary.groups.map((group, i) => ({ group: group.name as string | null, i })), { group: null, i: -1 }];
  for (const { group, i } of rows) {
    const overall = i < 0;
    GRADES.forEach((field, j) => add({ section: "summary", group, field }, overall ? plan.grades.columnTotals[j] : plan.grades.cells[i]?.[j]));
    add({ section: "summary", group, field: "graded" }, overall ? plan.grades.grandTotal : plan.grades.rowTotals[i]);
    add({ section: "summary", group, field: "invalid" }, overall ? plan.invalid.columnTotals[0] : plan.invalid.cells[i]?.[0]);
    summary.rules.overall.forEach(({ id: rule }, r) => {
      const table = plan.rules[r]!;
      for (const [field, hidden] of ruleFields(overall ? table.columnTotals : table.cells[i])) add({ section: "breakdown", group, rule, field }, hidden);
    });
  }
  const matrix = plan.agreement;
  GRADES.forEach((inspector, i) => {
    GRADES.forEach((tool, j) => add({ section: "agreement", group: null, field: `matrix.${inspector}.${tool}` }, matrix.cells[i]?.[j]));
  });
  add({ section: "agreement", group: null, field: "n" }, matrix.grandTotal);
  return entries;
}
