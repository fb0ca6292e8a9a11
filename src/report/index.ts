import type { ReportLabels, Reporter } from "./types.js";

export interface ReporterSettings {
  /** Colour the table (only the table uses colour). */
  colour: boolean;
  failOn: "inadequate" | "adequate";
  /** Show each share's 95% interval in the table and Markdown (always in json and html). */
  ci?: boolean;
  /** Suppress counts below this in every summary-level output; per-case outputs are left whole. */
  suppressBelow?: number;
  /** The HTML report's title, period and publisher. */
  labels?: ReportLabels;
  /** When the run was made, as the HTML report says. */
  generated?: Date;
  /** Case ids are replaced by keyed hashes (--redact). */
  redacted?: boolean;
}

/**
 * Every output format, by the name `--format` takes. Each reporter's module is loaded only when a run
 * asks for its format: the HTML report's page and scripts cost a table run nothing.
 */
export const REPORTERS = {
  table: async (s: ReporterSettings) => (await import("./table.js")).tableReporter(s.colour, { ci: s.ci, suppressBelow: s.suppressBelow }),
  json: async (s: ReporterSettings) => (await import("./json.js")).jsonReporter({ suppressBelow: s.suppressBelow }),
  ndjson: async (s: ReporterSettings) => (await import("./ndjson.js")).ndjsonReporter({ suppressBelow: s.suppressBelow }),
  csv: async () => (await import("./csv.js")).csvReporter(),
  markdown: async (s: ReporterSettings) => (await import("./markdown.js")).markdownReporter({ ci: s.ci, suppressBelow: s.suppressBelow }),
  junit: async (s: ReporterSettings) => (await import("./junit.js")).junitReporter({ failOn: s.failOn }),
  html: async (s: ReporterSettings) => (await import("./html.js")).htmlReporter({ suppressBelow: s.suppressBelow, labels: s.labels, generated: s.generated, redacted: s.redacted }),
  /** The HTML report with every case added, for internal review (never with suppression: the CLI refuses). */
  "html-cases": async (s: ReporterSettings) =>
    (await import("./html.js")).htmlReporter({ suppressBelow: s.suppressBelow, labels: s.labels, generated: s.generated, redacted: s.redacted, cases: true }),
} satisfies Record<string, (settings: ReporterSettings) => Promise<Reporter>>;

export type OutputFormat = keyof typeof REPORTERS;
export const OUTPUT_FORMATS = Object.keys(REPORTERS) as OutputFormat[];
