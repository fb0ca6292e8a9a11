// `--suppress-below` with many groups: times the suppression plan of a report (grade table, one table per
// rule, agreement matrix, invalid counts, all suppressed together) on synthetic summaries, and checks that
// every count below k is hidden.
// Usage: npm run build && node bench/suppress.mjs [--groups 100,200,400,10000,100000] [--k 5] [--runs 3]
// Two shapes of summary: `case` has one case per group (as `--group-by case_id`), `few` a handful of cases
// per group (as a date column), both over the five rules of the reference rubric; a few cases in fifty
// lack an inspector grade, as in the fixture.
import { performance } from "node:perf_hooks";
import { planSuppression } from "../dist/engine/_suppression.js";
import { seeded } from "../test/helpers/seeded.mjs";

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const groupCounts = arg("--groups", "100,200,400,10000,100000").split(",").map(Number);
const k = Number(arg("--k", "5"));
const runs = Number(arg("--runs", "3"));
const RULES = ["child-first", "multi-agency", "risk-assessment", "timeliness", "voice-of-child"];

/** A summary whose counts add up as a run's do: `cases()` draws each group's number of cases. */
function summaryOf(groupCount, cases, random) {
  const pick = (weights) => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    return weights.findIndex((w) => (r -= w) < 0);
  };
  const groups = [];
  const rules = [];
  const matrices = [];
  for (let g = 0; g < groupCount; g++) {
    const counts = { good: 0, adequate: 0, inadequate: 0 };
    const ruleCounts = RULES.map((id) => ({ id, good: 0, adequate: 0, inadequate: 0, notApplicable: 0, decisive: 0 }));
    const matrix = [0, 1, 2].map(() => [0, 0, 0]);
    const n = cases();
    for (let c = 0; c < n; c++) {
      const grade = ["good", "adequate", "inadequate"][pick([0.31, 0.31, 0.38])];
      counts[grade]++;
      for (const rule of ruleCounts) {
        const rating = ["good", "adequate", "inadequate", "notApplicable"][pick([0.4, 0.3, 0.15, 0.15])];
        rule[rating]++;
        if (rating === "inadequate" && grade === "inadequate") rule.decisive++;
      }
      if (random() < 0.98) matrix[pick([0.3, 0.3, 0.4])][["good", "adequate", "inadequate"].indexOf(grade)]++;
    }
    const invalid = random() < 0.05 ? 1 : 0;
    groups.push({ name: `G${g}`, graded: n, ...counts, invalid });
    rules.push(ruleCounts);
    matrices.push(matrix);
  }
  const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
  return {
    overall: { graded: sum(groups, "graded"), good: sum(groups, "good"), adequate: sum(groups, "adequate"), inadequate: sum(groups, "inadequate"), invalid: sum(groups, "invalid") },
    groups,
    rules: {
      overall: RULES.map((id, r) => {
        const column = rules.map((list) => list[r]);
        return { id, ...Object.fromEntries(["good", "adequate", "inadequate", "notApplicable", "decisive"].map((key) => [key, sum(column, key)])) };
      }),
      groups: groups.map((group, i) => ({ name: group.name, rules: rules[i] })),
    },
    agreement: {
      overall: [0, 1, 2].map((i) => [0, 1, 2].map((j) => matrices.reduce((total, m) => total + m[i][j], 0))),
      groups: groups.map((group, i) => ({ name: group.name, matrix: matrices[i] })),
      apart: [],
    },
  };
}

const SHAPES = {
  case: () => () => 1,
  few: (random) => () => 1 + Math.floor(random() ** 2 * 10),
};

/** Median wall time of `times` calls, in seconds, and the last result. */
function timed(fn, times) {
  const seconds = [];
  let result;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    result = fn();
    seconds.push((performance.now() - started) / 1000);
  }
  return { seconds: seconds.sort((a, b) => a - b)[Math.floor((seconds.length - 1) / 2)], result };
}

/** Counts from 1 to k-1 in the grade table that the plan shows: there must be none. */
function smallShown(summary, plan) {
  let shown = 0;
  summary.groups.forEach((group, g) => {
    ["good", "adequate", "inadequate"].forEach((grade, j) => {
      if (group[grade] >= 1 && group[grade] < k && plan.grades.cells[g][j] === "shown") shown++;
    });
  });
  return shown;
}

const format = (seconds) => (seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
console.log(`planSuppression, k = ${k}; median of ${runs} runs`);
console.log(["shape", "groups", "time", "hidden", "small shown"].map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(12))).join(" "));
let wrong = false;
for (const [shape, cases] of Object.entries(SHAPES)) {
  for (const groupCount of groupCounts) {
    const random = seeded(20240611 + groupCount);
    const summary = summaryOf(groupCount, cases(random), random);
    const { seconds, result } = timed(() => planSuppression(summary, k, "worst"), runs);
    const hidden = result.grades.cells.flat().filter((status) => status === "hidden").length;
    const small = smallShown(summary, result);
    if (small > 0) wrong = true;
    console.log([shape.padEnd(8), String(groupCount).padEnd(8), format(seconds).padStart(12), String(hidden).padStart(12), String(small).padStart(12)].join(" "));
  }
}
if (wrong) {
  console.error("a count below k is shown");
  process.exitCode = 1;
}
