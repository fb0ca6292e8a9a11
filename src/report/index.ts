import { csvReporter } from "./csv.js";
import { htmlReporter } from "./html.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { markdownReporter } from "./markdown.js";
import { ndjsonReporter } from "./ndjson.js";
import { tableReporter } from "./table.js";
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

/** Every output format, by the name `--format` takes. */
export const REPORTERS = {
  table: (s: ReporterSettings) => tableReporter(s.colour, { ci: s.ci, suppressBelow: s.suppressBelow }),
  json: (s: ReporterSettings) => jsonReporter({ suppressBelow: s.suppressBelow }),
  ndjson: (s: ReporterSettings) => ndjsonReporter({ suppressBelow: s.suppressBelow }),
  csv: () => csvReporter(),
  markdown: (s: ReporterSettings) => markdownReporter({ ci: s.ci, suppressBelow: s.suppressBelow }),
  junit: (s: ReporterSettings) => junitReporter({ failOn: s.failOn }),
  html: (s: ReporterSettings) => htmlReporter({ suppressBelow: s.suppressBelow, labels: s.labels, generated: s.generated, redacted: s.redacted }),
  /** The HTML report with every case added, for internal review (never with suppression: the CLI refuses). */
  "html-cases": (s: ReporterSettings) => htmlReporter({ suppressBelow: s.suppressBelow, labels: s.labels, generated: s.generated, redacted: s.redacted, cases: true }),
} satisfies Record<string, (settings: ReporterSettings) => Reporter>;

export type OutputFormat = keyof typeof REPORTERS;
export const OUTPUT_FORMATS = Object.keys(REPORTERS) as OutputFormat[];
