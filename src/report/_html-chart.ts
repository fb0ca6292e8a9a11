import type { PerGrade } from "../engine/grade-table.js";
import { GRADES, type Grade } from "../input/fields.js";
import type { Interval } from "../stats/wilson.js";
import { escapeHtml } from "./_html.js";
import type { GradeLabels } from "../engine/rubric.js";
import { intervalText, percent } from "./_figures.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";

/**
 * Stacked bars drawn in HTML and CSS, not SVG, so that the browser lays out their text: a group's
 * name wraps instead of being cut off, and the whole chart reflows at 200% zoom and on a phone.
 */

/** One bar: the grades' shares (all null when there is no bar), whiskers, and a note beside it. */
export interface BarRow {
  label: string;
  shares: PerGrade<number | null>;
  /** What stands in for the bar when the shares are null. */
  empty: string;
  /** 95% intervals to draw: the good share's above the bar, the inadequate share's below it. */
  intervals?: { good: Interval | null; inadequate: Interval | null };
  note?: string;
  overall?: boolean;
}

/** Each grade: solid, stripes or cross-hatch (so none is told by colour alone), and a label colour that reads on both of its pattern colours. */
export const SEGMENT_COLOURS: Record<Grade, { base: string; mark: string; text: string }> = {
  good: { base: "#1e6b34", mark: "#1e6b34", text: "#ffffff" },
  adequate: { base: "#f2c14e", mark: "#c99a1e", text: "#111111" },
  inadequate: { base: "#a4161a", mark: "#6e0f12", text: "#ffffff" },
};

const at = (share: number) => `${(share * 100).toFixed(2)}%`;

/**
 * An interval as a whisker, with its range written beside it: to the right when it ends short of 60%,
 * to the left when it starts past 40%, else over its middle, so that the text stays inside the bar's width.
 */
function whisker(interval: Interval, grade: Grade): string {
  const side = interval.high <= 0.6 ? "right" : interval.low >= 0.4 ? "left" : "middle";
  const text = `${intervalText(interval)}%`;
  const style = `left:${at(interval.low)};width:${at(interval.high - interval.low)}`;
  return `<div class="whisker whisker-${grade}"><span class="whisker-line" style="${style}"><span class="whisker-label label-${side}">${text}</span></span></div>`;
}

function bar(row: BarRow): string {
  const shares = GRADES.map((grade) => row.shares[grade]);
  if (shares.some((share) => share === null)) return `<div class="bar bar-empty">${escapeHtml(row.empty)}</div>`;
  const segments = GRADES.map((grade, i) => {
    const share = shares[i]!;
    return share === 0 ? "" : `<div class="segment segment-${grade}" style="width:${at(share)}"><span>${percent(share)}</span></div>`;
  });
  return `<div class="bar">${segments.join("")}</div>`;
}

function rowHtml(row: BarRow): string {
  const { intervals } = row;
  const shown = GRADES.every((grade) => row.shares[grade] !== null);
  const above = shown && intervals?.good ? whisker(intervals.good, "good") : intervals ? '<div class="whisker"></div>' : "";
  const below = shown && intervals?.inadequate ? whisker(intervals.inadequate, "inadequate") : intervals ? '<div class="whisker"></div>' : "";
  return [
    `<div class="chart-row${row.overall ? " overall" : ""}">`,
    `<div class="chart-label">${escapeHtml(row.label)}</div>`,
    `<div class="chart-track">${above}${bar(row)}${below}</div>`,
    `<div class="chart-note">${escapeHtml(row.note ?? "")}</div>`,
    "</div>",
  ].join("");
}

