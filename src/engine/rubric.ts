import type { Rule } from "../rules/define-rule.js";
import { BUILT_IN_RULES } from "../rules/index.js";

export interface ActiveRule {
  rule: Rule<unknown>;
  options: unknown;
}

export interface Rubric {
  strategy: "worst";
  rules: ActiveRule[];
}

/** The reference rubric: every built-in rule with the spec's default options. */
export function referenceRubric(): Rubric {
  return {
    strategy: "worst",
    rules: BUILT_IN_RULES.map((rule) => ({ rule, options: rule.options.parse({}) })),
  };
}
