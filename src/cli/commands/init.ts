import { guessConfig, initReport, refuseExisting, writeStarterConfig } from "../../config/init.js";
import { addReadOptions, readFlags, type InputFlags } from "../record-input.js";
import { terminalText } from "../../text/terminal.js";
import type { RegisterCommand } from "./types.js";

export const registerInit: RegisterCommand = (program, { ctx }) => {
  const command = program
    .command("init")
    .description("write a starter audit.config.json that maps an export's columns, values and date forms onto the case-record contract")
    .requiredOption("--from <file>", "a CSV export or an .xlsx workbook, read whole")
    .option("-o, --output <file>", "where to write the config (never over an existing file)", "audit.config.json");
  addReadOptions(command).action(async (flags: Omit<InputFlags, "config"> & { from: string; output: string }) => {
    const read = readFlags(flags);
    refuseExisting(flags.output, ctx.cwd);
    const result = await guessConfig(flags.from, read);
    await writeStarterConfig(result, flags.output, ctx.cwd);
    for (const line of initReport(result, flags.from, flags.output)) ctx.stderr.write(`${terminalText(line)}\n`);
  });
};
