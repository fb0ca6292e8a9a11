import { describe, expect, test } from "vitest";
import { runExample } from "../../src/config/rule-examples.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";

describe.each(BUILT_IN_RULES.map((rule) => [rule.id, rule] as const))("the examples of %s", (_id, rule) => {
  const examples = rule.examples ?? [];

  test("show a good, an adequate and (where the rule has one) an inadequate case", () => {
    const ratings = new Set(examples.map((e) => e.rating));
    expect(ratings).toContain("good");
    expect(ratings).toContain("adequate");
    if (rule.id !== "voice-of-child") expect(ratings).toContain("inadequate");
  });

  test.each(examples.map((example) => [example.summary, example] as const))("%s", (_summary, example) => {
    const result = runExample(rule, rule.options.parse({}), example);
    expect("error" in result ? result.error : result.rating).toBe(example.rating);
  });
});
