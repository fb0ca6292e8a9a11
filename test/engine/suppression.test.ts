import { describe, expect, test } from "vitest";
import { planSuppression } from "../../src/engine/_suppression.js";
import type { GradeMatrix, RuleCounts, Summary } from "../../src/engine/summary.js";
import type { CellStatus, Suppression } from "../../src/stats/suppress.js";
import { seeded } from "../helpers/seeded.mjs";

/** `total` split into `parts` random whole numbers. */
function split(random: () => number, total: number, parts: number): number[] {
  const cuts = Array.from({ length: parts - 1 }, () => Math.floor(random() * (total + 1))).sort((a, b) => a - b);
  return [...cuts, total].map((cut, i) => cut - (i === 0 ? 0 : cuts[i - 1]!));
}

/** A random summary whose counts fit together as a run's do: every graded case has an inspector grade. */
function randomSummary(random: () => number): Summary {
  const names = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => `G${i}`);
  const small = () => Math.floor(random() ** 2 * (random() < 0.5 ? 8 : 30));
  const groups = names.map((name) => {
    const [good, adequate, inadequate] = [small(), small(), small()] as [number, number, number];
    return { name, graded: good + adequate + inadequate, good, adequate, inadequate, invalid: small() };
  });
  const rules = groups.map((group) =>
    ["r1", "r2"].map((id): RuleCounts => {
      const decisive = Math.floor(random() * (group.inadequate + 1));
      const [good, adequate, other, notApplicable] = split(random, group.graded - decisive, 4) as [number, number, number, number];
      return { id, good, adequate, inadequate: decisive + other, notApplicable, decisive };
    }),
  );
  const matrices = groups.map((group): GradeMatrix => {
    const columns = [group.good, group.adequate, group.inadequate].map((count) => split(random, count, 3));
    return [0, 1, 2].map((i) => columns.map((column) => column[i]!));
  });
  const sum = <T extends object>(rows: T[], key: keyof T) => rows.reduce((n, row) => n + (row[key] as number), 0);
  const overallRules = ["r1", "r2"].map((id, r): RuleCounts => {
    const column = rules.map((list) => list[r]!);
    const total = (key: keyof RuleCounts) => sum(column, key);
    return { id, good: total("good"), adequate: total("adequate"), inadequate: total("inadequate"), notApplicable: total("notApplicable"), decisive: total("decisive") };
  });
  return {
    overall: {
      graded: sum(groups, "graded"),
      good: sum(groups, "good"),
      adequate: sum(groups, "adequate"),
      inadequate: sum(groups, "inadequate"),
      invalid: sum(groups, "invalid"),
    },
    groups,
    rules: { overall: overallRules, groups: names.map((name, i) => ({ name, rules: rules[i]! })) },
    agreement: {
      overall: [0, 1, 2].map((i) => [0, 1, 2].map((j) => matrices.reduce((n, m) => n + m[i]![j]!, 0))),
      groups: names.map((name, i) => ({ name, matrix: matrices[i]! })),
      apart: [],
    },
  };
}

/** Entries of a suppressed table (totals included) that could be worked out exactly: the bridges of the hidden entries. */
function exposed(table: Suppression): number {
  const grid: CellStatus[][] = [...table.cells.map((row, i) => [...row, table.rowTotals[i]!]), [...table.columnTotals, table.grandTotal]];
  const edges = grid.flatMap((row, i) => row.flatMap((status, j) => (status === "shown" ? [] : [[`r${i}`, `c${j}`] as const])));
  const joined = (from: string, to: string, without: number) => {
    const seen = new Set([from]);
    for (const queue = [from]; queue.length; ) {
      const node = queue.pop();
      edges.forEach(([r, c], index) => {
        const next = r === node ? c : c === node ? r : undefined;
        if (index === without || next === undefined || seen.has(next)) return;
        seen.add(next);
        queue.push(next);
      });
    }
    return seen.has(to);
  };
  return edges.filter(([r, c], index) => !joined(r, c, index)).length;
}

const hidden = (status: CellStatus | undefined) => status !== "shown";

describe("suppression across the tables a report publishes", () => {
  const random = seeded(20240901);
  const cases = Array.from({ length: 400 }, () => ({ summary: randomSummary(random), k: 2 + Math.floor(random() * 8) }));
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
