import { csvReporter } from "./csv.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { markdownReporter } from "./markdown.js";
import { ndjsonReporter } from "./ndjson.js";
import { tableReporter } from "./table.js";
import type { Reporter } from "./types.js";

export interface ReporterSettings {
  /** Colour the table (only the table uses colour). */
  colour: boolean;
  failOn: "inadequate" | "adequate";
}

/** Every output format, by the name `--format` takes. */
export const REPORTERS = {
  table: (settings: ReporterSettings) => tableReporter(settings.colour),
  json: () => jsonReporter(),
  ndjson: () => ndjsonReporter(),
  csv: () => csvReporter(),
  markdown: () => markdownReporter(),
  junit: (settings: ReporterSettings) => junitReporter({ failOn: settings.failOn }),
} satisfies Record<string, (settings: ReporterSettings) => Reporter>;

export type OutputFormat = keyof typeof REPORTERS;
export const OUTPUT_FORMATS = Object.keys(REPORTERS) as OutputFormat[];
