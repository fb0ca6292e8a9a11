import { expect, test } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import { rubricFromWire, rubricToWire } from "../../src/fast/_rubric.js";

// Every test in test/fast compares the fast path with the reference, so a rubric wrongly refused
// would pass them all, read the slow way: here is which rubrics go to the workers.

const configured = async (raw: unknown): Promise<Rubric> => (await parseConfig(raw, process.cwd(), "audit.config.json")).rubric;

test("the reference rubric, and one configured with other options, weights and a critical rule, go to the workers whole", async () => {
  const rubrics = [
    referenceRubric(),
    await configured({
      rules: { timeliness: { interview: { good: 5, adequate: 10 } }, "voice-of-child": { min_age: 5 }, "child-first": "off" },
      strategy: { name: "points", good: 1.5, adequate: 0.9, weights: { "multi-agency": 3 }, critical: ["risk-assessment"] },
    }),
  ];
  for (const rubric of rubrics) {
    const wire = rubricToWire(rubric);
    expect(wire).toBeDefined();
    const back = rubricFromWire(wire!);
    expect(back.strategy).toEqual(rubric.strategy);
    expect(back.rules.map(({ rule, options, critical }) => [rule.id, options, critical])).toEqual(rubric.rules.map(({ rule, options, critical }) => [rule.id, options, critical]));
    // Each rule on the workers evaluates as the main thread's does.
    expect(back.rules.map(({ rule }) => rule.evaluate)).toEqual(rubric.rules.map(({ rule }) => rule.evaluate));
  }
});

test("a rubric with a rule not built in, or options that are not plain data, is read the reference way", () => {
  const reference = referenceRubric();
  const [first, ...rest] = reference.rules;
  const impostor = { ...first!, rule: { ...first!.rule, evaluate: () => ({ rating: "good" as const, findings: [] }) } };
  const plugin = { ...first!, source: "./rules/bail.mjs" };
  const functional = { ...first!, options: { good: 1, adequate: 3, when: () => true } };
  for (const rules of [[impostor, ...rest], [...rest, plugin], [functional, ...rest]]) expect(rubricToWire({ ...reference, rules })).toBeUndefined();
});
