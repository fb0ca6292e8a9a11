import { Chalk, type ChalkInstance } from "chalk";
import { analyse, type Analysis } from "../engine/analysis.js";
import type { Strategy } from "../engine/strategy.js";
import type { Summary } from "../engine/summary.js";
import { terminalText } from "../text/terminal.js";
import { terminalPad, terminalWidth } from "../text/terminal-width.js";
import { gradeTableCells, gradeTableNotes, type FigureOptions } from "./_figures.js";
import type { Reporter } from "./types.js";

export interface TableOptions extends FigureOptions {
  suppressBelow?: number;
  /** The rubric's strategy, which suppression needs. */
  strategy?: Strategy["name"];
}

const TINTS: Record<number, (chalk: ChalkInstance) => ChalkInstance> = {
  2: (k) => k.green,
  3: (k) => k.yellow,
  4: (k) => k.red,
};

/**
 * Rows of cells as aligned text for a terminal: the first column left, the rest right, a rule under the
 * header and, when `totalRow`, above the last row, which is bold. Each cell is shown as `terminalText`
 * and aligned by the columns it takes.
 */
export function alignedTable(cells: readonly string[][], colour = false, tints: typeof TINTS = {}, totalRow = true): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const columns = Math.max(...cells.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...cells.map((row) => terminalWidth(row[i] ?? ""))));
  const pad = (text: string, i: number) => terminalPad(text, widths[i]!, i === 0 ? "end" : "start");
  const line = (texts: readonly string[], style: (i: number, text: string) => string) =>
    texts.map((text, i) => style(i, pad(text, i))).join("  ").trimEnd();

  const [head = [], ...body] = cells;
  const header = line(head, (_i, text) => chalk.bold(text));
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const rows = body.map((row, r) => {
    const isLast = totalRow && r === body.length - 1;
    return line(row, (i, text) => {
      const tint = tints[i]?.(chalk) ?? chalk.reset;
      return isLast ? chalk.bold(tint(text)) : tint(text);
    });
  });
  const lines = totalRow && rows.length ? [...rows.slice(0, -1), rule, rows[rows.length - 1]!] : rows;
  return [header, rule, ...lines].join("\n") + "\n";
}

export function renderAnalysisTable(analysis: Analysis, groupBy: string, colour: boolean, options: FigureOptions = {}): string {
  const notes = gradeTableNotes(analysis, options).map(terminalText);
  const table = alignedTable(gradeTableCells(analysis, groupBy, options), colour, TINTS);
  return notes.length ? `${table}\n${notes.join("\n")}\n` : table;
}

export function renderTable(summary: Summary, groupBy: string, colour: boolean, options: TableOptions = {}): string {
  return renderAnalysisTable(analyse(summary, { suppressBelow: options.suppressBelow, strategy: options.strategy }), groupBy, colour, options);
}

export function tableReporter(colour: boolean, options: TableOptions = {}): Reporter {
  return { end: (summary, meta) => renderTable(summary, meta.groupBy, colour, { ...options, grades: meta.rubric.grades, strategy: meta.rubric.strategy.name }) };
}
