// `--suppress-below` with many groups: times the suppression plan of a report (grade table, one table per
// rule, agreement matrix, invalid counts; test/helpers/suppress-old.mjs holds the algorithm as it was) old against
// new, side by side on synthetic summaries, checks that the two plans are the same, and prints the ratio.
// Usage: npm run build && node bench/suppress.mjs [--groups 100,200,400,10000,100000] [--k 5] [--runs 3]
//   [--old-max 400] (the old one is not run above this many groups: it grows with about the cube)
// Two shapes of summary: `case` has one case per group (as `--group-by case_id`), `few` a handful of cases
// per group (as a date column), both over the five rules of the reference rubric; a few cases in fifty
// lack an inspector grade, as in the fixture.
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { planSuppression } from "../dist/engine/_suppression.js";
import { oldPlanSuppression } from "../test/helpers/suppress-old.mjs";
import { seeded } from "../test/helpers/seeded.mjs";

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const groupCounts = arg("--groups", "100,200,400,10000,100000").split(",").map(Number);
const k = Number(arg("--k", "5"));
const runs = Number(arg("--runs", "3"));
const oldMax = Number(arg("--old-max", "400"));
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

const format = (seconds) => (seconds === undefined ? "-" : seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
console.log(`planSuppression, k = ${k}; new: median of ${runs} runs, old: one run (up to ${oldMax} groups)`);
console.log(["shape", "groups", "old", "new", "old/new", "same plan"].map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(10))).join(" "));
let differ = false;
for (const [shape, cases] of Object.entries(SHAPES)) {
  for (const groupCount of groupCounts) {
    const random = seeded(20240611 + groupCount);
    const summary = summaryOf(groupCount, cases(random), random);
    const fresh = timed(() => planSuppression(summary, k), runs);
    const old = groupCount <= oldMax ? timed(() => oldPlanSuppression(summary, k), 1) : undefined;
    const same = old ? isDeepStrictEqual(old.result, fresh.result) : undefined;
    if (same === false) differ = true;
    const ratio = old ? `${(old.seconds / fresh.seconds).toFixed(0)}×` : "-";
    console.log(
      [shape.padEnd(8), String(groupCount).padEnd(8), format(old?.seconds).padStart(10), format(fresh.seconds).padStart(10), ratio.padStart(10), String(same ?? "-").padStart(10)].join(" "),
    );
  }
}
if (differ) {
  console.error("the old and new plans differ");
  process.exitCode = 1;
}
