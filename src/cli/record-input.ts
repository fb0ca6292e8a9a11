import { Option, type Command } from "commander";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { CliError } from "../errors.js";
import { quoteValue } from "../text/quote.js";
import type { ReadOptions } from "../input/read.js";
import type { InputFormat } from "../input/source.js";
import { addConfigOptions, configRequest, type ConfigFlags } from "./commands/config.js";
import type { CliContext } from "./context.js";

/** The flags of every command that reads records. */
export interface InputFlags extends ConfigFlags {
  inputFormat?: InputFormat;
  delimiter?: string;
  sheet?: string;
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
  return addConfigOptions(addReadOptions(command));
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
): Promise<{ config: LoadedConfig; read: Pick<ReadOptions, "format" | "delimiter" | "sheet" | "mapping" | "stdin"> }> {
  const read = readFlags(flags);
  const config = await loadConfig(configRequest(flags, ctx));
  return { config, read: { ...read, mapping: config.mapping, stdin: ctx.stdin } };
}