/** The key to the grades' patterns, and to the whiskers when the chart has them. */
export const chartLegend = (whiskers: boolean, grades: GradeLabels | undefined): string =>
  `<div class="chart-legend">${GRADES.map((grade) => `<span class="key"><span class="swatch segment-${grade}"></span>${escapeHtml(gradeTitle(grade, grades))}</span>`).join("")}` +
  (whiskers
    ? `<span class="key"><span class="swatch-whisker"></span>${escapeHtml(`95% interval: above a bar, of the ${gradeLabel("good", grades)} share; below it, of the ${gradeLabel("inadequate", grades)} share`)}</span>`
    : "") +
  "</div>";

const axis = () =>
  `<div class="chart-row chart-axis"><div class="chart-label"></div><div class="chart-track">${[0, 25, 50, 75, 100]
    .map((tick) => `<span class="tick tick-${tick}" style="left:${tick}%">${tick}%</span>`)
    .join("")}</div><div class="chart-note"></div></div>`;

/**
 * A chart of stacked bars, one per row, the overall row set apart, shown to assistive technology as one
 * image with a name: the table that follows it holds every figure.
 */
export function barChart(
  rows: readonly BarRow[],
  name: string,
  options: { whiskers: boolean; legend: boolean; grades: GradeLabels | undefined; className?: string },
): string {
  return [
    `<div class="chart${options.className ? ` ${options.className}` : ""}" role="img" aria-label="${escapeHtml(name)}">`,
    options.legend ? chartLegend(options.whiskers, options.grades) : "",
    `<div class="chart-body">${rows.map(rowHtml).join("")}${axis()}</div>`,
    "</div>",
  ].join("\n");
}
const { good, adequate, inadequate } = SEGMENT_COLOURS;
const stripes = (base: string, mark: string) => `repeating-linear-gradient(45deg, ${base} 0 4px, ${mark} 4px 6.5px)`;
const hatch = (base: string, mark: string) =>
  `repeating-linear-gradient(45deg, transparent 0 4px, ${mark} 4px 5.5px), repeating-linear-gradient(-45deg, transparent 0 4px, ${mark} 4px 5.5px), ${base}`;

