import { z } from "zod";
import type { BuiltInRule } from "./_built-in.js";
import { BUILT_IN_DEFINITIONS } from "./registry.js";
import { defineRule, type Rule } from "./define-rule.js";

/** A built-in rule with its options schema made (typed as made, so that its tests' options are typed). */
export function withOptions<Options, Schema extends z.ZodType<Options>>(rule: BuiltInRule<Options, Schema>): Rule<z.output<Schema>> & { options: Schema } {
  return defineRule({ ...rule, options: rule.options(z, rule.defaults) });
}

/** The reference rubric's rules, in report order. */
export const BUILT_IN_RULES: readonly Rule<unknown>[] = BUILT_IN_DEFINITIONS.map(withOptions);
