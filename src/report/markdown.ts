import { analyse, type Analysis } from "../engine/analysis.js";
import type { Summary } from "../engine/summary.js";
import { terminalText } from "../text/terminal.js";
import { gradeTableCells, gradeTableNotes, type FigureOptions } from "./_figures.js";
import type { TableOptions } from "./table.js";
import type { Reporter } from "./types.js";

/** Text safe in a GFM table cell: one line, its hidden characters shown (`terminalText`), `|` and inline markup escaped. */
export function markdownText(text: string): string {
  return terminalText(text.replace(/[\r\n]+/g, " "))
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&");
}

const tableRow = (texts: readonly string[]) => `| ${texts.join(" | ")} |`;

/** The grade tables of the table reporter, as GitHub-flavoured Markdown (for CI job summaries), with their notes. */
export function renderAnalysisMarkdown(analysis: Analysis, groupBy: string, options: FigureOptions = {}): string {
  const [header = [], ...rows] = gradeTableCells(analysis, groupBy, options);
  const overall = rows.pop() ?? [];
  const notes = gradeTableNotes(analysis, options);
  const lines = [
    `### Case grades by ${markdownText(groupBy)}`,
    "",
    tableRow(header.map(markdownText)),
    tableRow(header.map((title, i) => (i === 0 || title === "Flag" ? ":---" : "---:"))),
    ...rows.map((cells) => tableRow(cells.map(markdownText))),
    tableRow(overall.map((text) => (text === "" ? "" : `**${markdownText(text)}**`))),
    ...(notes.length ? ["", ...notes.map(markdownText)] : []),
  ];
  return `${lines.join("\n")}\n`;
}

export function renderMarkdown(summary: Summary, groupBy: string, options: TableOptions = {}): string {
  return renderAnalysisMarkdown(analyse(summary, { suppressBelow: options.suppressBelow, strategy: options.strategy }), groupBy, options);
}

export function markdownReporter(options: TableOptions = {}): Reporter {
  return { end: (summary, meta) => renderMarkdown(summary, meta.groupBy, { ...options, grades: meta.rubric.grades, strategy: meta.rubric.strategy.name }) };
}
