import { Option } from "commander";
import { referenceRubric } from "../../engine/rubric.js";
import { runAudit, type ScoredInvalid } from "../../engine/run.js";
import type { ReadOptions } from "../../input/read.js";
import { readCases } from "../../input/read.js";
import type { InputFormat } from "../../input/source.js";
import { jsonReporter } from "../../report/json.js";
import { tableReporter } from "../../report/table.js";
import type { ReportMeta, Reporter } from "../../report/types.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT, EXIT_CODES } from "../errors.js";
import type { RegisterCommand } from "./types.js";
import { fileDestination, stdoutDestination, type Destination } from "../output.js";

export const OUTPUT_FORMATS = ["table", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ScoreOptions {
  inputFormat?: InputFormat;
  delimiter?: string;
  groupBy: string;
  format: OutputFormat;
  output?: string;
  color?: boolean;
  quiet?: boolean;
  maxErrors: number;
}

export function useColour(requested: boolean | undefined, ctx: CliContext, toFile: boolean): boolean {
  if (requested !== undefined) return requested;
  return !toFile && Boolean(ctx.stdout.isTTY) && ctx.env.NO_COLOR === undefined;
}

function describeInvalid(source: string, record: ScoredInvalid): string {
  const where = record.line !== undefined ? `${source}:${record.line}` : `${source}[${record.index}]`;
  const id = record.case_id === undefined ? "" : ` (case ${record.case_id})`;
  return `${where}: ${record.field}: ${record.reason}${id}`;
}

function createReporter(options: ScoreOptions, ctx: CliContext): Reporter {
  if (options.format === "json") return jsonReporter();
  return tableReporter(useColour(options.color, ctx, options.output !== undefined));
}

export async function score(file: string, options: ScoreOptions, ctx: CliContext, toolVersion: string): Promise<number> {
  const log = (line: string) => void ctx.stderr.write(`${line}\n`);
  const warn = options.quiet ? () => {} : (line: string) => log(`audit: warning: ${line}`);
  const reporter = createReporter(options, ctx);
  const rubric = referenceRubric();
  const meta: ReportMeta = { toolVersion, input: { name: file === "-" ? "stdin" : file, format: "csv" }, groupBy: options.groupBy, rubric };
  const readOptions: ReadOptions = {
    format: options.inputFormat,
    delimiter: options.delimiter,
    stdin: ctx.stdin,
    warn,
    onOpen: (source) => (meta.input = { name: source.name, format: source.format }),
  };
  const items = readCases(file, readOptions);
  // Open the input before the output, so that a missing file leaves no report behind.
  const first = await items.next();
  const destination: Destination = options.output ? await fileDestination(options.output) : stdoutDestination(ctx.stdout);
  let shown = 0;
  let hidden = 0;
  try {
    await destination.write(reporter.start?.(meta) ?? "");
    const replay = async function* () {
      if (!first.done) yield first.value;
      yield* items;
    };
    const summary = await runAudit(replay(), rubric, {
      case: (result) => destination.write(reporter.case?.(result) ?? ""),
      invalid: (record) => {
        if (shown < options.maxErrors) {
          shown++;
          log(describeInvalid(meta.input.name, record));
        } else hidden++;
        return destination.write(reporter.invalid?.(record) ?? "");
      },
    }, options.groupBy);
    await destination.write(reporter.end(summary, meta));
    await destination.commit();
    const { invalid, graded } = summary.overall;
    if (hidden) log(`audit: ... and ${hidden} more invalid records (all are listed in --format json)`);
    if (invalid) {
      log(`audit: ${invalid} of ${graded + invalid} records are invalid and were not graded`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    await destination.abandon();
    throw error;
  }
}

export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag}: expected a whole number, got "${value}"`);
  return Number(value);
}

export const registerScore: RegisterCommand = (program, { ctx, setExit, version }) => {
  program
    .command("score")
    .description("read case records, grade each case, and print per-group and overall grade tables")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson or .jsonl file, or - for stdin")
    .addOption(
      new Option("--input-format <format>", "read the input as this format (default: from the extension, else sniffed)").choices([
        "csv",
        "json",
        "ndjson",
      ]),
    )
    .option("--delimiter <char>", "CSV delimiter (default: sniffed from the header: comma, semicolon or tab)")
    .option("--group-by <column>", "group the tables by this column", "force")
    .addOption(new Option("-f, --format <format>", "output format").choices([...OUTPUT_FORMATS]).default("table"))
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .option("--color", "colour the table even when stdout is not a terminal")
    .option("--no-color", "never colour the table (NO_COLOR is honoured too)")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .option("--max-errors <n>", "list at most this many invalid records on stderr", "20")
    .addHelpText("after", EXIT_CODES)
    .action(async (file: string, raw: Omit<ScoreOptions, "maxErrors"> & { maxErrors: string }) => {
      const delimiter = raw.delimiter === "\\t" || raw.delimiter === "tab" ? "\t" : raw.delimiter;
      if (delimiter !== undefined && delimiter.length !== 1) {
        throw new CliError(`--delimiter: expected one character (or "tab"), got "${raw.delimiter}"`);
      }
      const options: ScoreOptions = { ...raw, delimiter, maxErrors: parseCount(raw.maxErrors, "--max-errors") };
      setExit(await score(file, options, ctx, version));
    });
};
