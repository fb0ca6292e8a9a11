import { z } from "zod";
import type { Rule } from "../rules/define-rule.js";
import { CONFIG_SOURCE, DECLARATIVE_KEYS, type DeclarativeDefinition } from "../rules/_declarative/definition.js";
import { definitionSchema } from "../rules/_declarative/schema.js";
import { describeProblems, type Problem } from "./issues.js";
import { exampleSchema, ruleIdSchema } from "./plugins.js";
import type { KnownRule } from "./schema.js";

/** A rule written in the config, as its entry under `rules` gives it: the definition, and whether it is on. */
const entrySchema = definitionSchema
  .extend({ enabled: z.boolean().default(true), examples: z.array(exampleSchema.strict()).optional() })
  .strict();

const NO_OPTIONS = z.object({}).strict();

/** An entry of `rules` that writes a rule rather than setting one: not a known id, with an `applies`, `inadequate` or `adequate` key. */
const writesRule = (value: unknown) =>
  value !== null && typeof value === "object" && !Array.isArray(value) && DECLARATIVE_KEYS.some((key) => key in value);

export interface DeclaredRules {
  rules: KnownRule[];
  problems: Problem[];
}

/** A rule that failed to compile still holds its id, so that the rest of the config is checked against it. */
const placeholder = (id: string, description: string): Rule<unknown> => ({
  id,
  description,
  fields: [],
  options: NO_OPTIONS,
  evaluate: () => {
    throw new Error(`rule ${id} did not compile`);
  },
});

/**
 * The rules the config writes itself, each compiled (every expression parsed and type-checked)
 * before any record is read; CEL is loaded only for a config that writes rules. An id already
 * taken, by a built-in rule or a plugin's, is that rule's setting.
 */
export async function declaredRules(raw: Record<string, unknown>, taken: ReadonlySet<string>): Promise<DeclaredRules> {
  const declared: DeclaredRules = { rules: [], problems: [] };
  const entries = raw.rules !== null && typeof raw.rules === "object" && !Array.isArray(raw.rules) ? Object.entries(raw.rules) : [];
  const written = entries.filter(([id, value]) => !taken.has(id) && writesRule(value));
  if (written.length === 0) return declared;
  const { compileDeclarativeRule } = await import("../rules/_declarative/compile.js");
  for (const [id, value] of written) {
    const at = (path: readonly PropertyKey[]) => ["rules", id, ...path];
    const idCheck = ruleIdSchema.safeParse(id);
    if (!idCheck.success) declared.problems.push({ path: at([]), message: idCheck.error.issues[0]!.message });
    const parsed = entrySchema.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      for (const problem of describeProblems(parsed.error.issues, entrySchema, value)) declared.problems.push({ ...problem, path: at(problem.path) });
      declared.rules.push({ rule: placeholder(id, ""), source: CONFIG_SOURCE });
      continue;
    }
    const { enabled: _enabled, examples, ...definition } = parsed.data;
    const compiled = compileDeclarativeRule(id, definition satisfies DeclarativeDefinition);
    if (!compiled.ok) {
      for (const problem of compiled.problems) declared.problems.push({ path: at(problem.path), message: problem.message });
      declared.rules.push({ rule: placeholder(id, definition.description), source: CONFIG_SOURCE });
      continue;
    }
    declared.rules.push({ rule: { ...compiled.rule, options: NO_OPTIONS, ...(examples ? { examples } : {}) }, source: CONFIG_SOURCE });
  }
  return declared;
}

/** Whether a rule written in the config is switched on: `"enabled": false` keeps it written but off. */
export const declaredEnabled = (value: unknown): boolean => (value as { enabled?: unknown } | undefined)?.enabled !== false;
