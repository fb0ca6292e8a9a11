import { describe, expect, test } from "vitest";
import { canonicalJson, describeRubric, referenceRubric, rubricHash, type Rubric } from "../../src/engine/rubric.js";

const withOptions = (rubric: Rubric, id: string, options: unknown): Rubric => ({
  ...rubric,
  rules: rubric.rules.map((active) => (active.rule.id === id ? { ...active, options } : active)),
});

describe("describeRubric", () => {
  test("the reference rubric: worst, every built-in rule with its defaults, no plugins", () => {
    const description = describeRubric(referenceRubric());
    expect(description.strategy).toEqual({ name: "worst" });
    expect(description.rules.map((r) => r.id)).toEqual(["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"]);
    expect(description.rules[0]).toEqual({ id: "risk-assessment", options: { good: 1, adequate: 3 }, critical: false, source: "built-in" });
    expect(description.plugins).toEqual([]);
  });

  test("under points each rule carries its weight, 1 unless set", () => {
    const rubric: Rubric = { ...referenceRubric(), strategy: { name: "points", good: 1.75, adequate: 1, weights: { timeliness: 2 } } };
    const description = describeRubric(rubric);
    expect(description.strategy).toEqual({ name: "points", good: 1.75, adequate: 1 });
    expect(description.rules.map((r) => r.weight)).toEqual([1, 2, 1, 1, 1]);
  });
});

describe("rubricHash", () => {
  const reference = rubricHash(referenceRubric());

  test("is sha256 of the canonical description, and stable", () => {
    expect(reference).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rubricHash(referenceRubric())).toBe(reference);
  });

  test.each<[string, Rubric]>([
    ["an option changes", withOptions(referenceRubric(), "voice-of-child", { min_age: 4 })],
    ["a rule is dropped", { ...referenceRubric(), rules: referenceRubric().rules.slice(1) }],
    ["a rule becomes critical", { ...referenceRubric(), rules: referenceRubric().rules.map((r, i) => ({ ...r, critical: i === 0 })) }],
    ["the strategy changes", { ...referenceRubric(), strategy: { name: "points", good: 1.75, adequate: 1, weights: {} } }],
  ])("changes when %s", (_name, rubric) => {
    expect(rubricHash(rubric)).not.toBe(reference);
  });

  test("does not depend on the order of option keys", () => {
    const reordered = withOptions(referenceRubric(), "risk-assessment", { adequate: 3, good: 1 });
    expect(rubricHash(reordered)).toBe(reference);
  });

  test("canonical JSON sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
