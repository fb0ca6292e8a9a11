import { Option, type Command } from "commander";
import { loadRunConfig, type RunConfig } from "../config/find.js";
import { CliError } from "../errors.js";
import { quoteValue } from "../text/quote.js";
import type { ReadOptions } from "../input/read.js";
import type { InputFormat } from "../input/source.js";
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_BYTES, MAX_FIELD_BYTES_CAP } from "../input/limits.js";
import { addConfigOptions, configRequest, type ConfigFlags } from "./commands/config.js";
import type { CliContext } from "./context.js";

/** The flags of every command that reads records. */
export interface InputFlags extends ConfigFlags {
  inputFormat?: InputFormat;
  delimiter?: string;
  sheet?: string;
  maxColumns?: string;
}

export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag}: expected a whole number, got ${quoteValue(value)}`);
  return Number(value);
}

/** --max-columns, for every command that reads records (docs/limits.md). */
export const MAX_COLUMNS_FLAG = ["--max-columns <n>", "the most columns a header (or distinct keys the records of a JSON file) may have", String(DEFAULT_MAX_COLUMNS)] as const;

/** --max-field-bytes, for the commands that grade (docs/limits.md). */
export const MAX_FIELD_BYTES_FLAG = ["--max-field-bytes <n>", "a cell longer than this makes its record invalid (at most 16 MiB)", String(DEFAULT_MAX_FIELD_BYTES)] as const;

/** --max-field-bytes N: a whole number no larger than MAX_FIELD_BYTES_CAP. */
export function maxFieldBytesOption(value: string): number {
  const bytes = parseCount(value, "--max-field-bytes");
  if (bytes > MAX_FIELD_BYTES_CAP) throw new CliError(`--max-field-bytes: at most ${MAX_FIELD_BYTES_CAP} (16 MiB), got ${quoteValue(value)}`);
  return bytes;
}

/** --max-columns N: at least 1. */
function maxColumnsOption(value: string): number {
  const columns = parseCount(value, "--max-columns");
  if (columns < 1) throw new CliError(`--max-columns: expected a whole number of at least 1, got ${quoteValue(value)}`);
  return columns;
}

/** Adds how to read the file: --input-format, --delimiter, --sheet. */
export function addReadOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--input-format <format>", "read the input as this format (default: from the extension, else sniffed)").choices(["csv", "json", "ndjson", "xlsx"]),
    )
    .option("--delimiter <char>", "CSV delimiter, or tab (default: sniffed from the header)")
    .option("--sheet <name>", "the worksheet of an .xlsx workbook to read (default: the first)");
}

/** Adds how to read the file (--input-format, --delimiter, --sheet) and the config that maps it (--config, --no-config). */
export function addInputOptions(command: Command): Command {
  return addConfigOptions(addReadOptions(command).option(...MAX_COLUMNS_FLAG));
}

/** How to read the file, from the flags `addReadOptions` adds: `--delimiter tab` is a tab. */
export function readFlags(flags: Omit<InputFlags, "config">): Pick<ReadOptions, "format" | "delimiter" | "sheet"> {
  const delimiter = flags.delimiter === "\\t" || flags.delimiter === "tab" ? "\t" : flags.delimiter;
  if (delimiter !== undefined && delimiter.length !== 1) {
    throw new CliError(`--delimiter: expected one character (or "tab"), got ${quoteValue(flags.delimiter)}`);
  }
  return { format: flags.inputFormat, delimiter, sheet: flags.sheet };
}

/** Everything a command that reads records takes from its flags, checked before any record is read: the config, and how to read. */
export async function resolveInput(
  flags: InputFlags,
  ctx: CliContext,
): Promise<{ config: RunConfig; read: Pick<ReadOptions, "format" | "delimiter" | "sheet" | "mapping" | "stdin" | "maxColumns"> }> {
  const read = readFlags(flags);
  const maxColumns = maxColumnsOption(flags.maxColumns ?? String(DEFAULT_MAX_COLUMNS));
  const config = await loadRunConfig(configRequest(flags, ctx));
  return { config, read: { ...read, mapping: config.mapping, stdin: ctx.stdin, maxColumns } };
}
