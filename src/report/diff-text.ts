import type { Diff, GradeChange, GroupDiff } from "../engine/diff.js";
import type { Shown } from "../engine/grade-table.js";
import { GRADES } from "../input/fields.js";
import { terminalText } from "../text/terminal.js";
import { MARKER, percent } from "./_figures.js";
import { alignedTable } from "./table.js";

export interface DiffSideHead {
  name: string;
  rubricHash: string;
}

export interface DiffHead {
  groupBy: string;
  before: DiffSideHead;
  after: DiffSideHead;
}

const LISTED = 50;

/** Percentage points with a sign and one decimal. */
const points = (share: number) => {
  const value = Math.round(share * 1000) / 10;
  return `${value > 0 ? "+" : value < 0 ? "-" : "±"}${Math.abs(value).toFixed(1)}`;
};

const countText = (count: Shown | undefined) => (count === undefined ? "–" : count === null ? MARKER : String(count));
const shareText = (share: number | null, present: boolean) => (!present ? "–" : share === null ? MARKER : percent(share));

function changeCell(change: GradeChange, group: GroupDiff): string {
  const { before, after } = group.graded;
  const shares = `${shareText(change.before, before !== undefined)} → ${shareText(change.after, after !== undefined)}`;
  if (change.change === null) return shares;
  const interval = change.interval ? ` [${points(change.interval.low)}, ${points(change.interval.high)}]` : "";
  return `${shares}  ${points(change.change)}${interval}`;
}

const row = (group: GroupDiff) => [
  group.name,
  `${countText(group.graded.before)} → ${countText(group.graded.after)}`,
  ...GRADES.map((grade) => changeCell(group.grades[grade], group)),
];

function casesText(cases: NonNullable<Diff["cases"]>): string[] {
  const changed = cases.changed;
  const total = changed === null ? MARKER : String(changed.length);
  const lines = [
    `Cases in both reports: ${cases.common} (${cases.onlyBefore} only before, ${cases.onlyAfter} only after); grade changed: ${total}.`,
    "",
    alignedTable([["Before \\ after", ...GRADES], ...GRADES.map((grade, i) => [grade, ...(cases.transitions[i] ?? []).map(countText)])], false, {}, false).trimEnd(),
  ];
  if (changed === null) return [...lines, "", "The list of changed cases is withheld under --suppress-below."];
  const listed = changed.slice(0, LISTED).map((c) => `  ${terminalText(c.case_id)} (${terminalText(c.group)}): ${c.before} → ${c.after}`);
  const more = changed.length > LISTED ? [`  ... and ${changed.length - LISTED} more (-f json lists them all)`] : [];
  return [...lines, ...(changed.length ? ["", "Changed:", ...listed, ...more] : [])];
}

/** `audit diff` at a terminal: the share of each grade before and after, per group, and the cases that moved. */
export function renderDiffTable(diff: Diff, head: DiffHead): string {
  const title = head.groupBy === "force" ? "Force" : head.groupBy;
  const table = alignedTable([[title, "Graded", ...GRADES.map((g) => g[0]!.toUpperCase() + g.slice(1))], ...diff.groups.map(row), row(diff.overall)]);
  const rubrics =
    head.before.rubricHash === head.after.rubricHash
      ? "Both graded with one rubric."
      : `Graded with different rubrics (before ${head.before.rubricHash.slice(0, 19)}…, after ${head.after.rubricHash.slice(0, 19)}…).`;
  const lines = [
    `Before: ${terminalText(head.before.name)}`,
    `After:  ${terminalText(head.after.name)}`,
    rubrics,
    "",
    table.trimEnd(),
    "",
    "Change: after minus before in percentage points, with its 95% interval (Newcombe's hybrid score method, the reports taken as independent samples).",
  ];
  if (diff.cases) lines.push("", ...casesText(diff.cases));
  else lines.push("", "The reports share no case id, so no case can be followed from one to the other.");
  return `${lines.join("\n")}\n`;
}