/** The charts' styles: patterns and colours from SEGMENT_COLOURS, and system colours in forced-colours mode. */
export const CHART_STYLE = `
.chart { container: chart / inline-size; margin: 1rem 0 0.5rem; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; font-size: 0.9rem; margin: 0 0 0.75rem; }
.key { display: inline-flex; align-items: center; gap: 0.4rem; }
.swatch { display: inline-block; width: 1.2rem; height: 0.9rem; outline: 1px solid var(--text); }
.swatch-whisker { position: relative; display: inline-block; flex: none; width: 1.6rem; height: 0.55rem; border: solid var(--text); border-width: 0 2px; box-sizing: border-box; }
.swatch-whisker::before { content: ""; position: absolute; left: 0; right: 0; top: 50%; border-top: 2px solid var(--text); transform: translateY(-50%); }
.chart-row { display: grid; grid-template-columns: minmax(0, 11rem) minmax(0, 1fr) 5.5rem; column-gap: 0.75rem; align-items: center; margin: 0.15rem 0; }
.chart-label { text-align: right; font-weight: 600; line-height: 1.2; overflow-wrap: anywhere; }
.chart-note { font-size: 0.9rem; }
.chart-row.overall { border-top: 1px solid var(--text); margin-top: 0.35rem; padding-top: 0.35rem; }
.chart-row.overall .chart-label { font-weight: 700; }
.chart-track { container: track / inline-size; position: relative; background: linear-gradient(to right, var(--grid) 1px, transparent 1px) 0 0 / 25% 100% repeat-x; border-right: 1px solid var(--grid); }
.whisker { position: relative; height: 0.95rem; }
.whisker-good { color: var(--good-ink); }
.whisker-inadequate { color: var(--inadequate-ink); }
.whisker-line { position: absolute; top: 50%; height: 0.55rem; transform: translateY(-50%); border: solid currentColor; border-width: 0 2px; box-sizing: border-box; min-width: 4px; }
.whisker-line::before { content: ""; position: absolute; left: 0; right: 0; top: 50%; border-top: 2px solid currentColor; transform: translateY(-50%); }
.whisker-label { position: absolute; top: 50%; transform: translateY(-50%); font-size: 0.75rem; line-height: 1; white-space: nowrap; font-variant-numeric: tabular-nums; }
.label-right { left: 100%; padding-left: 0.3rem; }
.label-left { right: 100%; padding-right: 0.3rem; }
.label-middle { left: 50%; transform: translate(-50%, -50%); padding: 0 0.25rem; background: var(--bg); }
.bar { display: flex; height: 1.6rem; outline: 1px solid var(--text); }
.bar-empty { outline: none; align-items: center; padding-left: 0.4rem; color: var(--muted); font-style: italic; }
.segment { container: segment / inline-size; display: flex; align-items: center; justify-content: center; overflow: hidden; font-size: 0.85rem; font-weight: 600; }
.segment + .segment { border-left: 1px solid var(--text); }
.segment span { white-space: nowrap; }
.segment-good { background: ${good.base}; color: ${good.text}; }
.segment-adequate { background: ${stripes(adequate.base, adequate.mark)}; color: ${adequate.text}; }
.segment-inadequate { background: ${hatch(inadequate.base, inadequate.mark)}; color: ${inadequate.text}; }
.chart-axis { margin-top: 0.15rem; }
.chart-axis .chart-track { height: 1.1rem; background: none; border: none; }
.tick { position: absolute; top: 0; transform: translateX(-50%); font-size: 0.75rem; color: var(--muted); }
.tick-0 { transform: none; }
.tick-100 { transform: translateX(-100%); }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); gap: 1rem 2.5rem; margin: 0.5rem 0 1rem; }
.panel-title { font-weight: 700; margin: 0; overflow-wrap: anywhere; }
.panel .chart { margin: 0.25rem 0 0; }
.compact .chart-row { grid-template-columns: minmax(0, 8rem) minmax(0, 1fr) 4.5rem; margin: 0.2rem 0; }
.compact .chart-label { font-weight: 400; font-size: 0.85rem; }
.compact .bar { height: 1.1rem; }
.compact .segment { font-size: 0.72rem; }
@container segment (max-width: 2.6rem) { .segment span { visibility: hidden; } }
@container track (max-width: 22rem) { .whisker-label { display: none; } }
@container chart (max-width: 40rem) {
  .chart:not(.compact) .chart-row { grid-template-columns: minmax(0, 1fr) auto; }
  .chart:not(.compact) .chart-label { grid-row: 1; text-align: left; margin-top: 0.3rem; }
  .chart:not(.compact) .chart-note { grid-row: 1; grid-column: 2; align-self: end; }
  .chart:not(.compact) .chart-track { grid-row: 2; grid-column: 1 / -1; }
  .chart:not(.compact) .chart-axis .chart-label { display: none; }
}
@container chart (max-width: 20rem) {
  .compact .chart-row { grid-template-columns: minmax(0, 1fr) auto; }
  .compact .chart-label { grid-row: 1; text-align: left; }
  .compact .chart-note { grid-row: 1; grid-column: 2; }
  .compact .chart-track { grid-row: 2; grid-column: 1 / -1; }
  .compact .chart-axis .chart-label { display: none; }
}
@media (forced-colors: active) {
  .segment, .segment *, .swatch { forced-color-adjust: none; }
  .segment-good { background: CanvasText; color: Canvas; }
  .segment-adequate { background: ${stripes("Canvas", "CanvasText")}; color: CanvasText; }
  .segment-inadequate { background: ${hatch("Canvas", "CanvasText")}; color: CanvasText; }
  .segment + .segment { border-left: 2px solid Canvas; }
  .segment-adequate span, .segment-inadequate span { background: Canvas; padding: 0 0.2em; }
  .whisker-good, .whisker-inadequate { color: CanvasText; }
}
`;
