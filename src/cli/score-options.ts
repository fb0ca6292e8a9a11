import { parseLimit, type Gates, type Limit } from "../engine/gates.js";
import type { Rubric } from "../engine/rubric.js";
import { groupColumn } from "../input/group-column.js";
import type { ColumnMapping } from "../input/mapping.js";
import type { InputFormat } from "../input/source.js";
import { maxFieldBytesOption, parseCount, resolveInput, type InputFlags } from "./record-input.js";
import type { CliContext } from "./context.js";
import { CliError } from "../errors.js";
import { parseOutputSpecs, type OutputSpec } from "./formats.js";
import { redactOption, type Redact, type RedactFlags } from "./redact.js";
import { documentOptions, type DocumentFlags, type DocumentOptions } from "./document-options.js";
import { quoteValue } from "../text/quote.js";

export interface ScoreOptions {
  inputFormat?: InputFormat;
  delimiter?: string;
  sheet?: string;
  groupBy: string;
  outputs: OutputSpec[];
  color?: boolean;
  quiet?: boolean;
  maxErrors: number;
  gates: Gates;
  rubric: Rubric;
  mapping?: ColumnMapping;
  /** Replaces every case id in every output, when --redact is given. */
  redact?: Redact;
  maxFieldBytes: number;
  maxColumns?: number;
  /** Intervals in the table and Markdown (--ci), and small-number suppression (--suppress-below). */
  figures?: { ci?: boolean; suppressBelow?: number };
  /** What the HTML report says of itself, and when it was made. */
  document: DocumentOptions;
}


function limitOption(value: string | undefined, flag: string): Limit | undefined {
  if (value === undefined) return undefined;
  const limit = parseLimit(value);
  if (!limit) throw new CliError(`${flag}: expected a count (12) or a percentage (40%), got ${quoteValue(value)}`);
  return limit;
}

/** --suppress-below K: a whole number of at least 2 (K = 1 would hide nothing). */
export function suppressBelowOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const k = parseCount(value, "--suppress-below");
  if (k < 2) throw new CliError(`--suppress-below: expected a whole number of at least 2, got ${quoteValue(value)}`);
  return k;
}

/**
 * `--html-cases` makes each HTML output the drill-down (as `-f html-cases=FILE` does). A list of every
 * case gives away the counts `--suppress-below` hides, so the two are refused together.
 */
export function drillDownOutputs(outputs: OutputSpec[], htmlCases: boolean | undefined, suppressBelow: string | undefined): OutputSpec[] {
  const specs = htmlCases ? outputs.map((spec) => (spec.format === "html" ? { ...spec, format: "html-cases" as const } : spec)) : outputs;
  if (htmlCases && !specs.some((spec) => spec.format === "html-cases")) {
    throw new CliError("--html-cases adds every case to the HTML report, and there is none: add -f html=FILE");
  }
  if (suppressBelow !== undefined && specs.some((spec) => spec.format === "html-cases")) {
    throw new CliError("--html-cases lists every case, which would give away the counts --suppress-below hides: write the drill-down in a run without --suppress-below");
  }
  return specs;
}

export interface RawScoreOptions extends InputFlags, RedactFlags, DocumentFlags {
  htmlCases?: boolean;
  groupBy: string;
  format: string[];
  output?: string;
  color?: boolean;
  quiet?: boolean;
  maxErrors: string;
  failOn?: "inadequate" | "adequate";
  maxInadequate?: string;
  minGood?: string;
  perGroup?: boolean;
  maxInvalid: string;
  maxFieldBytes: string;
  ci?: boolean;
  suppressBelow?: string;
}

/** Every score option from the command line, the config included: all checked before any record is read. */
export async function resolveScoreOptions(raw: RawScoreOptions, ctx: CliContext): Promise<ScoreOptions> {
  const { config, read } = await resolveInput(raw, ctx);
  const { rubric, mapping } = config;
  const groupBy = groupColumn(raw.groupBy, mapping);
  return {
    inputFormat: read.format,
    delimiter: read.delimiter,
    sheet: read.sheet,
    groupBy,
    outputs: drillDownOutputs(parseOutputSpecs(raw.format, raw.output), raw.htmlCases, raw.suppressBelow),
    color: raw.color,
    quiet: raw.quiet,
    maxErrors: parseCount(raw.maxErrors, "--max-errors"),
    gates: {
      failOn: raw.failOn,
      maxInadequate: limitOption(raw.maxInadequate, "--max-inadequate"),
      minGood: limitOption(raw.minGood, "--min-good"),
      perGroup: raw.perGroup,
      maxInvalid: parseCount(raw.maxInvalid, "--max-invalid"),
      withholdFigures: raw.suppressBelow !== undefined,
    },
    rubric,
    mapping,
    redact: redactOption({ ...raw, groupBy }, ctx.env),
    maxFieldBytes: maxFieldBytesOption(raw.maxFieldBytes),
    maxColumns: read.maxColumns,
    figures: { ci: raw.ci, suppressBelow: suppressBelowOption(raw.suppressBelow) },
    document: documentOptions(raw, ctx.env, config.report),
  };
}

