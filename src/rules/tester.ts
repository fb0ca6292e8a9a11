import type { z } from "zod";
import { exampleCase } from "../config/rule-examples.js";
import { checkRuleResult } from "./_rule-result.js";
import type { Rating, Rule, RuleExample } from "./define-rule.js";

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

/** A case the rule finds fault with: its rating, and the codes of its findings, in order. */
export interface InvalidCase<Options> extends TesterCase<Options> {
  rating: "adequate" | "inadequate";
  codes: readonly string[];
}

export interface RuleTests<Options> {
  valid?: readonly ValidCase<Options>[];
  invalid?: readonly InvalidCase<Options>[];
}

/** What a case, or an example, should rate, and the codes it should give (none for good or n/a). */
export interface Expected {
  rating: Rating;
  codes?: readonly string[];
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
  if ((rating === "good" || rating === "n/a") && findings.length) problems.push(`rated ${rating} with findings: a case rated good or n/a has none`);
  if ((rating === "adequate" || rating === "inadequate") && !findings.length) problems.push(`rated ${rating} with no findings: say what was found`);
  const undeclared = [...new Set(codes.filter((code) => !(rule.codes ?? []).includes(code)))];
  if (undeclared.length) {
    const declared = rule.codes?.length ? `its codes are ${rule.codes.join(", ")}` : "it declares none (codes)";
    problems.push(`gave ${undeclared.join(", ")}, which the rule does not declare: ${declared}`);
  }
  return problems;
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

/**
 * Tests a rule over a table of cases, one test each, under your test runner: each case's rating and
 * finding codes, and each of the rule's own examples' rating, with the checks of `judgeRule`.
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

  run<Schema extends z.ZodType>(rule: Rule<z.output<Schema>> & { options: Schema }, tests: RuleTests<z.input<Schema>>): void;
  /** A rule loaded as a config loads it, its options' type unknown. */
  run(rule: Rule<unknown>, tests: RuleTests<Record<string, unknown>>): void;
  run(rule: Rule<unknown>, tests: RuleTests<unknown>): void {
    const { describe, test } = this.functions;
    const cases: [string, RuleExample, Expected, unknown][] = [
      ...(tests.valid ?? []).map((c): [string, RuleExample, Expected, unknown] => [`valid: ${c.name}`, example(c), { rating: c.rating, codes: [] }, c.options]),
      ...(tests.invalid ?? []).map((c): [string, RuleExample, Expected, unknown] => [`invalid: ${c.name}`, example(c), { rating: c.rating, codes: c.codes }, c.options]),
      ...(rule.examples ?? []).map((e): [string, RuleExample, Expected, unknown] => [`example: ${e.summary}`, e, { rating: e.rating }, undefined]),
    ];
    describe(rule.id, () => {
      for (const [name, record, expected, options] of cases) {
        test(name, () => {
          const problems = judgeRule(rule, rule.options.parse(options ?? {}), record, expected);
          if (problems.length) throw new Error(`${rule.id}, ${name}: ${problems.join("; ")}`);
        });
      }
    });
  }
}

const example = ({ name, record, rating }: TesterCase<unknown> & { rating: Rating }): RuleExample => ({ summary: name, record, rating });
