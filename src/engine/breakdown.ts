import type { Suppression } from "../stats/suppress.js";
import type { SuppressionPlan } from "./_suppression.js";
import type { Shown } from "./grade-table.js";
import type { RuleCounts, Summary } from "./summary.js";

export interface RuleRow {
  id: string;
  good: Shown;
  adequate: Shown;
  inadequate: Shown;
  notApplicable: Shown;
  /** Cases graded inadequate in which this rule rated inadequate: under `worst`, each such rating alone makes it so. */
  decisive: Shown;
  /** decisive as a share of the scope's inadequate cases, 0–1. */
  decisiveShare: number | null;
}

export interface BreakdownScope {
  rules: RuleRow[];
  /** Rule ids by how many inadequate cases they rated inadequate, most first; rules with none left out. */
  drivers: string[];
}

export interface Breakdown {
  overall: BreakdownScope;
  groups: (BreakdownScope & { name: string })[];
}

const shown = (status: string | undefined) => status === undefined || status === "shown";

/** statuses in the plan's order: good, adequate, decisive, other inadequate, n/a. */
function ruleRow(counts: RuleCounts, statuses: readonly string[] | undefined, inadequateCases: Shown): RuleRow {
  const at = (i: number, value: number): Shown => (shown(statuses?.[i]) ? value : null);
  const decisive = at(2, counts.decisive);
  const other = at(3, counts.inadequate - counts.decisive);
  return {
    id: counts.id,
    good: at(0, counts.good),
    adequate: at(1, counts.adequate),
    inadequate: decisive === null || other === null ? null : counts.inadequate,
    notApplicable: at(4, counts.notApplicable),
    decisive,
    decisiveShare: decisive === null || !inadequateCases ? null : decisive / inadequateCases,
  };
}

function scope(rules: readonly RuleCounts[], statuses: (r: number) => readonly string[] | undefined, inadequate: Shown): BreakdownScope {
  const rows = rules.map((counts, r) => ruleRow(counts, statuses(r), inadequate));
  const drivers = rows
    .map((row, order) => ({ row, order }))
    .filter(({ row }) => (row.decisive ?? 0) > 0)
    .sort((a, b) => b.row.decisive! - a.row.decisive! || a.order - b.order)
    .map(({ row }) => row.id);
  return { rules: rows, drivers };
}

/**
 * Each rule's ratings per group and overall, and which rules most often rated an inadequate case inadequate.
 * `inadequateCases` are the shown inadequate counts of the grade table (overall first, then per group).
 */
export function ruleBreakdown(summary: Summary, inadequateCases: { overall: Shown; groups: Shown[] }, plan?: SuppressionPlan): Breakdown {
  const tables: (Suppression | undefined)[] = summary.rules.overall.map((_, r) => plan?.rules[r]);
  return {
    overall: scope(summary.rules.overall, (r) => tables[r]?.columnTotals, inadequateCases.overall),
    groups: summary.rules.groups.map(({ name, rules }, i) => ({
      name,
      ...scope(rules, (r) => tables[r]?.cells[i], inadequateCases.groups[i] ?? null),
    })),
  };
}
