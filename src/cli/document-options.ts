import { LABEL_MAX, type ReportLabels } from "../report/types.js";
import { CliError } from "../errors.js";

/** `--title`, `--period` and `--publisher`, as commander gives them. */
export interface DocumentFlags {
  title?: string;
  period?: string;
  publisher?: string;
}

export interface DocumentOptions {
  labels: ReportLabels;
  /** When the report was made: now, or SOURCE_DATE_EPOCH for a report that must come out the same byte for byte. */
  generated: Date;
}

const LABELS = ["title", "period", "publisher"] as const;

/** Adds `--title`, `--period` and `--publisher` to a command that writes an HTML report. */
export const DOCUMENT_FLAGS: [string, string][] = [
  ["--title <text>", 'the HTML report\'s title (default: "Case audit: <file name>"; config: report.title)'],
  ["--period <text>", 'the period the cases cover, e.g. "April 2014 – March 2015" (config: report.period)'],
  ["--publisher <text>", "who publishes the report, shown above its title (config: report.publisher)"],
];

function generatedAt(env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  if (!/^\d{1,12}$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, got "${epoch.slice(0, 40)}"`);
  return new Date(Number(epoch) * 1000);
}

/** The flags over the config's `report` keys, each checked: one line of text. */
export function documentOptions(flags: DocumentFlags, env: Record<string, string | undefined>, config: ReportLabels = {}): DocumentOptions {
  const labels: ReportLabels = { ...config };
  for (const key of LABELS) {
    const value = flags[key];
    if (value === undefined) continue;
    const text = value.trim();
    if (text === "") throw new CliError(`--${key}: expected some text`);
    if (text.length > LABEL_MAX) throw new CliError(`--${key}: expected at most ${LABEL_MAX} characters, got ${text.length}`);
    labels[key] = text;
  }
  return { labels, generated: generatedAt(env) };
}
