import { randomInt } from "node:crypto";
import { extname } from "node:path";
import type { Rubric } from "../engine/rubric.js";
import { groupColumn } from "../input/group-column.js";
import type { ColumnMapping } from "../input/mapping.js";
import { FACTOR_DECIMALS, type Sizing } from "../sample/design.js";
import { MAX_SEED } from "../sample/keys.js";
import { strataOf, type Stratification } from "../sample/strata.js";
import { didYouMean } from "../text/suggest.js";
import type { CliContext } from "./context.js";
import { CliError } from "../errors.js";
import { parseOutputSpecs, type OutputSpec } from "./formats.js";
import { maxFieldBytesOption, parseCount, type InputFlags } from "./record-input.js";
import { redactOption } from "./redact.js";
import { quoteValue } from "../text/quote.js";

export interface RawSampleOptions extends InputFlags {
  groupBy: string;
  maxFieldBytes: string;
  perGroup?: string;
  total?: string;
  equal?: boolean;
  margin?: string;
  expected?: string;
  seed?: string;
  stratify?: string;
  oversample: string[];
  exclude: string[];
  columns: "sample" | "all";
  includeNotes?: boolean;
  dryRun?: boolean;
  format: string[];
  output?: string;
  design?: string;
  redact?: boolean;
  redactKeyFile?: string;
  quiet?: boolean;
}

export interface SampleOptions {
  groupBy: string;
  maxFieldBytes: number;
  sizing: Sizing;
  expected: number;
  /** The seed, and whether it was chosen here rather than given. */
  seed: { value: number; chosen: boolean } | null;
  stratification: Stratification;
  oversample: Map<string, number>;
  exclude: string[];
  columns: "sample" | "all";
  includeNotes: boolean;
  dryRun: boolean;
  outputs: OutputSpec[];
  /** Where each design file goes: beside each CSV written to a file, and --design. */
  designPaths: string[];
  redact?: (caseId: string) => string;
  quiet: boolean;
}

/** A share strictly between 0 and 1, as `0.1` or `10%`. */
function shareOption(value: string, flag: string, example: string): number {
  const match = /^(\d*\.?\d+)(%?)$/.exec(value.trim());
  const share = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(share > 0 && share < 1)) throw new CliError(`${flag}: expected a share between 0 and 1 (${example}), got ${quoteValue(value)}`);
  return share;
}

function sizeOption(value: string, flag: string): number {
  const size = parseCount(value, flag);
  if (size < 1 || !Number.isSafeInteger(size)) throw new CliError(`${flag}: expected a whole number of at least 1, got ${quoteValue(value)}`);
  return size;
}

function sizingOption(raw: RawSampleOptions): Sizing {
  const given = [raw.perGroup !== undefined && "--per-group", raw.total !== undefined && "--total", raw.margin !== undefined && "--margin"].filter(Boolean);
  if (given.length !== 1) {
    throw new CliError(
      given.length === 0 ? "say how many cases to draw: --per-group N, --total N or --margin E" : `${given.join(" and ")} each set the sample size; give one`,
    );
  }
  if (raw.equal && raw.total === undefined) throw new CliError("--equal shares a --total among the groups; give --total N");
  if (raw.perGroup !== undefined) return { by: "per-group", size: sizeOption(raw.perGroup, "--per-group") };
  if (raw.total !== undefined) return { by: "total", size: sizeOption(raw.total, "--total"), equal: Boolean(raw.equal) };
  return { by: "margin", margin: shareOption(raw.margin!, "--margin", "0.1 for ±10 percentage points") };
}

function seedOption(value: string | undefined, dryRun: boolean): SampleOptions["seed"] {
  // A dry run draws nothing, so it needs no seed.
  if (value === undefined) return dryRun ? null : { value: randomInt(0, 1_000_000_000), chosen: true };
  const seed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(seed)) throw new CliError(`--seed: expected a whole number from 0 to ${MAX_SEED}, got ${quoteValue(value)}`);
  return { value: seed, chosen: false };
}

