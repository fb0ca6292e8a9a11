import type { ASTNode } from "@marcbachmann/cel-js";
import { TYPED_FIELDS } from "../../input/fields.js";
import { parseDate } from "../../input/dates.js";
import { quoteValue } from "../../text/quote.js";
import { didYouMean } from "../../text/suggest.js";

/** An expression's limits beyond the parser's own (src/rules/_declarative/_environment.ts). */
export const LIMITS = {
  /** Characters in one expression: a rule an inspector can read is far shorter. */
  length: 10_000,
  /** Operations inside one another; kept well within what evaluation can recurse through. */
  nesting: 50,
  /** Loops (all, exists, exists_one, map, filter) inside one another: each runs over at most 100 items. */
  loops: 2,
} as const;

const LOOPS = new Set(["all", "exists", "exists_one", "map", "filter"]);
const wordsOf = (kind: "enum" | "list"): ReadonlyMap<string, readonly string[]> =>
  new Map(TYPED_FIELDS.flatMap((spec) => (spec.kind === kind && spec.values ? [[spec.name, spec.values]] : [])));
const ENUM_WORDS = wordsOf("enum");
const LIST_WORDS = wordsOf("list");
const ALIASES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(
  TYPED_FIELDS.flatMap((spec) => (spec.aliases ? [[spec.name, spec.aliases]] : [])),
);

export interface ExpressionProblem {
  /** Offset in the expression's text. */
  at: number;
  message: string;
}

export interface Shape {
  problems: ExpressionProblem[];
  /** Fields and carried-through columns the expression reads, as named in it. */
  reads: Set<string>;
  /** Nested past the limit: too deep to type-check safely. */
  tooDeep: boolean;
}

function childrenOf(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object" && typeof (value as { op?: unknown }).op === "string") found.push(value as ASTNode);
  };
  visit(node.args);
  return found;
}

const isId = (node: ASTNode | undefined): node is ASTNode & { args: string } => node?.op === "id";
const stringLiteral = (node: ASTNode | undefined): string | undefined =>
  node?.op === "value" && typeof node.args === "string" ? node.args : undefined;

/** A word compared with an enum or list field that the field can never hold. */
function wordProblem(table: ReadonlyMap<string, readonly string[]>, field: string, word: string): string | undefined {
  const words = table.get(field);
  if (!words || words.includes(word)) return undefined;
  const alias = ALIASES.get(field)?.[word];
  if (alias) return `${field} is never ${quoteValue(word)}: it is read as ${quoteValue(alias)}; compare with that`;
  return `${field} is never ${quoteValue(word)}${didYouMean(word, words)}`;
}

interface Visit {
  node: ASTNode;
  depth: number;
  loops: number;
  bound: ReadonlySet<string>;
}

/**
 * What the type checker does not catch: limits on nesting and loops, functions left out
 * (`matches`, `cel.bind`), `date()` of a literal that is not a date, `recorded()` of something
 * that is not a field, and enum words a field never holds. Also gathers the fields read.
 */
export function checkShape(ast: ASTNode, names: ReadonlySet<string>): Shape {
  const problems: ExpressionProblem[] = [];
  const reads = new Set<string>();
  const problem = (node: ASTNode, message: string) => {
    const same = problems.find((p) => p.message === message);
    if (!same) problems.push({ at: node.start, message });
    else same.at = Math.min(same.at, node.start);
  };
  const field = (node: ASTNode | undefined, bound: ReadonlySet<string>) =>
    isId(node) && !bound.has(node.args) && names.has(node.args) ? node.args : undefined;
  let tooDeep = false;
  // A problem is said once, at its first place in the expression.
  const stack: Visit[] = [{ node: ast, depth: 1, loops: 0, bound: new Set() }];
  while (stack.length) {
    const { node, depth, loops, bound } = stack.pop()!;
    if (depth > LIMITS.nesting && !tooDeep) {
      tooDeep = true;
      problem(node, `nested more than ${LIMITS.nesting} operations deep; split it into simpler entries`);
    }
    const args = node.args as unknown[];
    if (node.op === "id" && !bound.has(node.args as string) && names.has(node.args as string)) reads.add(node.args as string);
    if (node.op === "call" || node.op === "rcall") {
      const name = args[0] as string;
      const callArgs = (node.op === "call" ? args[1] : args[2]) as ASTNode[];
      if (name === "matches") {
        problem(node, "matches() is not available: a regular expression can take hours on one value; use contains(), startsWith() or endsWith()");
      }
      if (node.op === "rcall" && name === "bind" && isId(args[1] as ASTNode) && (args[1] as ASTNode).args === "cel") {
        problem(node, "cel.bind() is not available: it can build values that grow without bound");
      }
      const literal = node.op === "call" && name === "date" ? stringLiteral(callArgs[0]) : undefined;
      if (literal !== undefined) {
        const parsed = parseDate(literal);
        if (!parsed.ok || parsed.value === undefined) problem(node, `date() of ${quoteValue(literal)}, which is not a date; write it as date('2015-07-02')`);
      }
      if (node.op === "rcall" && LOOPS.has(name) && isId(callArgs[0])) {
        if (loops + 1 > LIMITS.loops) problem(node, `loops (${[...LOOPS].join(", ")}) are nested more than ${LIMITS.loops} deep`);
        const inner = new Set([...bound, callArgs[0].args]);
        stack.push({ node: args[1] as ASTNode, depth: depth + 1, loops, bound });
        for (const arg of callArgs) stack.push({ node: arg, depth: depth + 1, loops: loops + 1, bound: inner });
        continue;
      }
    }
    if (node.op === "==" || node.op === "!=") {
      const [left, right] = args as ASTNode[];
      const [name, word] = field(left, bound) ? [field(left, bound), stringLiteral(right)] : [field(right, bound), stringLiteral(left)];
      const message = name && word !== undefined ? wordProblem(ENUM_WORDS, name, word) : undefined;
      if (message) problem(node, message);
    }
    if (node.op === "in") {
      const [left, right] = args as ASTNode[];
      const word = stringLiteral(left);
      const list = field(right, bound);
      const message = list && word !== undefined ? wordProblem(LIST_WORDS, list, word) : undefined;
      if (message) problem(node, message);
      const name = field(left, bound);
      if (name && right?.op === "list") {
        for (const item of childrenOf(right)) {
          const itemWord = stringLiteral(item);
          const itemMessage = itemWord === undefined ? undefined : wordProblem(ENUM_WORDS, name, itemWord);
          if (itemMessage) problem(item, itemMessage);
        }
      }
    }
    for (const child of childrenOf(node)) stack.push({ node: child, depth: depth + 1, loops, bound });
  }
  problems.sort((a, b) => a.at - b.at);
  return { problems, reads, tooDeep };
}
