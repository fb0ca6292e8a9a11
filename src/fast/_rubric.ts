import type { ActiveRule, Rubric } from "../engine/rubric.js";
import { BUILT_IN } from "../engine/strategy.js";
import type { DeclarativeDefinition } from "../rules/_declarative/definition.js";
import type { RuleLogic } from "../rules/define-rule.js";
import { importRuleModule, rulesOfModule } from "../rules/modules.js";
import { BUILT_IN_DEFINITIONS } from "../rules/registry.js";

/**
 * A rule as plain data for a worker, which makes it again: a built-in rule by its id, a plugin's
 * from its module's file, a rule written in the config from its definition.
 */
export type WireRule = Omit<ActiveRule, "rule"> & { id: string; definition?: DeclarativeDefinition };
export type WireRubric = Omit<Rubric, "rules"> & { rules: WireRule[] };

const builtIn = (id: string) => BUILT_IN_DEFINITIONS.find((rule) => rule.id === id);

/** Whether a worker can make the rule again: a rule made in code, from no file, cannot. */
function travels({ rule, source, file }: ActiveRule): boolean {
  if (source === BUILT_IN) return builtIn(rule.id)?.evaluate === rule.evaluate;
  return rule.definition !== undefined || file !== undefined;
}

/**
 * The rubric for workers, or undefined when a rule cannot travel (made in code, from no file) or
 * an option is not plain data: such a rubric is graded on the calling thread.
 */
export function rubricToWire(rubric: Rubric): WireRubric | undefined {
  if (!rubric.rules.every(travels)) return undefined;
  const wire: WireRubric = {
    ...rubric,
    rules: rubric.rules.map(({ rule, ...rest }) => ({ ...rest, id: rule.id, ...(rule.definition ? { definition: rule.definition } : {}) })),
  };
  try {
    return structuredClone(wire);
  } catch {
    return undefined;
  }
}

/** A rule a worker could not make again: the run stops before any record is read. */
export class UnloadableRule extends Error {}

async function ruleFromWire({ id, source, file, definition }: WireRule): Promise<RuleLogic> {
  if (source === BUILT_IN) return builtIn(id)!;
  if (definition) {
    const { compileDeclarativeRule } = await import("../rules/_declarative/compile.js");
    const compiled = compileDeclarativeRule(id, definition);
    if (!compiled.ok) throw new UnloadableRule(`rule "${id}" did not compile in a worker thread`);
    return compiled.rule;
  }
  let module: Record<string, unknown>;
  try {
    module = await importRuleModule(file!);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UnloadableRule(`rule "${id}": ${JSON.stringify(source)} failed to load in a worker thread: ${message}`);
  }
  const rule = rulesOfModule(module).find((candidate) => (candidate as { id?: unknown })?.id === id) as RuleLogic | undefined;
  if (typeof rule?.evaluate !== "function") {
    throw new UnloadableRule(`rule "${id}": ${JSON.stringify(source)} does not export it in a worker thread (its exports must not depend on the thread that loads it)`);
  }
  return rule;
}

/**
 * The rubric again, in a worker: each built-in rule taken from the definitions by id (without zod,
 * as options come parsed), each plugin's loaded from its file, each rule written in the config
 * compiled from its definition. Throws UnloadableRule.
 */
export async function rubricFromWire(wire: WireRubric): Promise<Rubric<RuleLogic>> {
  const rules = await Promise.all(
    wire.rules.map(async (wired) => {
      const { id: _id, definition: _definition, ...active } = wired;
      return { ...active, rule: await ruleFromWire(wired) };
    }),
  );
  return { ...wire, rules };
}
