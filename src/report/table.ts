import { Chalk, type ChalkInstance } from "chalk";
import { percentage, type GradeCounts, type Summary } from "../engine/summary.js";
import type { Reporter } from "./types.js";

function share(count: number, graded: number): string {
  const p = percentage(count, graded);
  return `${count} (${p === undefined ? "-" : p.toFixed(1) + "%"})`;
}

interface Column {
  title: string;
  cell(counts: GradeCounts & { name?: string }): string;
  colour?: (chalk: ChalkInstance) => ChalkInstance;
  left?: boolean;
}

export function renderTable(summary: Summary, groupBy: string, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const columns: Column[] = [
    { title: groupBy === "force" ? "Force" : groupBy, cell: (c) => c.name ?? "Overall", left: true },
    { title: "Graded", cell: (c) => String(c.graded) },
    { title: "Good", cell: (c) => share(c.good, c.graded), colour: (k) => k.green },
    { title: "Adequate", cell: (c) => share(c.adequate, c.graded), colour: (k) => k.yellow },
    { title: "Inadequate", cell: (c) => share(c.inadequate, c.graded), colour: (k) => k.red },
    { title: "Invalid", cell: (c) => String(c.invalid) },
  ];
  const rows = [...summary.groups, { ...summary.overall, name: "Overall" }];
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) => Math.max(column.title.length, ...cells.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) => (columns[i]!.left ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const line = (texts: string[], style: (i: number, text: string) => string) =>
    texts.map((text, i) => style(i, pad(text, i))).join("  ").trimEnd();

  const header = line(columns.map((c) => c.title), (_i, text) => chalk.bold(text));
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const body = cells.map((row, r) => {
    const isOverall = r === cells.length - 1;
    return line(row, (i, text) => {
      const tint = columns[i]!.colour?.(chalk) ?? chalk.reset;
      return isOverall ? chalk.bold(tint(text)) : tint(text);
    });
  });
  return [header, rule, ...body.slice(0, -1), rule, body[body.length - 1]!].join("\n") + "\n";
}

export function tableReporter(colour: boolean): Reporter {
  return { end: (summary, meta) => renderTable(summary, meta.groupBy, colour) };
}
