import type { GradeRow } from "../engine/grade-table.js";
import { element, escapeHtml, isolate } from "./_html.js";
import { MARKER } from "./_figures.js";
import type { ReportLabels } from "./types.js";

/** What the report says about itself and where its figures came from. */
export interface Provenance {
  labels: ReportLabels;
  /** When the report was made. */
  generated: Date;
  toolVersion: string;
  /**
   * What was read, as the run named it (a path or `stdin`; a merge's reports), with the SHA-256 of its
   * bytes in hex, undefined when it could not be taken (a pipe given by name is read only once).
   */
  inputs: { name: string; sha256?: string }[];
  /** The input's format: csv, json, ndjson, or merged. */
  format: string;
  rubricHash: string;
  groupBy: string;
}

/** The last part of a path: a report names its input without the folders it sat in. */
export const fileName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** The report's title: the one given, else "Case audit: <file name>". */
export const reportTitle = (provenance: Pick<Provenance, "labels" | "inputs">): string =>
  provenance.labels.title ?? `Case audit: ${provenance.inputs.map((input) => fileName(input.name)).join(" + ")}`;

/** `3 May 2025, 14:02 UTC`, the same wherever the report is made. */
export function generatedText(date: Date): string {
  const day = date.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  const time = date.toLocaleTimeString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time} UTC`;
}

const inputHtml = (input: Provenance["inputs"][number]) =>
  `${isolate(fileName(input.name))}, SHA-256 ` +
  (input.sha256 ? `<code class="hash">${escapeHtml(input.sha256)}</code>` : "not taken (a pipe given by name is read only once)");

const count = (value: number | null) => (value === null ? MARKER : value.toLocaleString("en-GB"));

/** The page's header: publisher, title, period, what was graded, and the facts that identify the run. */
export function headerHtml(provenance: Provenance, overall: GradeRow): string {
  const { labels } = provenance;
  const facts: [string, string][] = [
    ["Generated", `<time datetime="${provenance.generated.toISOString()}">${escapeHtml(generatedText(provenance.generated))}</time>`],
    ["Made with", `audit ${escapeHtml(provenance.toolVersion)}`],
    [`${provenance.inputs.length > 1 ? "Inputs" : "Input"} (${provenance.format})`, provenance.inputs.map(inputHtml).join("<br>")],
    ["Rubric", `<code class="hash">${escapeHtml(provenance.rubricHash)}</code> (<a href="#rubric">the rubric in words</a>)`],
  ];
  const lead = `${count(overall.graded)} cases graded and ${count(overall.invalid)} invalid records, grouped by ${provenance.groupBy}.`;
  return [
    "<header>",
    labels.publisher ? element("p", labels.publisher, ' class="publisher"') : "",
    element("h1", reportTitle(provenance)),
    labels.period ? element("p", labels.period, ' class="period"') : "",
    element("p", lead, ' class="lead"'),
    `<dl class="provenance">${facts.map(([term, value]) => `<div>${element("dt", term)}<dd>${value}</dd></div>`).join("")}</dl>`,
    "</header>",
  ].join("\n");
}
