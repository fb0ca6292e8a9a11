import { GRADES, type Grade } from "../input/fields.js";
import { differenceInterval } from "../stats/compare.js";
import { suppress } from "../stats/suppress.js";
import type { Interval } from "../stats/wilson.js";
import { analyse, type AnalysisOptions } from "./analysis.js";
import type { GradeRow, PerGrade, Shown } from "./grade-table.js";
import type { Strategy } from "./strategy.js";
import type { GradeCounts, Summary } from "./summary.js";

export interface GradeChange {
  /** Shares of graded cases, 0–1; null when the group is absent on that side, graded nothing, or is hidden. */
  before: number | null;
  after: number | null;
  /** after - before, and its 95% interval (Newcombe's hybrid score method, the two sides taken as independent). */
  change: number | null;
  interval: Interval | null;
}

export interface GroupDiff {
  name: string;
  /** Graded cases; null when hidden, undefined (absent from JSON) when the group is not in that report. */
  graded: { before: Shown | undefined; after: Shown | undefined };
  grades: PerGrade<GradeChange>;
}

export interface CaseChange {
  case_id: string;
  group: string;
  before: Grade;
  after: Grade;
}

export interface CaseDiff {
  /** Graded case ids in both reports, and in one only. */
  common: number;
  onlyBefore: number;
  onlyAfter: number;
  /** transitions[i][j]: cases graded GRADES[i] before and GRADES[j] after; hidden cells null. */
  transitions: Shown[][];
  /** Cases whose grade changed, by group then id; null when withheld under suppression. */
  changed: CaseChange[] | null;
}

export interface Diff {
  groups: GroupDiff[];
  overall: GroupDiff;
  /** Null when the reports share no case id. */
  cases: CaseDiff | null;
}

export interface DiffSide {
  summary: Summary;
  /** The rubric's strategy, which suppression needs. */
  strategy: Strategy["name"];
  cases: readonly { case_id: string; group: string; grade: Grade }[];
}

function groupDiff(name: string, counts: (GradeCounts | undefined)[], rows: (GradeRow | undefined)[]): GroupDiff {
  const [before, after] = counts;
  const [shownBefore, shownAfter] = rows;
  const change = (grade: Grade): GradeChange => {
    const b = shownBefore?.shares[grade] ?? null;
    const a = shownAfter?.shares[grade] ?? null;
    if (a === null || b === null || !before || !after) return { before: b, after: a, change: null, interval: null };
    const interval = differenceInterval(after[grade], after.graded, before[grade], before.graded) ?? null;
    return { before: b, after: a, change: a - b, interval };
  };
  return {
    name,
    graded: { before: shownBefore?.graded, after: shownAfter?.graded },
    grades: { good: change("good"), adequate: change("adequate"), inadequate: change("inadequate") },
  };
}

function caseDiff(before: DiffSide["cases"], after: DiffSide["cases"], suppressBelow: number | undefined): CaseDiff | null {
  const earlier = new Map(before.map((c) => [c.case_id, c]));
  const transitions = GRADES.map(() => GRADES.map(() => 0));
  const changed: CaseChange[] = [];
  let common = 0;
  for (const now of after) {
    const then = earlier.get(now.case_id);
    if (!then) continue;
    common++;
    transitions[GRADES.indexOf(then.grade)]![GRADES.indexOf(now.grade)]!++;
    if (then.grade !== now.grade) changed.push({ case_id: now.case_id, group: now.group, before: then.grade, after: now.grade });
  }
  if (common === 0) return null;
  changed.sort((a, b) => a.group.localeCompare(b.group, "en") || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  const hidden = suppressBelow === undefined ? undefined : suppress(transitions, suppressBelow);
  return {
    common,
    onlyBefore: before.length - common,
    onlyAfter: after.length - common,
    transitions: transitions.map((row, i) => row.map((count, j) => (hidden && hidden.cells[i]?.[j] !== "shown" ? null : count))),
    changed: hidden ? null : changed,
  };
}

/** Per group, how each grade's share moved from one report to the other, and the cases whose grade changed. */
export function diffSummaries(before: DiffSide, after: DiffSide, options: Pick<AnalysisOptions, "suppressBelow"> = {}): Diff {
  const [rowsBefore, rowsAfter] = [before, after].map((side) => analyse(side.summary, { ...options, strategy: side.strategy }).summary);
  const names = [...new Set([...before.summary.groups, ...after.summary.groups].map((group) => group.name))].sort((a, b) =>
    a.localeCompare(b, "en"),
  );
  const find = <T extends { name: string }>(list: readonly T[], name: string) => list.find((entry) => entry.name === name);
  return {
    groups: names.map((name) =>
      groupDiff(
        name,
        [find(before.summary.groups, name), find(after.summary.groups, name)],
        [find(rowsBefore!.groups, name), find(rowsAfter!.groups, name)],
      ),
    ),
    overall: groupDiff("Overall", [before.summary.overall, after.summary.overall], [rowsBefore!.overall, rowsAfter!.overall]),
    cases: caseDiff(before.cases, after.cases, options.suppressBelow),
  };
}
