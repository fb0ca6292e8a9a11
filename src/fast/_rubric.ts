import type { ActiveRule, Rubric } from "../engine/rubric.js";
import { BUILT_IN } from "../engine/strategy.js";
import type { RuleLogic } from "../rules/define-rule.js";
import { BUILT_IN_DEFINITIONS } from "../rules/registry.js";

/** A rubric as plain data for a worker: each rule named by its id, everything else as it is. */
export type WireRubric = Omit<Rubric, "rules"> & { rules: (Omit<ActiveRule, "rule"> & { id: string })[] };

const builtIn = (id: string) => BUILT_IN_DEFINITIONS.find((rule) => rule.id === id);

/**
 * The rubric for workers, or undefined when a rule is not a built-in one (a plugin) or an option
 * is not plain data. A built-in rule is its definition with its
 * options schema made (src/rules/index.ts), so it has the definition's own `evaluate`.
 */
export function rubricToWire(rubric: Rubric): WireRubric | undefined {
  const builtInRule = ({ rule, source }: ActiveRule) => source === BUILT_IN && builtIn(rule.id)?.evaluate === rule.evaluate;
  if (!rubric.rules.every(builtInRule)) return undefined;
  const wire: WireRubric = { ...rubric, rules: rubric.rules.map(({ rule, ...rest }) => ({ ...rest, id: rule.id })) };
  try {
    return structuredClone(wire);
  } catch {
    return undefined;
  }
}

/** The rubric again, each rule taken from the built-in definitions by id: without zod, as workers need no options schema. */
export function rubricFromWire(wire: WireRubric): Rubric<RuleLogic> {
  return { ...wire, rules: wire.rules.map(({ id, ...rest }) => ({ ...rest, rule: builtIn(id)! })) };
}
