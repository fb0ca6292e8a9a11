import type { Environment, ParseResult } from "@marcbachmann/cel-js";
import { quoteValue } from "../../text/quote.js";
import { didYouMean } from "../../text/suggest.js";
import { checkShape, LIMITS, type ExpressionProblem } from "./_checks.js";
import { PARSER_LIMITS } from "./_environment.js";
import { Verdicts } from "./_verdicts.js";

/** An expression parsed and type-checked once; `run` evaluates it against a scope (src/rules/_declarative/_scope.ts). */
export interface CompiledExpression {
  run: ParseResult;
  /** What it decided, by the values it read (filled in as cases are rated). */
  verdicts: Verdicts;
  /** The CEL type of its value: `bool`, `int`, `string`, `date`, `list<string>`, `dyn`, ... */
  type: string;
  /** The fields and carried-through columns it reads. */
  reads: Set<string>;
}

export type ExpressionResult = { ok: true; compiled: CompiledExpression } | { ok: false; problems: ExpressionProblem[] };

/** What the rule can read, and the functions it can call, for "did you mean". */
export interface Names {
  variables: ReadonlySet<string>;
  functions: ReadonlySet<string>;
}

const TOO_DEEP = `nested more than ${LIMITS.nesting} operations deep; split it into simpler entries`;
/** Runs of `!` or `-` the parser would recurse through one by one. */
const UNARY_RUN = new RegExp(`(?:[!-]\\s*){${LIMITS.nesting + 1}}`);

const LIMIT_WORDS: Record<string, string> = {
  maxAstNodes: `more than ${PARSER_LIMITS.maxAstNodes} parts`,
  maxDepth: TOO_DEEP,
  maxListElements: `a list of more than ${PARSER_LIMITS.maxListElements} items`,
  maxMapEntries: `a map of more than ${PARSER_LIMITS.maxMapEntries} entries`,
  maxCallArguments: `a call with more than ${PARSER_LIMITS.maxCallArguments} arguments`,
};

interface CelError {
  code?: string;
  summary?: string;
  message: string;
  range?: { start: number; end: number };
}

const firstLine = (error: CelError) => (error.summary ?? error.message).split("\n")[0]!;

function syntaxProblem(error: CelError, text: string): string {
  const limit = /^Exceeded (\w+)/.exec(firstLine(error))?.[1];
  if (limit) return LIMIT_WORDS[limit] ?? firstLine(error);
  const start = error.range?.start ?? 0;
  const token = text.slice(start, error.range?.end ?? start).trim();
  if (/^Unexpected token/.test(firstLine(error))) return `syntax error: ${token ? `unexpected ${quoteValue(token)}` : "the expression ends too soon"}`;
  return `syntax error: ${firstLine(error)}`;
}

function typeProblem(error: CelError, names: Names): string {
  const text = firstLine(error);
  switch (error.code) {
    case "unknown_variable": {
      const name = /Unknown variable: (\S+)/.exec(text)?.[1] ?? "?";
      const hint = didYouMean(name, names.variables);
      return `unknown field ${quoteValue(name)}${hint || '; a carried-through column the rule reads must be listed in its "extra"'}`;
    }
    case "no_matching_overload": {
      const call = /for '(.*)'/.exec(text)?.[1] ?? text;
      const name = /(\w+)\(/.exec(call)?.[1] ?? call;
      if (!names.functions.has(name)) return `unknown function ${name}()${didYouMean(name, names.functions)}`;
      return `${name}() cannot take these arguments: ${call}`;
    }
    case "no_such_overload": {
      const match = /no such overload: (.+) (\S+) (.+)$/.exec(text);
      return match ? `${match[2]} cannot apply to ${match[1]} and ${match[3]}` : text;
    }
    default:
      return text;
  }
}

/** Parses and checks one expression: syntax, limits, names, types. Problems carry their offset in `text`. */
export function compileExpression(env: Environment, names: Names, text: string): ExpressionResult {
  if (text.length > LIMITS.length) {
    return { ok: false, problems: [{ at: 0, message: `${text.length} characters long; at most ${LIMITS.length}` }] };
  }
  const unary = UNARY_RUN.exec(text);
  if (unary) return { ok: false, problems: [{ at: unary.index, message: TOO_DEEP }] };
  let run: ParseResult;
  try {
    run = env.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problems: [{ at: 0, message: TOO_DEEP }] };
    const celError = error as CelError;
    return { ok: false, problems: [{ at: celError.range?.start ?? 0, message: syntaxProblem(celError, text) }] };
  }
  const shape = checkShape(run.ast, names.variables);
  if (shape.tooDeep) return { ok: false, problems: shape.problems };
  let checked: ReturnType<ParseResult["check"]>;
  try {
    checked = run.check();
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problems: [{ at: 0, message: TOO_DEEP }] };
    throw error;
  }
  const problems = [...shape.problems];
  if (!checked.valid) {
    const error = checked.error as CelError;
    problems.push({ at: error.range?.start ?? 0, message: typeProblem(error, names) });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.at - b.at) };
  return { ok: true, compiled: { run, verdicts: new Verdicts([...shape.reads]), type: checked.type ?? "dyn", reads: shape.reads } };
}

/** `column 12`, or `line 2, column 5` in an expression written on several lines. */
export function position(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return text.includes("\n") ? `line ${line}, column ${column}` : `column ${column}`;
}
