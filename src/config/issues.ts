import type { z } from "zod";
import { quoteValue } from "../text/quote.js";
import { didYouMean, formatPath } from "../text/suggest.js";

type Issue = z.core.$ZodIssue;
type SchemaLike = { _zod?: { def?: Record<string, unknown> } };

const WRAPPERS = ["innerType", "in", "out"] as const;

/** The keys an object schema at `path` accepts, looking through defaults, optionals, pipes and unions. */
export function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const def = (schema as SchemaLike)?._zod?.def;
  if (!def) return [];
  for (const wrapper of WRAPPERS) {
    const keys = def[wrapper] ? keysAt(def[wrapper], path) : [];
    if (keys.length) return keys;
  }
  if (Array.isArray(def.options)) return [...new Set(def.options.flatMap((option: unknown) => keysAt(option, path)))];
  if (def.type !== "object" || typeof def.shape !== "object" || def.shape === null) return [];
  const shape = def.shape as Record<string, unknown>;
  if (path.length === 0) return Object.keys(shape);
  const [head, ...rest] = path;
  return typeof head === "string" && head in shape ? keysAt(shape[head], rest) : [];
}

/** What an unknown key is called, by where it stands. */
function unknownKeyKind(path: readonly PropertyKey[]): string {
  const where = path.join(".");
  if (where === "") return "setting";
  if (where === "rules" || where === "strategy.weights") return "rule";
  if (where === "strategy") return "strategy setting";
  return "option";
}

const DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Too (small|big))/;
const A_OR_AN: Record<string, string> = { object: "an object", array: "an array", int: "a whole number", integer: "a whole number" };

function expectation(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${A_OR_AN[issue.expected] ?? `a ${issue.expected}`}`;
    case "too_small":
      return `expected at least ${String(issue.minimum)}`;
    case "too_big":
      return `expected at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v));
  return words.length <= 2 ? words.join(" or ") : `one of ${words.join(", ")}`;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A discriminator given as a plain word (`"strategy": "point"`) is reported where it was written. */
function issuePath(issue: Issue, raw: unknown): readonly PropertyKey[] {
  const parent = issue.path.slice(0, -1);
  return issue.code === "invalid_union" && issue.path.length > 0 && typeof valueAt(raw, parent) === "string" ? parent : issue.path;
}

/** A problem found in a config: where (a path into it) and what. */
export interface Problem {
  path: readonly PropertyKey[];
  message: string;
}

/** `rules.timeliness.referral.good: expected ...`: a problem as one line. */
export const problemLine = (problem: Problem): string =>
  problem.path.length === 0 ? problem.message : `${formatPath(problem.path)}: ${problem.message}`;

/** One zod issue as problems, with the value given and the nearest valid word. */
export function issueProblems(issue: Issue, schema: unknown, raw?: unknown): Problem[] {
  const path = issuePath(issue, raw);
  const at = (message: string, where = path): Problem => ({ path: where, message });
  switch (issue.code) {
    case "unrecognized_keys": {
      const candidates = keysAt(schema, issue.path);
      const kind = unknownKeyKind(issue.path);
      return issue.keys.map((key) => at(`unknown ${kind}${didYouMean(key, candidates)}`, [...issue.path, key]));
    }
    case "invalid_value": {
      const given = issue.input;
      const hint = typeof given === "string" ? didYouMean(given, issue.values.map(String)) : "";
      return [at(`expected ${oneOf(issue.values)}, got ${quoteValue(given)}${hint}`)];
    }
    case "invalid_union": {
      if (issue.discriminator && "options" in issue && issue.options) {
        const options = issue.options;
        const given = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const hint = typeof given === "string" ? didYouMean(given, options.map(String)) : "";
        return [at(`expected ${oneOf(options)}, got ${quoteValue(given)}${hint}`)];
      }
      return [at(issue.message)];
    }
    case "custom":
      return [at(issue.message)];
    default: {
      const message = DEFAULT_MESSAGE.test(issue.message) ? expectation(issue) : issue.message;
      return [at(`${message}, got ${quoteValue(issue.input)}`)];
    }
  }
}

/** Every problem of a failed parse, in order. */
export function describeProblems(issues: readonly Issue[], schema: unknown, raw?: unknown): Problem[] {
  return issues.flatMap((issue) => issueProblems(issue, schema, raw));
}

/** Every issue of a failed parse, in order, one line each. */
export function describeIssues(issues: readonly Issue[], schema: unknown, raw?: unknown): string[] {
  return describeProblems(issues, schema, raw).map(problemLine);
}

/**
 * Every key `__proto__` in a config (JSON and YAML make it an own key): JavaScript objects, and so the
 * config's schema, would drop it without a word, so that `columns.__proto__` would map nothing.
 */
export function prototypeKeys(raw: unknown): Problem[] {
  const found: Problem[] = [];
  const pending: [unknown, PropertyKey[]][] = [[raw, []]];
  // A JavaScript config may refer to one object from two places, or to itself.
  const seen = new Set<object>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (path.at(-1) === "__proto__") found.push({ path, message: 'a key named "__proto__" cannot be read; rename it' });
    if (value === null || typeof value !== "object" || seen.has(value) || path.at(-1) === "__proto__") continue;
    seen.add(value);
    // Pushed last first, so that problems come in the order they are written.
    for (const [key, inner] of Object.entries(value).reverse()) pending.push([inner, [...path, Array.isArray(value) ? Number(key) : key]]);
  }
  return found;
}
