import type { Analysis } from "../engine/analysis.js";
import type { GradeRow } from "../engine/grade-table.js";
import type { GradeLabels } from "../engine/rubric.js";
import { GRADES } from "../input/fields.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";
import { element, htmlTable, section } from "./_html.js";
import { barChart, type BarRow } from "./_html-chart.js";
import { FLAG_TEXT, gradeTableCells, gradeTableNotes, MARKER } from "./_figures.js";

const chartRow = (label: string, figures: GradeRow, note: string, overall = false): BarRow => ({
  label,
  shares: figures.shares,
  empty: figures.graded === 0 ? "nothing graded" : `${MARKER} suppressed`,
  intervals: { good: figures.intervals.good, inadequate: figures.intervals.inadequate },
  note,
  overall,
});

/** The grades: a chart of every group's shares, the table behind it, and what its marks mean. */
export function gradesSection(analysis: Analysis, groupBy: string, groupTitle: string, grades: GradeLabels | undefined): string {
  const { summary } = analysis;
  const [good, adequate, inadequate] = GRADES.map((grade) => gradeLabel(grade, grades));
  const chart = barChart(
    [
      ...summary.groups.map((group) => chartRow(group.name, group, group.flag ? FLAG_TEXT[group.flag] : "")),
      chartRow("Overall", summary.overall, "", true),
    ],
    `Case grades by ${groupTitle.toLowerCase()}: a bar per group and one overall, ${good}, ${adequate} and ${inadequate} as shares of graded cases, with 95% intervals; the table below holds every figure`,
    { whiskers: true, legend: true, grades },
  );
  const [columns = [], ...cells] = gradeTableCells(analysis, groupBy, { ci: true, tests: true, grades });
  const rows = cells.map((row) => row.map((cell) => cell.replace(" [", "\n[")));
  const overall = rows.pop() ?? [];
  const table = htmlTable({
    caption: `Case grades by ${groupTitle.toLowerCase()}: count, share of graded cases and its 95% interval`,
    columns,
    rows: rows.map(([header = "", ...cells]) => ({ header, cells })),
    foot: [{ header: overall[0] ?? "Overall", cells: overall.slice(1), className: "overall" }],
    className: "numbers grades",
  });
  const notes = gradeTableNotes(analysis, { ci: true, tests: true, grades }).map((text) => element("p", text, ' class="note"'));
  return section("grades", `Grades by ${groupTitle.toLowerCase()}`, [
    `<figure>${chart}${element(
      "figcaption",
      `${gradeTitle("good", grades)} (solid), ${adequate} (striped) and ${inadequate} (cross-hatched) as shares of each group's graded cases. ` +
        `Each whisker is a 95% interval, its range written beside it: above a bar for the ${good} share, ending where the ${good} segment ends; ` +
        `below it for the ${inadequate} share, where the ${inadequate} segment begins. ▲ or ▼ beside a bar: its ${inadequate} share is higher or lower than the rest's beyond chance. ` +
        "The same figures are in the table below.",
    )}</figure>`,
    table,
    ...notes,
  ]);
}
