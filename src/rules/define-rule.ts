import type { z } from "zod";
import type { Case } from "../input/case.js";

export type Rating = "good" | "adequate" | "inadequate" | "n/a";

/** What a rule saw, in the auditor's words, and the fields it looked at. */
export interface Finding {
  /** A stable identifier for the kind of finding, e.g. `late`, `not-recorded`. */
  code: string;
  message: string;
  fields: string[];
}

export interface RuleResult {
  rating: Rating;
  findings: Finding[];
}

export interface Rule<Options = unknown> {
  id: string;
  description: string;
  /** The case fields the rule reads. */
  fields: readonly string[];
  /** Options with the reference rubric's defaults: `options.parse({})` gives them. */
  options: z.ZodType<Options>;
  evaluate(record: Case, options: Options): RuleResult;
}

/** Identity function that lets TypeScript infer a rule's option type from its schema. */
export function defineRule<Schema extends z.ZodType>(rule: {
  id: string;
  description: string;
  fields: readonly string[];
  options: Schema;
  evaluate(record: Case, options: z.output<Schema>): RuleResult;
}): Rule<z.output<Schema>> {
  return rule as Rule<z.output<Schema>>;
}
