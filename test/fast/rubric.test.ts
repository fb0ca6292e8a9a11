import { resolve } from "node:path";
import { expect, test } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import { rubricFromWire, rubricToWire, UnloadableRule } from "../../src/fast/_rubric.js";
import type { RuleLogic } from "../../src/rules/define-rule.js";
import { makeCase } from "../helpers/make-case.js";
import { MEDICAL_ADVICE } from "../helpers/medical-advice.js";

// Every test in test/fast compares the fast path with the reference, so a rubric wrongly kept off
// the workers would pass them all, graded on one thread: here is which rubrics go to the workers.

const configured = async (raw: unknown): Promise<Rubric> => (await parseConfig(raw, resolve("test/config/plugins"), "audit.config.json")).rubric;


const cases = [
  makeCase({ concern: ["sexual_abuse"], child_age: 9, agencies_consulted: [] }),
  makeCase({ concern: ["sexual_abuse"], child_age: 9, agencies_consulted: ["health"], strategy_discussion_on: undefined }),
  makeCase({ concern: ["neglect"], child_age: 15 }),
];

test.each([
  ["the reference rubric", () => Promise.resolve(referenceRubric())],
  [
    "one with other options, weights and a critical rule",
    () =>
      configured({
        rules: { timeliness: { interview: { good: 5, adequate: 10 } }, "voice-of-child": { min_age: 5 }, "child-first": "off" },
        strategy: { name: "points", good: 1.5, adequate: 0.9, weights: { "multi-agency": 3 }, critical: ["risk-assessment"] },
      }),
  ],
  ["one with a plugin's rule", () => configured({ plugins: ["./medical-advice.mjs"] })],
  ["one with a rule written in the config", () => configured({ rules: { "doctor-seen": MEDICAL_ADVICE } })],
])("%s goes to the workers, and is made there to grade as here", async (_name, make) => {
  const rubric = await make();
  const wire = rubricToWire(rubric);
  expect(wire).toBeDefined();
  const back = await rubricFromWire(wire!);
  expect(back.strategy).toEqual(rubric.strategy);
  const settings = (r: Rubric<RuleLogic>) => r.rules.map(({ rule, options, critical, source }) => [rule.id, options, critical, source]);
  expect(settings(back)).toEqual(settings(rubric));
  for (const record of cases) {
    expect(back.rules.map(({ rule, options }) => rule.evaluate(record, options))).toEqual(rubric.rules.map(({ rule, options }) => rule.evaluate(record, options)));
  }
});

test("a rule made in code (from no file), or options that are not plain data, keep the rubric on the calling thread", () => {
  const reference = referenceRubric();
  const [first, ...rest] = reference.rules;
  const impostor = { ...first!, rule: { ...first!.rule, evaluate: () => ({ rating: "good" as const, findings: [] }) } };
  const plugin = { ...first!, rule: { ...first!.rule, id: "bail" }, source: "./rules/bail.mjs" };
  const functional = { ...first!, options: { good: 1, adequate: 3, when: () => true } };
  for (const rules of [[impostor, ...rest], [...rest, plugin], [functional, ...rest]]) expect(rubricToWire({ ...reference, rules })).toBeUndefined();
});

test.each([
  ["a module gone", "./no-such-rule.mjs", /"\.\/medical-advice\.mjs" failed to load in a worker thread/],
  ["a module that does not export the rule", "./station-named.mjs", /does not export it in a worker thread/],
])("%s: the worker cannot make the rule again, and says which", async (_name, path, message) => {
  const wire = rubricToWire(await configured({ plugins: ["./medical-advice.mjs"] }))!;
  const rule = wire.rules.find((r) => r.id === "medical-advice")!;
  rule.file = resolve("test/config/plugins", path);
  await expect(rubricFromWire(wire)).rejects.toThrow(UnloadableRule);
  await expect(rubricFromWire(wire)).rejects.toThrow(message);
});
