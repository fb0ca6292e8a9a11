import type { Case } from "../../input/case.js";
import { FIELD_NAMES, TYPED_FIELDS } from "../../input/fields.js";
import { quoteValue } from "../../text/quote.js";
import { CaseView } from "../case-view.js";
import type { RuleLogic } from "../define-rule.js";
import type { DeclarativeDefinition, DeclarativeEntry } from "./definition.js";
import { contractEnvironment, FIELD_TYPES, OUR_FUNCTIONS, ruleEnvironment } from "./_environment.js";
import { compileExpression, position, type CompiledExpression, type Names } from "./_expression.js";
import { NOT_RECORDED, rateRule, type CompiledEntry, type CompiledRule } from "./_rate.js";
import { scopeWith } from "./_scope.js";
import { parseTemplate } from "./_template.js";

/** A rule written in the config, compiled: a rule like any other, which also carries its definition. */
export type DeclarativeRule = RuleLogic & { definition: DeclarativeDefinition };

/** A problem in a definition, at a path inside the rule (`["inadequate", 0, "when"]`). */
export interface DefinitionProblem {
  path: (string | number)[];
  message: string;
}

export type CompileResult = { ok: true; rule: DeclarativeRule } | { ok: false; problems: DefinitionProblem[] };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const CONTRACT_ORDER = TYPED_FIELDS.map((spec) => spec.name);

let functionNames: ReadonlySet<string> | undefined;
function namesFor(extra: readonly string[]): Names {
  functionNames ??= new Set([...contractEnvironment().getDefinitions().functions.map((f) => f.name), ...OUR_FUNCTIONS]);
  return { variables: new Set([...FIELD_TYPES.keys(), ...extra]), functions: functionNames };
}

function extraProblems(extra: readonly string[]): DefinitionProblem[] {
  return extra.flatMap((name, i): DefinitionProblem[] => {
    const path = ["extra", i];
    if (name === "notes") return [{ path, message: "notes is free text and is never read" }];
    if (FIELD_NAMES.has(name)) return [{ path, message: `${name} is a contract field; an expression reads it without listing it` }];
    if (!IDENTIFIER.test(name)) return [{ path, message: `expected a column name in lower_case_with_underscores, as the reader names it, got ${quoteValue(name)}` }];
    if (extra.indexOf(name) !== i) return [{ path, message: `${name} is listed twice` }];
    return [];
  });
}

const rank = (name: string) => {
  const i = CONTRACT_ORDER.indexOf(name);
  return i === -1 ? CONTRACT_ORDER.length : i;
};
const inOrder = (names: Iterable<string>) => [...names].sort((a, b) => rank(a) - rank(b));

/**
 * Compiles a rule written in the config: every expression parsed and type-checked once, before
 * any record is read. The main thread compiles to check the config; each worker thread compiles
 * the same definition again, as plain data is all that travels to it.
 */
export function compileDeclarativeRule(id: string, definition: DeclarativeDefinition): CompileResult {
  const problems = extraProblems(definition.extra);
  if (problems.length) return { ok: false, problems };
  const env = ruleEnvironment(definition.extra);
  const names = namesFor(definition.extra);
  const reads = new Set<string>();
  const expression = (text: string, path: (string | number)[], offset = 0, whole = text): CompiledExpression | undefined => {
    const result = compileExpression(env, names, text);
    if (!result.ok) {
      for (const p of result.problems) problems.push({ path, message: `${position(whole, offset + p.at)}: ${p.message}` });
      return undefined;
    }
    return result.compiled;
  };
  const condition = (text: string, path: (string | number)[]) => {
    const compiled = expression(text, path);
    if (compiled && compiled.type !== "bool" && compiled.type !== "dyn") {
      problems.push({ path, message: `expected a true/false expression, got ${compiled.type}` });
    }
    compiled?.reads.forEach((name) => reads.add(name));
    return compiled;
  };
  const template = (text: string, path: (string | number)[]) => {
    const parsed = parseTemplate(text);
    if (!parsed.ok) {
      problems.push({ path, message: `${position(text, parsed.at)}: ${parsed.message}` });
      return [];
    }
    return parsed.parts.map((part) => {
      if (typeof part === "string") return part;
      const compiled = expression(part.expression, path, part.at, text);
      compiled?.reads.forEach((name) => reads.add(name));
      const quotesExtra = compiled && [...compiled.reads].some((name) => !FIELD_TYPES.has(name));
      if (quotesExtra && !["int", "double", "bool"].includes(compiled.type)) {
        problems.push({ path, message: `${position(text, part.at)}: a message cannot show a carried-through column's text (reports are shared); show a number or yes/no made from it` });
      }
      return compiled ?? "";
    });
  };
  const entries = (list: readonly DeclarativeEntry[], key: "inadequate" | "adequate"): CompiledEntry[] =>
    list.map((entry, i) => {
      const when = condition(entry.when, [key, i, "when"]);
      const message = template(entry.message, [key, i, "message"]);
      return { where: `${key}[${i}]`, when: when!, code: entry.code, message, fields: inOrder(when?.reads ?? []) };
    });
  const compiled: CompiledRule = {
    applies: condition(definition.applies, ["applies"])!,
    inadequate: entries(definition.inadequate, "inadequate"),
    adequate: entries(definition.adequate, "adequate"),
    onMissing: definition.on_missing,
  };
  if (problems.length) return { ok: false, problems };
  const scope = scopeWith(definition.extra);
  return {
    ok: true,
    rule: {
      id,
      description: definition.description,
      fields: inOrder(reads),
      codes: [...new Set([...compiled.inadequate, ...compiled.adequate].map((entry) => entry.code)), NOT_RECORDED],
      definition,
      evaluate: (record: Case) => rateRule(compiled, scope.bind(CaseView.of(record)), true),
      rateCase: (view: CaseView, explain: boolean) => rateRule(compiled, scope.bind(view), explain),
    },
  };
}
