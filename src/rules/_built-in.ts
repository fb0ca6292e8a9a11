import type { z } from "zod";
import type { Case } from "../input/case.js";
import type { RuleExample, RuleResult } from "./define-rule.js";

/**
 * A built-in rule as its module writes it: a `Rule` whose options schema is made by a function
 * given zod. The fast path's worker threads import the rules to evaluate them and never parse
 * options, so they do not load zod (about 8 MB of memory a thread); src/rules/index.ts makes each
 * a `Rule` for everything else.
 */
export interface BuiltInRule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  fields: readonly string[];
  options(zod: typeof z): Schema;
  evaluate(record: Case, options: z.output<Schema>): RuleResult;
  examples?: readonly RuleExample[];
}

/** Identity function that lets TypeScript infer a built-in rule's option type from its schema. */
export const builtInRule = <Schema extends z.ZodType>(rule: BuiltInRule<Schema>): BuiltInRule<Schema> => rule;
