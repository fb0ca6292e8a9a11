import { loadConfig } from "../../config/load.js";
import { explainRule, listRules } from "../../config/rule-docs.js";
import { CliError, EXIT } from "../../errors.js";
import { terminalLines } from "../../text/terminal.js";
import { checkRuleExamples } from "../../config/rule-check.js";
import { addConfigOptions, configRequest, type ConfigFlags } from "./config.js";
import type { RegisterCommand } from "./types.js";

export const registerRules: RegisterCommand = (program, { ctx, setExit }) => {
  const command = program
    .command("rules")
    .description("list the active rules: what each reads and its options; with an id, explain one with examples")
    .argument("[id]", "a rule id, e.g. timeliness")
    .option("--check", "rate every rule's examples and fail (exit 1) where one does not rate as stated");
  addConfigOptions(command).action(async (id: string | undefined, flags: ConfigFlags & { check?: boolean }) => {
    const loaded = await loadConfig(configRequest(flags, ctx));
    if (flags.check) {
      if (id !== undefined) throw new CliError("rules: --check checks every rule; give no rule id");
      const { lines, differ } = checkRuleExamples(loaded);
      ctx.stdout.write(terminalLines(`${lines.join("\n")}\n`));
      setExit(differ ? EXIT.failed : EXIT.ok);
      return;
    }
    if (id === undefined) {
      ctx.stdout.write(terminalLines(listRules(loaded)));
      return;
    }
    const text = explainRule(loaded, id);
    if (typeof text !== "string") throw new CliError(`rules: ${text.unknown}`);
    ctx.stdout.write(terminalLines(text));
  });
};
