import type { Analysis } from "../engine/analysis.js";
import type { GradeLabels } from "../engine/rubric.js";
import type { GradeRow, GroupRow } from "../engine/grade-table.js";
import { GRADES } from "../input/fields.js";
import type { Direction } from "../stats/compare.js";
import type { Interval } from "../stats/wilson.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";

/** Shown in place of a suppressed count, share or interval (the statistical offices' "confidential"). */
export const MARKER = "[c]";

export interface FigureOptions {
  /** Show each share's 95% interval beside it. */
  ci?: boolean;
  /** The rubric's words for the grades (the config's `grades`). */
  grades?: GradeLabels;
  /** Say for every group whether it was tested against the rest, and why not (the HTML report), not only the flags. */
  tests?: boolean;
}

/** A 0–1 share as a percentage with one decimal, as the tables have always shown it. */
export const percent = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

export const intervalText = (interval: Interval): string =>
  `${(Math.round(interval.low * 1000) / 10).toFixed(1)}–${(Math.round(interval.high * 1000) / 10).toFixed(1)}`;

export const FLAG_TEXT: Record<Direction, string> = { higher: "▲ higher", lower: "▼ lower" };

/** `177 (30.7%)`, with `[27.1–34.6]` under --ci; the marker when the count is hidden. */
export function shareCell(row: GradeRow, grade: (typeof GRADES)[number], options: FigureOptions): string {
  const count = row[grade];
  if (count === null) return MARKER;
  const share = row.shares[grade];
  const interval = row.intervals[grade];
  const base = `${count} (${share === null ? (row.graded === null ? MARKER : "-") : percent(share)})`;
  if (!options.ci || share === null) return base;
  return `${base} [${interval ? intervalText(interval) : MARKER}]`;
}

/**
 * How many cases a list of cases apart stands for: the matrix's count (`total`), which the JSON report's
 * list, of at most `agreement.apart.limit`, may fall short of.
 */
export const apartCount = (cases: readonly unknown[], total: number | null): number => (total === null ? cases.length : Math.max(total, cases.length));

const countText = (count: number | null) => (count === null ? MARKER : String(count));

const hasFlagColumn = (analysis: Analysis) => analysis.summary.groups.some((group) => group.flag !== null);

const flagCell = (group: GroupRow | undefined) => (group?.flag ? FLAG_TEXT[group.flag] : "");

/** Whether a group was tested against the rest, and what the test found or why it was not run. */
export function testCell(group: GroupRow): string {
  if (group.flag) return FLAG_TEXT[group.flag];
  if (group.comparison) return "no difference";
  return group.untested ? `not tested: ${group.untested}` : "";
}

const TEST_COLUMN = "Against the rest";

/** The grade table as rows of cell texts: the header, one row per group, then the overall row. */
export function gradeTableCells(analysis: Analysis, groupBy: string, options: FigureOptions): string[][] {
  const flags = !options.tests && hasFlagColumn(analysis);
  const tests = options.tests && analysis.summary.groups.length > 1;
  const last = flags ? ["Flag"] : tests ? [TEST_COLUMN] : [];
  const header = [groupBy === "force" ? "Force" : groupBy, "Graded", ...GRADES.map((grade) => gradeTitle(grade, options.grades)), "Invalid", ...last];
  const row = (name: string, figures: GradeRow, group?: GroupRow) => [
    name,
    countText(figures.graded),
    ...GRADES.map((grade) => shareCell(figures, grade, options)),
    countText(figures.invalid),
    ...(flags ? [flagCell(group)] : tests ? [group ? testCell(group) : ""] : []),
  ];
  const { groups, overall } = analysis.summary;
  return [header, ...groups.map((group) => row(group.name, group, group)), row("Overall", overall)];
}

/** The notes under a grade table: what the intervals, flags and markers mean, when the table has them. */
export function gradeTableNotes(analysis: Analysis, options: FigureOptions): string[] {
  const { summary } = analysis;
  const notes: string[] = [];
  if (options.ci) notes.push("[low–high]: the share's 95% Wilson score interval, in %.");
  if (options.tests && summary.groups.length > 1) {
    const inadequate = gradeLabel("inadequate", options.grades);
    notes.push(
      `${TEST_COLUMN}: whether the group's ${inadequate} share is higher or lower than in all other groups' cases together, beyond chance ` +
        `(two-proportion z-test, pooled; Holm-corrected across the ${summary.test.tested} groups tested, at ${summary.test.alpha}). ` +
        `"No difference" means none was found, not that the shares are equal. A group is not tested when, at the overall share, ` +
        `it or the rest would expect fewer than ${summary.test.minExpected} ${inadequate} or ${summary.test.minExpected} other cases (too few cases), ` +
        "when it graded nothing, when it holds every graded case (no other cases), or when its counts or the overall ones are suppressed (counts hidden).",
    );
  } else if (hasFlagColumn(analysis)) {
    const untested = summary.suppression ? "; a group with a hidden count is not tested" : "";
    notes.push(
      `Flag: the group's ${gradeLabel("inadequate", options.grades)} share is higher or lower than in all other groups' cases together, beyond chance ` +
        `(two-proportion z-test, pooled; Holm-corrected across ${summary.test.tested} groups at ${summary.test.alpha}${untested}).`,
    );
  }
  if (summary.suppression) {
    notes.push(
      `${MARKER}: suppressed: a count below ${summary.suppression.below}, or one hidden with it so that none can be ` +
        "worked out from what is shown; shares and intervals built on a hidden count are hidden too.",
    );
  }
  return notes;
}
