import { guessConfig, initReport, refuseExisting, writeStarterConfig } from "../../config/init.js";
import type { RegisterCommand } from "./types.js";

export const registerInit: RegisterCommand = (program, { ctx }) => {
  program
    .command("init")
    .description("write a starter audit.config.json that maps an export's columns onto the case-record fields")
    .requiredOption("--from <file>", "a CSV export whose header row to read")
    .option("-o, --output <file>", "where to write the config (never over an existing file)", "audit.config.json")
    .action(async (flags: { from: string; output: string }) => {
      refuseExisting(flags.output, ctx.cwd);
      const result = await guessConfig(flags.from);
      await writeStarterConfig(result, flags.output, ctx.cwd);
      for (const line of initReport(result, flags.from, flags.output)) ctx.stderr.write(`${line}\n`);
    });
};
