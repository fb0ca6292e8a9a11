import type { GradeMatrix, RuleCounts, Summary } from "../../src/engine/summary.js";
import { seeded } from "../helpers/seeded.mjs";

/** `total` split into `parts` random whole numbers. */
function split(random: () => number, total: number, parts: number): number[] {
  const cuts = Array.from({ length: parts - 1 }, () => Math.floor(random() * (total + 1))).sort((a, b) => a - b);
  return [...cuts, total].map((cut, i) => cut - (i === 0 ? 0 : cuts[i - 1]!));
}

export interface Shape {
  seed: number;
  groups: number;
  rules: number;
  /** The largest count a group's grade usually reaches: 1 is one case per group (grouped by case id). */
  scale: number;
  /** Whether every graded case carries an inspector grade (the agreement matrix shares the grade totals). */
  linked: boolean;
  /** The share of groups with invalid records (default 0.2). */
  invalid?: number;
}

/** A summary whose counts fit together as a run's do, built from a seed so that a failure can be replayed. */
export function summaryOf({ seed, groups: count, rules: ruleCount, scale, linked, invalid = 0.2 }: Shape): Summary {
  const random = seeded(seed);
  const ids = Array.from({ length: ruleCount }, (_, r) => `r${r}`);
  const names = Array.from({ length: count }, (_, i) => `G${i}`);
  const small = () => (scale === 1 ? (random() < 0.9 ? 1 : 0) : Math.floor(random() ** 2 * (random() < 0.5 ? scale / 4 : scale)));
  const groups = names.map((name) => {
    const [good, adequate, inadequate] = scale === 1 ? split(random, small(), 3) : [small(), small(), small()];
    return { name, graded: good! + adequate! + inadequate!, good: good!, adequate: adequate!, inadequate: inadequate!, invalid: random() < 1 - invalid ? 0 : small() };
  });
  const rules = groups.map((group) =>
    ids.map((id): RuleCounts => {
      const decisive = Math.floor(random() * (group.inadequate + 1));
      const [good, adequate, other, notApplicable] = split(random, group.graded - decisive, 4) as [number, number, number, number];
      return { id, good, adequate, inadequate: decisive + other, notApplicable, decisive };
    }),
  );
  const matrices = groups.map((group): GradeMatrix => {
    const inspected = (n: number) => (linked ? n : Math.floor(random() * (n + 1)));
    const columns = [group.good, group.adequate, group.inadequate].map((n) => split(random, inspected(n), 3));
    return [0, 1, 2].map((i) => columns.map((column) => column[i]!));
  });
  const sum = <T extends object>(rows: T[], key: keyof T) => rows.reduce((n, row) => n + (row[key] as number), 0);
  const overallRules = ids.map((id, r): RuleCounts => {
    const column = rules.map((list) => list[r]!);
    const total = (key: keyof RuleCounts) => sum(column, key);
    return { id, good: total("good"), adequate: total("adequate"), inadequate: total("inadequate"), notApplicable: total("notApplicable"), decisive: total("decisive") };
  });
  return {
    overall: { graded: sum(groups, "graded"), good: sum(groups, "good"), adequate: sum(groups, "adequate"), inadequate: sum(groups, "inadequate"), invalid: sum(groups, "invalid") },
    groups,
    rules: { overall: overallRules, groups: names.map((name, i) => ({ name, rules: rules[i]! })) },
    agreement: {
      overall: [0, 1, 2].map((i) => [0, 1, 2].map((j) => matrices.reduce((n, m) => n + m[i]![j]!, 0))),
      groups: names.map((name, i) => ({ name, matrix: matrices[i]! })),
      apart: [],
    },
  };
}