/** `grade` or `rule:<id>`, the rule one of the rubric's. */
export function stratificationOption(value: string | undefined, rubric: Rubric): Stratification {
  if (value === undefined) return { by: "none" };
  const text = value.trim();
  if (text === "grade") return { by: "grade" };
  if (!text.startsWith("rule:")) throw new CliError(`--stratify: expected grade or rule:<id>, got ${quoteValue(value)}${didYouMean(text, ["grade"])}`);
  const rule = text.slice("rule:".length).trim();
  const ids = rubric.rules.map((active) => active.rule.id);
  if (!ids.includes(rule)) throw new CliError(`--stratify: no rule ${quoteValue(rule)} in the rubric${didYouMean(rule, ids)}; the rules are ${ids.join(", ")}`);
  return { by: "rule", rule };
}

const FACTOR_TEXT = new RegExp(`^(\\d+(\\.\\d{1,${FACTOR_DECIMALS}})?|\\.\\d{1,${FACTOR_DECIMALS}})$`);

/** `inadequate=2`, repeated or comma-separated: a factor for a stratum of the stratification. */
function oversampleOption(values: readonly string[], stratification: Stratification): Map<string, number> {
  const factors = new Map<string, number>();
  const strata = strataOf(stratification);
  for (const item of values.flatMap((value) => value.split(","))) {
    const match = /^\s*([^=]+?)\s*=\s*(\S*)\s*$/.exec(item);
    if (!match) throw new CliError(`--oversample: expected STRATUM=FACTOR (inadequate=2), got ${quoteValue(item)}`);
    if (stratification.by === "none") throw new CliError("--oversample needs strata: add --stratify grade (or rule:<id>)");
    const stratum = match[1]!.toLowerCase();
    if (!strata.includes(stratum)) throw new CliError(`--oversample: no stratum ${quoteValue(match[1])}${didYouMean(stratum, strata)}; the strata are ${strata.join(", ")}`);
    const factor = Number(match[2]);
    if (!FACTOR_TEXT.test(match[2]!) || !(factor > 0)) {
      throw new CliError(`--oversample: ${stratum}: expected a factor above 0 with at most ${FACTOR_DECIMALS} decimals, got ${quoteValue(match[2])}`);
    }
    if (factors.has(stratum)) throw new CliError(`--oversample: ${stratum} is given twice`);
    factors.set(stratum, factor);
  }
  return factors;
}

/** `sample.csv` → `sample.design.json`. */
export const designPathFor = (path: string): string => `${extname(path) ? path.slice(0, -extname(path).length) : path}.design.json`;

/** Every sample option, checked before any record is read (the rubric is needed for --stratify rule:<id>). */
export function resolveSampleOptions(raw: RawSampleOptions, config: { rubric: Rubric; mapping?: ColumnMapping }, ctx: Pick<CliContext, "env">): SampleOptions {
  const { rubric } = config;
  const groupBy = groupColumn(raw.groupBy, config.mapping);
  const sizing = sizingOption(raw);
  const dryRun = Boolean(raw.dryRun);
  const stratification = stratificationOption(raw.stratify, rubric);
  if (raw.includeNotes && raw.columns !== "all") throw new CliError("--include-notes adds the notes column to --columns all; give --columns all");
  const outputs = dryRun ? parseOutputSpecs(raw.format, raw.output, ["table", "json"], "table") : parseOutputSpecs(raw.format, raw.output, ["csv", "json"], "csv");
  const csvFiles = dryRun ? [] : outputs.flatMap((spec) => (spec.format === "csv" && spec.path !== undefined ? [spec.path] : []));
  const designPaths = [...new Set([...csvFiles.map(designPathFor), ...(raw.design === undefined ? [] : [raw.design])])];
  const taken = outputs.flatMap((spec) => (spec.path === undefined ? [] : [spec.path]));
  const clash = designPaths.find((path) => taken.includes(path));
  if (clash) throw new CliError(`--design: ${clash} is also a report's file`);
  return {
    groupBy,
    maxFieldBytes: maxFieldBytesOption(raw.maxFieldBytes),
    sizing,
    expected: raw.expected === undefined ? 0.5 : shareOption(raw.expected, "--expected", "0.3 if about 30% are expected"),
    seed: seedOption(raw.seed, dryRun),
    stratification,
    oversample: oversampleOption(raw.oversample, stratification),
    exclude: raw.exclude,
    columns: raw.columns,
    includeNotes: Boolean(raw.includeNotes),
    dryRun,
    outputs,
    designPaths,
    redact: redactOption({ ...raw, groupBy }, ctx.env),
    quiet: Boolean(raw.quiet),
  };
}
