import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { exampleCase } from "../config/rule-examples.js";
import { checkRuleResult } from "./_rule-result.js";
import type { Finding, Rating, Rule, RuleExample } from "./define-rule.js";

/** A case for RuleTester: its columns as a CSV would give them (`case_id`, `force` and `reported_on` default), and options. */
interface TesterCase<Options> {
  name: string;
  record: Record<string, string>;
  /** The rule's options as a config writes them; the rule's defaults fill in the rest. */
  options?: Options;
}

/** A case the rule finds nothing wrong with: rated good, or n/a. */
export interface ValidCase<Options> extends TesterCase<Options> {
  rating: "good" | "n/a";
}

/** What one finding should say: its message (the words, or a pattern they match) and the fields it names; either may be left out. */
export interface ExpectedFinding {
  message?: string | RegExp;
  fields?: readonly string[];
}

/** A case the rule finds fault with: its rating, and the codes of its findings, in order. */
export interface InvalidCase<Options> extends TesterCase<Options> {
  rating: "adequate" | "inadequate";
  codes: readonly string[];
  /** What the findings say, in the order of `codes` (the first ones, or all). */
  findings?: readonly ExpectedFinding[];
}

/** Options as a config might write them, which the rule's schema must refuse. */
export interface RefusedOptions {
  name: string;
  options: unknown;
  /** The refusal's first message, when it matters. */
  message?: string;
}

export interface RuleTests<Options, Defaults = unknown> {
  valid?: readonly ValidCase<Options>[];
  invalid?: readonly InvalidCase<Options>[];
  /** The options the rule takes when a config sets none (each parse must give a copy of its own). */
  defaults?: Defaults;
  refused?: readonly RefusedOptions[];
}

/** What a case, or an example, should rate, the codes it should give (none for good or n/a), and what those findings say. */
export interface Expected {
  rating: Rating;
  codes?: readonly string[];
  findings?: readonly ExpectedFinding[];
}

/** Where a finding says other than expected, as lines. */
function judgeFindings(findings: readonly Finding[], expected: readonly ExpectedFinding[]): string[] {
  return expected.flatMap(({ message, fields }, i) => {
    const finding = findings[i];
    if (!finding) return [`has no finding ${i + 1} to say ${String(message ?? fields)}`];
    const problems: string[] = [];
    const said = typeof message === "string" ? finding.message === message : (message?.test(finding.message) ?? true);
    if (!said) problems.push(`finding ${i + 1} (${finding.code}) says ${JSON.stringify(finding.message)}, expected ${typeof message === "string" ? JSON.stringify(message) : String(message)}`);
    if (fields && finding.fields.join() !== fields.join()) problems.push(`finding ${i + 1} (${finding.code}) names ${finding.fields.join(", ")}, expected ${fields.join(", ")}`);
    return problems;
  });
}

/**
 * Everything wrong with what a rule makes of one case, as lines; none when it rates as expected.
 * Also wrong, whatever was expected: a result that is not `{ rating, findings }`, a finding on a case
 * rated good or n/a, none on one rated worse, and a code the rule does not declare in `codes`.
 */
