import { BUILT_IN, type ActiveRule, type Rubric } from "../engine/rubric.js";
import type { Rule } from "../rules/define-rule.js";
import { BUILT_IN_RULES } from "../rules/index.js";

/** A rubric as plain data for a worker: each rule named by its id, everything else as it is. */
export type WireRubric = Omit<Rubric, "rules"> & { rules: (Omit<ActiveRule, "rule"> & { id: string })[] };

const builtIn = (id: string): Rule<unknown> | undefined => BUILT_IN_RULES.find((rule) => rule.id === id);

/** The rubric for workers, or undefined when a rule is not a built-in one (a plugin) or an option is not plain data. */
export function rubricToWire(rubric: Rubric): WireRubric | undefined {
  if (rubric.rules.some(({ rule, source }) => source !== BUILT_IN || builtIn(rule.id) !== rule)) return undefined;
  const wire: WireRubric = { ...rubric, rules: rubric.rules.map(({ rule, ...rest }) => ({ ...rest, id: rule.id })) };
  try {
    return structuredClone(wire);
  } catch {
    return undefined;
  }
}

/** The rubric again, each rule taken from the built-in registry by id. */
export function rubricFromWire(wire: WireRubric): Rubric {
  return { ...wire, rules: wire.rules.map(({ id, ...rest }) => ({ ...rest, rule: builtIn(id)! })) } as Rubric;
}
