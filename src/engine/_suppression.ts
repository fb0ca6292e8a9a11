import { GRADES } from "../input/fields.js";
import { hideByAlternatives, type CellStatus, type Suppression } from "../stats/suppress.js";
import { GRADED, INVALID, rating } from "./_cases.js";
import { ReportFigures } from "./_report-figures.js";
import type { Strategy } from "./strategy.js";
import type { Summary } from "./summary.js";

/** What may be shown of each published table; `agreement` covers the overall inspector-by-tool matrix. */
export interface SuppressionPlan {
  below: number;
  grades: Suppression;
  invalid: Suppression;
  /** Per rule, its table of ratings: good, adequate, decisive, other inadequate, n/a. */
  rules: Suppression[];
  /** The matrix's cells and, as its grand total, the number of cases compared; it publishes no other totals. */
  agreement: Suppression;
}

/**
 * Suppresses every count a report publishes, all tables together: the grade table, the invalid counts, each
 * rule's ratings in the breakdown and the agreement matrix (see hideByAlternatives and ReportFigures). Under
 * the `points` strategy a case's grade does not follow from its ratings by a rule this can reason about, so
 * the breakdown is withheld whole; so it is too when the counts do not hang together as `worst` grades
 * (an inadequate rating in a case not graded inadequate).
 */
export function planSuppression(summary: Summary, below: number, strategy: Strategy["name"]): SuppressionPlan {
  const ruleCount = summary.rules.overall.length;
  const everyRule = [summary.rules.overall, ...summary.rules.groups.map((group) => group.rules)].flat();
  const worst = strategy === "worst" && everyRule.every((rule) => rule.inadequate === rule.decisive);
  const figures = new ReportFigures(summary, summary.groups.length, worst ? ruleCount : 0, worst);
  const hidden = hideByAlternatives(figures, below);
  const status = (figure: number): CellStatus => (hidden[figure] ? "hidden" : "shown");
  const at = (g: number, offset: number) => status(g * figures.block + offset);
  const groups = summary.groups.map((_, g) => g);
  const overall = figures.groups;
  const table = (columns: (g: number) => CellStatus[], total: (g: number) => CellStatus): Suppression => ({
    cells: groups.map(columns),
    rowTotals: groups.map(total),
    columnTotals: columns(overall),
    grandTotal: total(overall),
  });
  const graded = (g: number) => at(g, GRADED);
  const ruleTable = (r: number) =>
    table((g) => {
      if (!worst) return ["hidden", "hidden", "hidden", "hidden", "hidden"];
      const [good, adequate, inadequate, notApplicable] = [0, 1, 2, 3].map((which) => at(g, rating(r, which))) as CellStatus[];
      // Under `worst` every inadequate rating is decisive: the other-inadequate count is always 0.
      return [good!, adequate!, inadequate!, inadequate!, notApplicable!];
    }, graded);
  const cell = (i: number, j: number) => status(figures.cell(i, j));
  return {
    below,
    grades: table((g) => GRADES.map((_, j) => at(g, j)), graded),
    invalid: table((g) => [at(g, INVALID)], (g) => at(g, INVALID)),
    rules: summary.rules.overall.map((_, r) => ruleTable(r)),
    agreement: {
      cells: GRADES.map((_, i) => GRADES.map((_, j) => cell(i, j))),
      rowTotals: GRADES.map(() => "shown"),
      columnTotals: GRADES.map(() => "shown"),
      grandTotal: status(figures.compared),
    },
  };
}
