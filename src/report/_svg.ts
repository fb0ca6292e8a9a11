import type { GradeLabels } from "../engine/rubric.js";
import type { GradeRow } from "../engine/grade-table.js";
import { GRADES, type Grade } from "../input/fields.js";
import type { Interval } from "../stats/wilson.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";
import { escapeHtml } from "./_html.js";
import { intervalText, percent } from "./_figures.js";

export interface ChartRow {
  label: string;
  figures: GradeRow;
  /** Text beside the bar, such as the flag. */
  note: string;
}

const LABEL_WIDTH = 180;
const BAR_WIDTH = 500;
const NOTE_WIDTH = 100;
const ROW_HEIGHT = 46;
const TOP = 48;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH;

/** Each grade: solid, stripes or cross-hatch (so none is told by colour alone), and a label colour that reads on both of its pattern colours. */
export const SEGMENT_COLOURS: Record<Grade, { base: string; mark: string; text: string }> = {
  good: { base: "#1e6b34", mark: "#1e6b34", text: "#ffffff" },
  adequate: { base: "#f2c14e", mark: "#c99a1e", text: "#111111" },
  inadequate: { base: "#a4161a", mark: "#6e0f12", text: "#ffffff" },
};

const FILL: Record<Grade, string> = {
  good: SEGMENT_COLOURS.good.base,
  adequate: "url(#pattern-adequate)",
  inadequate: "url(#pattern-inadequate)",
};

const { adequate, inadequate } = SEGMENT_COLOURS;
const DEFS = `<defs>
<pattern id="pattern-adequate" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${adequate.base}"/><rect width="2.5" height="8" fill="${adequate.mark}"/></pattern>
<pattern id="pattern-inadequate" width="7" height="7" patternUnits="userSpaceOnUse"><rect width="7" height="7" fill="${inadequate.base}"/><path d="M0 0L7 7M7 0L0 7" stroke="${inadequate.mark}" stroke-width="1.5"/></pattern>
</defs>`;

const x = (share: number) => LABEL_WIDTH + share * BAR_WIDTH;
const fixed = (value: number) => Number(value.toFixed(2));
const shorten = (text: string) => (text.length > 26 ? `${text.slice(0, 25)}…` : text);

/** A horizontal interval at height y: the line and its two end caps. */
function whisker(interval: Interval, y: number, grade: Grade, from: "left" | "right"): string {
  const [low, high] = from === "left" ? [interval.low, interval.high] : [1 - interval.high, 1 - interval.low];
  const [x1, x2] = [fixed(x(low)), fixed(x(high))];
  const cap = (at: number) => `<line class="whisker-cap" x1="${at}" x2="${at}" y1="${y - 4}" y2="${y + 4}"/>`;
  return `<line class="whisker whisker-${grade}" x1="${x1}" x2="${x2}" y1="${y}" y2="${y}"/>${cap(x1)}${cap(x2)}`;
}

function bar(row: ChartRow, top: number, grades: GradeLabels | undefined): string {
  const { figures } = row;
  const label = `<text class="bar-label" x="${LABEL_WIDTH - 10}" y="${top + 23}" text-anchor="end">${escapeHtml(shorten(row.label))}</text>`;
  const note = row.note ? `<text class="bar-note" x="${LABEL_WIDTH + BAR_WIDTH + 10}" y="${top + 23}">${escapeHtml(row.note)}</text>` : "";
  const shares = GRADES.map((grade) => figures.shares[grade]);
  if (shares.some((share) => share === null)) {
    const why = figures.graded === 0 ? "nothing graded" : "[c] suppressed";
    return `${label}<text class="bar-empty" x="${LABEL_WIDTH + 6}" y="${top + 23}">${why}</text>${note}`;
  }
  let start = 0;
  const segments = GRADES.map((grade, i) => {
    const share = shares[i]!;
    const [left, width] = [fixed(x(start)), fixed(share * BAR_WIDTH)];
    start += share;
    const interval = figures.intervals[grade];
    const title = `${row.label}: ${gradeLabel(grade, grades)} ${figures[grade]} of ${figures.graded} (${percent(share)}${interval ? `; 95% interval ${intervalText(interval)}%` : ""})`;
    const text = width >= 42 ? `<text class="segment-label" x="${fixed(left + width / 2)}" y="${top + 23}" text-anchor="middle" style="fill: ${SEGMENT_COLOURS[grade].text}">${percent(share)}</text>` : "";
    return `<rect class="bar bar-${grade}" x="${left}" y="${top + 8}" width="${width}" height="22" fill="${FILL[grade]}"><title>${escapeHtml(title)}</title></rect>${text}`;
  });
  const good = figures.intervals.good;
  const inadequate = figures.intervals.inadequate;
  const whiskers = [good ? whisker(good, top + 4, "good", "left") : "", inadequate ? whisker(inadequate, top + 34, "inadequate", "right") : ""];
  return `${label}${segments.join("")}${whiskers.join("")}${note}`;
}

function legend(grades: GradeLabels | undefined): string {
  const item = (grade: Grade, i: number) => {
    const left = LABEL_WIDTH + i * 130;
    const name = escapeHtml(gradeTitle(grade, grades));
    return `<rect class="legend-swatch" x="${left}" y="8" width="18" height="14" fill="${FILL[grade]}"/><text x="${left + 24}" y="20">${name}</text>`;
  };
  return `<g class="legend">${GRADES.map(item).join("")}</g>`;
}

function axis(bottom: number): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const at = fixed(x(share));
    return `<line class="grid" x1="${at}" x2="${at}" y1="${TOP - 6}" y2="${bottom}"/><text class="tick" x="${at}" y="${bottom + 16}" text-anchor="middle">${share * 100}%</text>`;
  });
  return `<g class="axis" aria-hidden="true">${ticks.join("")}</g>`;
}

/**
 * A stacked bar per group and one for the overall row: good, adequate, inadequate as shares of graded cases,
 * each segment labelled with its percentage. Whiskers show 95% intervals: the good share's above the bar
 * (from the left), the inadequate share's below it (from the right).
 */
export function gradeChart(rows: readonly ChartRow[], overall: ChartRow, title: string, description: string, grades?: GradeLabels): string {
  const all = [...rows, overall];
  const bottom = TOP + all.length * ROW_HEIGHT + 8;
  const height = bottom + 28;
  const bars = all.map((row, i) => `<g class="bar-row${i === rows.length ? " overall" : ""}">${bar(row, TOP + i * ROW_HEIGHT + (i === rows.length ? 8 : 0), grades)}</g>`);
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
    DEFS,
    legend(grades),
    axis(bottom),
    `<line class="separator" x1="0" x2="${WIDTH}" y1="${TOP + rows.length * ROW_HEIGHT + 2}" y2="${TOP + rows.length * ROW_HEIGHT + 2}"/>`,
    ...bars,
    "</svg>",
  ].join("\n");
}
