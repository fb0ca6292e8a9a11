import type { z } from "zod";
import { CaseView } from "./case-view.js";
import { prepareChecks, RATINGS, type Checks, type PreparedRule } from "./checks.js";
import type { RuleExample, RuleLogic } from "./define-rule.js";

/**
 * A built-in rule as its folder writes it (src/rules/<id>/rule.ts): its meta, its options schema
 * made by a function given zod, and its checks made for its options. The fast path's worker
 * threads grade with options already parsed, so they do not load zod (about 8 MB of memory a
 * thread); src/rules/index.ts makes each a `Rule` for everything else.
 */
export interface BuiltInDefinition<Options = unknown, Schema extends z.ZodType<Options> = z.ZodType<Options>> {
  id: string;
  description: string;
  fields: readonly string[];
  codes: readonly string[];
  /**
   * The reference rubric's options, as plain data: a run with no config grades with these without
   * loading zod. The schema takes its defaults from them, so they are written once.
   */
  defaults: Options;
  options(zod: typeof z, defaults: Options): Schema;
  checks(options: z.output<Schema>): Checks;
  examples: readonly RuleExample[];
}

/** A built-in rule ready to grade: its rating made from its checks, and `evaluate` for those who want both at once. */
export type BuiltInRule<Options = unknown, Schema extends z.ZodType<Options> = z.ZodType<Options>> = RuleLogic<z.output<Schema>> &
  Required<Pick<RuleLogic<z.output<Schema>>, "prepare">> &
  Pick<BuiltInDefinition<Options, Schema>, "defaults" | "options" | "codes" | "examples">;

/**
 * Makes a built-in rule from its definition. `prepare` makes its checks once per options object
 * (a rubric's rule keeps one), so that the engine and the workers, which rate every case with
 * it, rate by the same code; `evaluate` rates and explains one parsed case with it.
 */
export function builtInRule<Options, Schema extends z.ZodType<Options>>({ checks, ...meta }: BuiltInDefinition<Options, Schema>): BuiltInRule<Options, Schema> {
  const prepared = new WeakMap<object, PreparedRule>();
  const prepare = (options: z.output<Schema>): PreparedRule => {
    const key = options as object;
    let rule = prepared.get(key);
    if (!rule) prepared.set(key, (rule = prepareChecks(checks(options))));
    return rule;
  };
  return {
    ...meta,
    prepare,
    evaluate(record, options) {
      const rule = prepare(options);
      const view = CaseView.of(record);
      const rating = RATINGS[rule.level(view)]!;
      return { rating, findings: rating === "good" || rating === "n/a" ? [] : rule.explain(view) };
    },
  };
}
