import { jsonReporter } from "./json.js";
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
} satisfies Record<string, (settings: ReporterSettings) => Reporter>;

export type OutputFormat = keyof typeof REPORTERS;
export const OUTPUT_FORMATS = Object.keys(REPORTERS) as OutputFormat[];
