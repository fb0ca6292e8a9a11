import { percentage, type GradeCounts, type Summary } from "../engine/summary.js";
import type { Reporter } from "./types.js";

/** Text safe in a GFM table cell: one line, with `|` and inline markup escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&");
}

function share(count: number, graded: number): string {
  const p = percentage(count, graded);
  return `${count} (${p === undefined ? "-" : p.toFixed(1) + "%"})`;
}

function cells(counts: GradeCounts): string[] {
  return [
    String(counts.graded),
    share(counts.good, counts.graded),
    share(counts.adequate, counts.graded),
    share(counts.inadequate, counts.graded),
    String(counts.invalid),
  ];
}

const tableRow = (texts: readonly string[]) => `| ${texts.join(" | ")} |`;

/** The grade tables of the table reporter, as GitHub-flavoured Markdown (for CI job summaries). */
export function renderMarkdown(summary: Summary, groupBy: string): string {
  const groupTitle = markdownText(groupBy === "force" ? "Force" : groupBy);
  const lines = [
    `### Case grades by ${markdownText(groupBy)}`,
    "",
    tableRow([groupTitle, "Graded", "Good", "Adequate", "Inadequate", "Invalid"]),
    tableRow([":---", "---:", "---:", "---:", "---:", "---:"]),
    ...summary.groups.map((group) => tableRow([markdownText(group.name), ...cells(group)])),
    tableRow(["Overall", ...cells(summary.overall)].map((text) => `**${text}**`)),
  ];
  return `${lines.join("\n")}\n`;
}

export function markdownReporter(): Reporter {
  return { end: (summary, meta) => renderMarkdown(summary, meta.groupBy) };
}
