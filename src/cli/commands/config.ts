import type { Command } from "commander";
import type { LoadConfigOptions } from "../../config/find.js";
import { codeLines, resolvedConfig } from "../../config/print.js";
import { rubricHash } from "../../engine/rubric.js";
import { terminalText } from "../../text/terminal.js";
import type { CliContext } from "../context.js";
import type { RegisterCommand } from "./types.js";

export interface ConfigFlags {
  /** A path from `--config FILE`, false from `--no-config`, undefined to look in the working directory. */
  config?: string | false;
  allowPlugins?: boolean;
}

/** Adds `--config FILE` and `--no-config` to a command. */
export function addConfigOptions(command: Command): Command {
  return command
    .option("--config <file>", "the rubric config (default: audit.config.json, .yaml, .yml, .mjs or .js in the working directory)")
    .option("--no-config", "ignore any config file: the reference rubric, our column names")
    .option("--allow-plugins", "run plugins from outside the config's folder, and a JavaScript config found in the working directory");
}

/** What `loadConfig` needs, from the flags `addConfigOptions` adds. */
export function configRequest(flags: ConfigFlags, ctx: Pick<CliContext, "cwd">): LoadConfigOptions {
  return {
    configPath: typeof flags.config === "string" ? flags.config : undefined,
    useConfig: flags.config !== false,
    cwd: ctx.cwd,
    allowPlugins: flags.allowPlugins === true,
  };
}

export const registerConfig: RegisterCommand = (program, { ctx }) => {
  const command = program
    .command("config")
    .description("check the rubric config; with --print, show the rubric it resolves to, every default filled in")
    .option("--print", "print the resolved rubric as JSON, in the config's own shape");
  addConfigOptions(command).action(async (flags: ConfigFlags & { print?: boolean }) => {
    const { loadConfig } = await import("../../config/load.js");
    const loaded = await loadConfig(configRequest(flags, ctx));
    if (flags.print) {
      ctx.stdout.write(`${JSON.stringify(resolvedConfig(loaded), null, 2)}\n`);
      return;
    }
    const source = loaded.path ?? "no config file (the reference rubric)";
    const { rules, strategy } = loaded.rubric;
    ctx.stdout.write(`${terminalText(`${source}: valid; ${rules.length} rules, strategy ${strategy.name}, rubric ${rubricHash(loaded.rubric)}`)}\n`);
    ctx.stdout.write(`${codeLines(loaded).map(terminalText).join("\n")}\n`);
  });
};
