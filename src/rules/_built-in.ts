import type { z } from "zod";
import type { RuleExample, RuleLogic } from "./define-rule.js";

/**
 * A built-in rule as its module writes it: a `Rule` whose options schema is made by a function
 * given zod. The fast path's worker threads import the rules to evaluate them and never parse
 * options, so they do not load zod (about 8 MB of memory a thread); src/rules/index.ts makes each
 * a `Rule` for everything else.
 */
export type BuiltInRule<Schema extends z.ZodType = z.ZodType> = RuleLogic<z.output<Schema>> & {
  options(zod: typeof z): Schema;
  codes: readonly string[];
  examples: readonly RuleExample[];
};

/** Identity function that lets TypeScript infer a built-in rule's option type from its schema. */
export const builtInRule = <Schema extends z.ZodType>(rule: BuiltInRule<Schema>): BuiltInRule<Schema> => rule;
