import { judgeRule } from "../rules/tester.js";
import type { LoadedConfig } from "./load.js";

export interface RuleCheck {
  /** One line per rule, then one per example that differs, then the count. */
  lines: string[];
  /** Examples whose stated rating (or codes) the rule does not give. */
  differ: number;
}

/**
 * `audit rules --check`: every example of every rule the config can name, on or off, rated as its
 * author stated, with the checks of RuleTester (src/rules/tester.ts). Examples state ratings under
 * the rule's defaults, so those are the options used; a rule whose options have none takes the config's.
 */
export function checkRuleExamples(config: Omit<LoadedConfig, "path">): RuleCheck {
  const lines: string[] = [];
  let differ = 0;
  let examples = 0;
  for (const entry of config.rules) {
    const { rule } = entry;
    const defaults = rule.options.safeParse({});
    const options = defaults.success ? defaults.data : entry.enabled ? entry.options : undefined;
    const own = rule.examples ?? [];
    const wrong = own.flatMap((example) => {
      const problems = options === undefined ? ["its options have no defaults and the config does not set them"] : judgeRule(rule, options, example, { rating: example.rating });
      return problems.length ? [`  example ${JSON.stringify(example.summary)}: ${problems.join("; ")}`] : [];
    });
    examples += own.length;
    differ += wrong.length;
    const count = `${own.length} example${own.length === 1 ? "" : "s"}`;
    lines.push(`${wrong.length ? "FAIL" : "ok  "}  ${rule.id}: ${own.length ? count : "no examples"}${wrong.length ? `, ${wrong.length} not as stated` : ""}`, ...wrong);
  }
  const rules = config.rules.length;
  lines.push("", differ ? `${differ} of ${examples} examples do not rate as stated` : `all ${examples} examples of ${rules} rules rate as stated`);
  return { lines, differ };
}
