import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineRule, type RuleResult } from "../../src/rules/define-rule.js";
import { judgeRule, RuleTester, type Expected, type RuleTests } from "../../src/rules/tester.js";

const CHILD = { summary: "a child of 9", record: { child_age: "9" }, rating: "adequate" as const };
const rule = (evaluate: () => unknown, codes?: string[]) =>
  defineRule({ id: "probe", description: "probe", fields: ["child_age"], ...(codes ? { codes } : {}), evaluate: evaluate as () => RuleResult });
const slow = { code: "slow", message: "slow", fields: ["child_age"] };

describe("judgeRule: what is wrong with what a rule makes of a case", () => {
  test.each<[string, () => unknown, string[] | undefined, { rating: "good" | "adequate"; codes?: string[] }, string[]]>([
    ["as expected", () => ({ rating: "adequate", findings: [slow] }), ["slow"], { rating: "adequate", codes: ["slow"] }, []],
    ["another rating", () => ({ rating: "good", findings: [] }), ["slow"], { rating: "adequate" }, ["rated good, expected adequate"]],
    ["other codes", () => ({ rating: "adequate", findings: [slow] }), ["slow", "late"], { rating: "adequate", codes: ["late"] }, ["gave slow, expected late"]],
    ["a code not declared", () => ({ rating: "adequate", findings: [slow] }), ["late"], { rating: "adequate" }, ["gave slow, which the rule does not declare: its codes are late"]],
    ["no codes declared at all", () => ({ rating: "adequate", findings: [slow] }), undefined, { rating: "adequate" }, ["gave slow, which the rule does not declare: it declares none (codes)"]],
    ["a finding on a good case", () => ({ rating: "good", findings: [slow] }), ["slow"], { rating: "good" }, ["rated good with findings: a case rated good or n/a has none"]],
    ["no finding on an adequate case", () => ({ rating: "adequate", findings: [] }), ["slow"], { rating: "adequate" }, ["rated adequate with no findings: say what was found"]],
    ["a rule that throws", () => { throw new Error("boom"); }, ["slow"], { rating: "adequate" }, ["the rule failed: boom"]],
    ["a result that is not one", () => ({ rating: "fine" }), ["slow"], { rating: "adequate" }, [expect.stringMatching(/^the rule returned a malformed result \(rating: /)] as never],
  ])("%s", (_name, evaluate, codes, expected, problems) => {
    expect(judgeRule(rule(evaluate, codes), {}, CHILD, expected)).toEqual(problems);
  });

  const said = () => ({ rating: "adequate", findings: [slow] });
  test.each<[string, Expected["findings"], string[]]>([
    ["the message and fields as expected", [{ message: "slow", fields: ["child_age"] }], []],
    ["a message matching the pattern", [{ message: /^sl/ }], []],
    ["another message", [{ message: "late" }], ['finding 1 (slow) says "slow", expected "late"']],
    ["a message not matching the pattern", [{ message: /^late$/ }], ['finding 1 (slow) says "slow", expected /^late$/']],
    ["other fields", [{ fields: ["child_age", "child_role"] }], ["finding 1 (slow) names child_age, expected child_age, child_role"]],
    ["a finding described that is not there", [{ message: "slow" }, { message: "late" }], ["has no finding 2 to say late"]],
  ])("what a finding says: %s", (_name, findings, problems) => {
    expect(judgeRule(rule(said, ["slow"]), {}, CHILD, { rating: "adequate", codes: ["slow"], findings })).toEqual(problems);
  });
});

describe("RuleTester", () => {
  /** The tests RuleTester registers, by name, run on demand. */
  function registered(run: (tester: RuleTester) => void): Map<string, () => void> {
    const tests = new Map<string, () => void>();
    const groups: string[] = [];
    run(new RuleTester({ describe: (name, body) => (groups.push(name), body(), groups.pop()), test: (name, body) => void tests.set(`${groups.join(" > ")} > ${name}`, body) }));
    return tests;
  }

  const ageRule = defineRule({
    id: "old-enough",
    description: "probe",
    fields: ["child_age"],
    codes: ["too-young"],
    evaluate: (record) => (record.child_age === undefined ? { rating: "n/a", findings: [] } : record.child_age >= 10 ? { rating: "good", findings: [] } : { rating: "adequate", findings: [{ code: "too-young", message: "young", fields: ["child_age"] }] }),
    examples: [CHILD],
  });

  test("one test per case and per example, named by it, under the rule's id; each passes when the rule agrees", () => {
    const tests = registered((tester) =>
      tester.run(ageRule, {
        valid: [{ name: "age not recorded", record: {}, rating: "n/a" }, { name: "aged 12", record: { child_age: "12" }, rating: "good" }],
        invalid: [{ name: "aged 4", record: { child_age: "4" }, rating: "adequate", codes: ["too-young"] }],
      }),
    );
    expect([...tests.keys()]).toEqual(["old-enough > valid: age not recorded", "old-enough > valid: aged 12", "old-enough > invalid: aged 4", "old-enough > example: a child of 9"]);
    for (const body of tests.values()) body();
  });

  test("a case the rule does not agree with fails its test, saying what differs", () => {
    const tests = registered((tester) => tester.run(ageRule, { invalid: [{ name: "aged 11", record: { child_age: "11" }, rating: "adequate", codes: ["too-young"] }] }));
    expect(() => tests.get("old-enough > invalid: aged 11")!()).toThrow("old-enough, invalid: aged 11: rated good, expected adequate; gave no findings, expected too-young");
  });

  const listRule = (defaults: () => string[]) =>
    defineRule({
      id: "listed",
      description: "probe",
      fields: ["concern"],
      options: z.object({ words: z.array(z.string()).default(defaults), limit: z.int("expected a whole number").min(1).default(2) }).strict(),
      evaluate: () => ({ rating: "n/a", findings: [] }),
    });
  const WORDS = ["cse"];

  test("the defaults and each refused option are a test of their own, named by it; each passes when the schema agrees", () => {
    const tests = registered((tester) =>
      tester.run(listRule(() => ["cse"]), {
        defaults: { words: ["cse"], limit: 2 },
        refused: [{ name: "a fraction", options: { limit: 1.5 }, message: "expected a whole number" }, { name: "an unknown option", options: { word: [] } }],
      }),
    );
    expect([...tests.keys()]).toEqual(["listed > defaults", "listed > refuses options: a fraction", "listed > refuses options: an unknown option"]);
    for (const body of tests.values()) body();
  });

  test.each<[string, () => string[], RuleTests<Record<string, unknown>, { words: string[]; limit: number }>, string, string]>([
    ["defaults other than expected", () => ["cse"], { defaults: { words: ["neglect"], limit: 2 } }, "defaults", 'the defaults are {"words":["cse"],"limit":2}, expected {"words":["neglect"],"limit":2}'],
    ["defaults every parse shares", () => WORDS, { defaults: { words: ["cse"], limit: 2 } }, "defaults", "every parse gives the same options.words: a rule or config changing it would change it for all"],
    ["options the schema accepts", () => ["cse"], { refused: [{ name: "three", options: { limit: 3 } }] }, "refuses options: three", 'accepted {"limit":3} as {"words":["cse"],"limit":3}; expected it refused'],
    ["a refusal saying otherwise", () => ["cse"], { refused: [{ name: "a word", options: { limit: "two" }, message: "expected at least 1" }] }, "refuses options: a word", 'refused it saying "expected a whole number", expected "expected at least 1"'],
  ])("fails on %s, saying what differs", (_name, defaults, tests, name, problem) => {
    const registeredTests = registered((tester) => tester.run(listRule(defaults), tests));
    expect(() => registeredTests.get(`listed > ${name}`)!()).toThrow(`listed, ${name}: ${problem}`);
  });

  test("a case's options are typed by the rule's schema: a misspelt one is a type error, and fails its test", () => {
    const tests = registered((tester) =>
      tester.run(listRule(() => ["cse"]), {
        // @ts-expect-error: the schema has `limit`, not `limt`
        valid: [{ name: "misspelt", options: { limt: 3 }, record: {}, rating: "n/a" }],
      }),
    );
    expect(() => tests.get("listed > valid: misspelt")!()).toThrow(/limt/);
  });

  test("a finding code the rule does not declare fails its case, though the case expects that code", () => {
    const loose = defineRule({ ...ageRule, codes: ["young"], examples: [] });
    const tests = registered((tester) => tester.run(loose, { invalid: [{ name: "aged 4", record: { child_age: "4" }, rating: "adequate", codes: ["too-young"] }] }));
    expect(() => tests.get("old-enough > invalid: aged 4")!()).toThrow("old-enough, invalid: aged 4: gave too-young, which the rule does not declare: its codes are young");
  });

  test("without a runner's describe and test it says what it needs", () => {
    expect(() => new RuleTester()).toThrow("RuleTester needs your test runner's describe and test");
  });
});
