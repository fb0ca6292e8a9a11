import { loadConfig } from "../../config/load.js";
import { explainRule, listRules } from "../../config/rule-docs.js";
import { CliError } from "../../errors.js";
import { terminalLines } from "../../text/terminal.js";
import { addConfigOptions, configRequest, type ConfigFlags } from "./config.js";
import type { RegisterCommand } from "./types.js";

export const registerRules: RegisterCommand = (program, { ctx }) => {
  const command = program
    .command("rules")
    .description("list the active rules: what each reads and its options; with an id, explain one with examples")
    .argument("[id]", "a rule id, e.g. timeliness");
  addConfigOptions(command).action(async (id: string | undefined, flags: ConfigFlags) => {
    const loaded = await loadConfig(configRequest(flags, ctx));
    if (id === undefined) {
      ctx.stdout.write(terminalLines(listRules(loaded)));
      return;
    }
    const text = explainRule(loaded, id);
    if (typeof text !== "string") throw new CliError(`rules: ${text.unknown}`);
    ctx.stdout.write(terminalLines(text));
  });
};
