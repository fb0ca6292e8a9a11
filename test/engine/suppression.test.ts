import { describe, expect, test } from "vitest";
import { planSuppression } from "../../src/engine/_suppression.js";
import type { CellStatus, Suppression } from "../../src/stats/suppress.js";
import { bridges } from "../helpers/bridges.js";
import { seeded } from "../helpers/seeded.mjs";
import { summaryOf } from "./_summaries.js";

/** Entries of a suppressed table (totals included) that could be worked out exactly: the bridges of the hidden entries. */
function exposed(table: Suppression): number {
  const grid: CellStatus[][] = [...table.cells.map((row, i) => [...row, table.rowTotals[i]!]), [...table.columnTotals, table.grandTotal]];
  return bridges(grid).length;
}

const hidden = (status: CellStatus | undefined) => status !== "shown";

describe("suppression across the tables a report publishes", () => {
  const random = seeded(20240901);
  // Up to 6 groups, 2 rules, counts mostly under 30, invalid records in every group, every graded case with an inspector grade.
  const cases = Array.from({ length: 400 }, (_, seed) => ({
    summary: summaryOf({ seed, groups: 1 + Math.floor(random() * 6), rules: 2, scale: 30, linked: true, invalid: 1 }),
    k: 2 + Math.floor(random() * 8),
  }));
  const plans = cases.map(({ summary, k }) => ({ summary, plan: planSuppression(summary, k) }));

  test("no table lets a hidden entry be worked back", () => {
    const leaks = plans.filter(({ plan }) => [plan.grades, plan.invalid, plan.agreement, ...plan.rules].some((table) => exposed(table) > 0));
    expect(leaks.length).toBe(0);
  });

  test("an entry two tables share is hidden in both or in neither", () => {
    for (const { summary, plan } of plans) {
      for (const rules of plan.rules) {
        expect(rules.rowTotals.map(hidden)).toEqual(plan.grades.rowTotals.map(hidden));
        expect(hidden(rules.grandTotal)).toBe(hidden(plan.grades.grandTotal));
      }
      if (summary.overall.graded > 0) {
        expect(plan.agreement.columnTotals.map(hidden)).toEqual(plan.grades.columnTotals.map(hidden));
        expect(hidden(plan.agreement.grandTotal)).toBe(hidden(plan.grades.grandTotal));
      }
    }
  });

  test("every count from 1 to k-1 is hidden", () => {
    for (const { summary, plan } of plans) {
      const k = plan.below;
      summary.groups.forEach((group, i) => {
        (["good", "adequate", "inadequate"] as const).forEach((grade, j) => {
          if (group[grade] >= 1 && group[grade] < k) expect(plan.grades.cells[i]![j]).toBe("primary");
        });
      });
    }
  });
});
