import { compileDeclarativeRule, type DeclarativeRule } from "../../../src/rules/_declarative/compile.js";
import type { DeclarativeDefinition } from "../../../src/rules/_declarative/definition.js";

/** A rule written in the config: these keys, every other one at its default. */
const definition = (overrides: Partial<DeclarativeDefinition>): DeclarativeDefinition => ({
  description: "test rule",
  applies: "true",
  inadequate: [],
  adequate: [],
  on_missing: "adequate",
  extra: [],
  ...overrides,
});

/** What the compiler finds wrong with the rule, each as `path: message`; none when it compiles. */
export function problemsOf(overrides: Partial<DeclarativeDefinition>): string[] {
  const result = compileDeclarativeRule("test-rule", definition(overrides));
  return result.ok ? [] : result.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
}

/** The rule compiled, under this id; a rule that does not compile fails the test, saying why. */
export function compiled(overrides: Partial<DeclarativeDefinition>, id = "test-rule"): DeclarativeRule {
  const result = compileDeclarativeRule(id, definition(overrides));
  if (!result.ok) throw new Error(problemsOf(overrides).join("\n"));
  return result.rule;
}
