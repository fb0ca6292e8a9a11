import { GRADES, type Grade } from "../input/fields.js";
import { compareGroups, type Direction, type GroupComparison, type Untested } from "../stats/compare.js";
import type { Suppression } from "../stats/suppress.js";
import { wilsonInterval, type Interval } from "../stats/wilson.js";
import type { SuppressionPlan } from "./_suppression.js";
import type { GradeCounts, Summary } from "./summary.js";

/** A count, or null where suppression hides it. */
export type Shown = number | null;

export type PerGrade<T> = Record<Grade, T>;

export interface GradeRow {
  graded: Shown;
  good: Shown;
  adequate: Shown;
  inadequate: Shown;
  invalid: Shown;
  /** Of graded cases, 0–1; null when nothing was graded or a count it needs is hidden. */
  shares: PerGrade<number | null>;
  /** 95% Wilson score intervals for the shares, 0–1. */
  intervals: PerGrade<Interval | null>;
}

export interface Comparison {
  restShare: number | null;
  difference: number;
  z: number;
  p: number;
  pAdjusted: number;
  flagged: boolean;
  direction: Direction | null;
}

export interface GroupRow extends GradeRow {
  name: string;
  /** Set when the group's inadequate share differs from the rest beyond chance. */
  flag: Direction | null;
  /** The test behind the flag; null when the group could not be tested or its counts are hidden. */
  comparison: Comparison | null;
  /** Why the group was not tested; null when it was. Under suppression a group with a hidden count, or all of them when an overall count is hidden, is not tested: `counts hidden`. */
  untested: Exclude<Untested, "left out"> | "counts hidden" | null;
}

export const FLAG_TEST = {
  name: "two-proportion z-test (pooled), each group's inadequate share against all other groups' cases; Holm-corrected across the groups tested",
  measure: "inadequate",
  alpha: 0.05,
  /** A group is tested only when the pooled share predicts at least this many inadequate and other cases, in it and in the rest. */
  minExpected: 5,
} as const;

export interface GradeTable {
  overall: GradeRow;
  groups: GroupRow[];
  test: typeof FLAG_TEST & { tested: number };
}

const shown = (status: string | undefined) => status === undefined || status === "shown";

interface RowStatus {
  cells: readonly string[];
  total: string;
  invalid: string;
}

function gradeRow(counts: GradeCounts, status: RowStatus | undefined): GradeRow {
  const visible = (i: number) => !status || shown(status.cells[i]);
  const totalShown = !status || shown(status.total);
  const row: GradeRow = {
    graded: totalShown ? counts.graded : null,
    good: null,
    adequate: null,
    inadequate: null,
    invalid: !status || shown(status.invalid) ? counts.invalid : null,
    shares: { good: null, adequate: null, inadequate: null },
    intervals: { good: null, adequate: null, inadequate: null },
  };
  GRADES.forEach((grade, i) => {
    if (!visible(i)) return;
    row[grade] = counts[grade];
    if (!totalShown || counts.graded === 0) return;
    row.shares[grade] = counts[grade] / counts.graded;
    row.intervals[grade] = wilsonInterval(counts[grade], counts.graded) ?? null;
  });
  return row;
}

function comparisonOf(test: GroupComparison): Comparison | null {
  if (test.difference === undefined || test.z === undefined || test.p === undefined || test.pAdjusted === undefined) return null;
  const { restShare, difference, z, p, pAdjusted, flagged, direction } = test;
  return { restShare: restShare ?? null, difference, z, p, pAdjusted, flagged, direction: direction ?? null };
}

function rowStatus(table: Suppression, invalid: Suppression, i: number | undefined): RowStatus {
  if (i === undefined) return { cells: table.columnTotals, total: table.grandTotal, invalid: invalid.columnTotals[0] ?? "shown" };
  return { cells: table.cells[i] ?? [], total: table.rowTotals[i] ?? "shown", invalid: invalid.cells[i]?.[0] ?? "shown" };
}

/**
 * Shares with intervals per group and overall, and the groups whose inadequate share stands out. Under
 * suppression only groups whose graded and inadequate counts are shown, with the overall ones, are tested:
 * Holm's correction then runs across those groups alone, so every published p-value can be worked out from
 * published counts, and none gives away a hidden group's.
 */
export function gradeTable(summary: Summary, plan?: SuppressionPlan): GradeTable {
  const overall = gradeRow(summary.overall, plan && rowStatus(plan.grades, plan.invalid, undefined));
  const rows = summary.groups.map((group, i) => gradeRow(group, plan && rowStatus(plan.grades, plan.invalid, i)));
  const published = (row: GradeRow) => row.graded !== null && row.inadequate !== null;
  const testable = (_group: unknown, i: number) => published(overall) && published(rows[i]!);
  const tests = compareGroups(summary.groups, FLAG_TEST.alpha, FLAG_TEST.minExpected, testable);
  const groups = summary.groups.map((group, i): GroupRow => {
    const comparison = comparisonOf(tests[i]!);
    const untested: GroupRow["untested"] = tests[i]!.untested === "left out" ? "counts hidden" : (tests[i]!.untested ?? null);
    return { name: group.name, ...rows[i]!, flag: comparison?.flagged ? comparison.direction : null, comparison, untested };
  });
  const tested = tests.filter((test) => test.pAdjusted !== undefined).length;
  return { overall, groups, test: { ...FLAG_TEST, tested } };
}
