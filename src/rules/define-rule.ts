import { z } from "zod";
import type { Case } from "../input/case.js";
import type { DeclarativeDefinition } from "./_declarative/definition.js";
import type { CaseView } from "./case-view.js";
import type { PreparedRule } from "./checks.js";

export type Rating = "good" | "adequate" | "inadequate" | "n/a";

/** A rule id or finding code: lower-case words with hyphens. */
export const WORD_ID = /^[a-z0-9][a-z0-9-]*$/;

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

/** A worked example for `audit rules <id>`: a case, as its columns would read, and the rating it gets. */
export interface RuleExample {
  rating: Rating;
  summary: string;
  /** Columns of the example case as written in a CSV; `case_id`, `force` and `reported_on` default. */
  record: Record<string, string>;
}

export interface Rule<Options = unknown> {
  id: string;
  description: string;
  /** The case fields the rule reads. */
  fields: readonly string[];
  /** Every finding code the rule can give: a finding with another code fails its tests (RuleTester). */
  codes?: readonly string[];
  /** Options with the reference rubric's defaults: `options.parse({})` gives them. */
  options: z.ZodType<Options>;
  evaluate(record: Case, options: Options): RuleResult;
  examples?: readonly RuleExample[];
  /** A rule written in the config: its definition, which the rubric records. */
  definition?: DeclarativeDefinition;
}

/**
 * What grading needs of a rule: all of it but its options schema. A built-in rule also has
 * `prepare` (src/rules/_built-in.ts), which the engine rates it by; a rule written in the config, `rateCase`.
 */
export type RuleLogic<Options = unknown> = Omit<Rule<Options>, "options"> & {
  prepare?(options: Options): PreparedRule;
  /** A rule written in the config rates a case by this, with findings only if `explain`: its result needs no check. */
  rateCase?(view: CaseView, explain: boolean): RuleResult;
};

const NO_OPTIONS = z.object({}).strict();

/**
 * Identity function that lets TypeScript infer a rule's option type from its schema.
 * A rule without options gets an empty one, so that any options given are an error.
 */
export function defineRule<Schema extends z.ZodType = typeof NO_OPTIONS>(rule: {
  id: string;
  description: string;
  fields: readonly string[];
  codes?: readonly string[];
  options?: Schema;
  evaluate(record: Case, options: z.output<Schema>): RuleResult;
  examples?: readonly RuleExample[];
}): Rule<z.output<Schema>> & { options: Schema } {
  return (rule.options ? rule : { ...rule, options: NO_OPTIONS }) as Rule<z.output<Schema>> & { options: Schema };
}