export function judgeRule(rule: Rule<unknown>, options: unknown, example: RuleExample, expected: Expected): string[] {
  let raw: unknown;
  try {
    raw = rule.evaluate(exampleCase(example), options);
  } catch (error) {
    return [`the rule failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  const checked = checkRuleResult(raw);
  if (!checked.ok) return [`the rule ${checked.message}`];
  const { rating, findings } = checked.result;
  const codes = findings.map((finding) => finding.code);
  const problems: string[] = [];
  if (rating !== expected.rating) problems.push(`rated ${rating}, expected ${expected.rating}`);
  const wanted = expected.codes;
  if (wanted && codes.join() !== wanted.join()) {
    problems.push(`gave ${codes.length ? codes.join(", ") : "no findings"}, expected ${wanted.length ? wanted.join(", ") : "no findings"}`);
  }
  problems.push(...judgeFindings(findings, expected.findings ?? []));
  if ((rating === "good" || rating === "n/a") && findings.length) problems.push(`rated ${rating} with findings: a case rated good or n/a has none`);
  if ((rating === "adequate" || rating === "inadequate") && !findings.length) problems.push(`rated ${rating} with no findings: say what was found`);
  const undeclared = [...new Set(codes.filter((code) => !(rule.codes ?? []).includes(code)))];
  if (undeclared.length) {
    const declared = rule.codes?.length ? `its codes are ${rule.codes.join(", ")}` : "it declares none (codes)";
    problems.push(`gave ${undeclared.join(", ")}, which the rule does not declare: ${declared}`);
  }
  return problems;
}

/** The places where two values hold the same object, not copies: `options.protective` and the like. */
function shared(one: unknown, other: unknown, at = "options"): string[] {
  if (typeof one !== "object" || one === null || typeof other !== "object" || other === null) return [];
  if (one === other) return [at];
  return Object.keys(one).flatMap((key) => shared((one as Record<string, unknown>)[key], (other as Record<string, unknown>)[key], `${at}.${key}`));
}

/** Where the options a config that sets none gives differ from `expected`, or are shared between two parses. */
function judgeDefaults(rule: Rule<unknown>, expected: unknown): string[] {
  const parsed = rule.options.safeParse({});
  if (!parsed.success) return [`the options have no defaults: ${parsed.error.issues[0]?.message ?? "refused"}`];
  const problems = isDeepStrictEqual(parsed.data, expected) ? [] : [`the defaults are ${JSON.stringify(parsed.data)}, expected ${JSON.stringify(expected)}`];
  const same = shared(parsed.data, rule.options.parse({}));
  if (same.length) problems.push(`every parse gives the same ${same.join(", ")}: a rule or config changing it would change it for all`);
  return problems;
}

/** Where the schema does not refuse these options, or refuses them with another message. */
function judgeRefusal(rule: Rule<unknown>, { options, message }: RefusedOptions): string[] {
  const parsed = rule.options.safeParse(options);
  if (parsed.success) return [`accepted ${JSON.stringify(options)} as ${JSON.stringify(parsed.data)}; expected it refused`];
  const said = parsed.error.issues[0]?.message;
  return message === undefined || said === message ? [] : [`refused it saying ${JSON.stringify(said)}, expected ${JSON.stringify(message)}`];
}

/** The test functions of a runner (vitest's, jest's, node:test's): RuleTester makes one test per case. */
export interface TestFunctions {
  describe(name: string, body: () => void): void;
  test(name: string, body: () => void): void;
}

const fromGlobals = (): Partial<TestFunctions> => {
  const scope = globalThis as { describe?: TestFunctions["describe"]; test?: TestFunctions["test"]; it?: TestFunctions["test"] };
  return { describe: scope.describe, test: scope.test ?? scope.it };
};

type Judged = [name: string, judge: () => string[]];

type SchemaOf<R> = R extends { options: infer Schema extends z.ZodType } ? Schema : z.ZodType;
/**
 * The options a case may give the rule: what its schema takes, so that a misspelt option is a type
 * error; any object for a rule whose schema's type is not known (one a config loaded).
 */
type OptionsIn<R> = unknown extends z.input<SchemaOf<R>> ? Record<string, unknown> : z.input<SchemaOf<R>>;
/** The rule's options once parsed, as `defaults` states them. */
type OptionsOut<R> = z.output<SchemaOf<R>>;

/**
 * Tests a rule over a table of cases, one test each, under your test runner: each case's rating,
 * finding codes and (if given) what the findings say, and each of the rule's own examples' rating,
 * with the checks of `judgeRule`; and, if given, the rule's default options and options it refuses.
 *
 *     import { describe, test } from "vitest";
 *     new RuleTester({ describe, test }).run(rule, { valid: [...], invalid: [...] });
 */
export class RuleTester {
  private readonly functions: TestFunctions;

  constructor(functions: Partial<TestFunctions> = {}) {
    const { describe, test } = { ...fromGlobals(), ...functions };
    if (!describe || !test) throw new Error("RuleTester needs your test runner's describe and test: new RuleTester({ describe, test })");
    this.functions = { describe, test };
  }

  run<R extends Rule<unknown>>(rule: R, tests: RuleTests<OptionsIn<R>, OptionsOut<R>>): void;
  run(rule: Rule<unknown>, tests: RuleTests<unknown>): void {
    const { describe, test } = this.functions;
    const rated = (name: string, record: RuleExample, expected: Expected, options: unknown): Judged => [
      name,
      () => judgeRule(rule, rule.options.parse(options ?? {}), record, expected),
    ];
    const cases: Judged[] = [
      ...(tests.valid ?? []).map((c) => rated(`valid: ${c.name}`, example(c), { rating: c.rating, codes: [] }, c.options)),
      ...(tests.invalid ?? []).map((c) => rated(`invalid: ${c.name}`, example(c), { rating: c.rating, codes: c.codes, findings: c.findings }, c.options)),
      ...(rule.examples ?? []).map((e) => rated(`example: ${e.summary}`, e, { rating: e.rating }, undefined)),
      ...("defaults" in tests ? [["defaults", () => judgeDefaults(rule, tests.defaults)] as Judged] : []),
      ...(tests.refused ?? []).map((r): Judged => [`refuses options: ${r.name}`, () => judgeRefusal(rule, r)]),
    ];
    describe(rule.id, () => {
      for (const [name, judge] of cases) {
        test(name, () => {
          const problems = judge();
          if (problems.length) throw new Error(`${rule.id}, ${name}: ${problems.join("; ")}`);
        });
      }
    });
  }
}

const example = ({ name, record, rating }: TesterCase<unknown> & { rating: Rating }): RuleExample => ({ summary: name, record, rating });
