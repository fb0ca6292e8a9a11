import { expect, test } from "vitest";
import { referenceRubric } from "../../src/engine/rubric.js";
import { withOptions } from "../../src/rules/index.js";
import { BUILT_IN_DEFINITIONS } from "../../src/rules/registry.js";

test.each(BUILT_IN_DEFINITIONS.map((rule) => [rule.id, rule] as const))(
  "%s: a config that sets no option gets the defaults the reference rubric grades by",
  (_id, rule) => {
    expect(withOptions(rule).options.parse({})).toEqual(rule.defaults);
  },
);

test("the reference rubric grades by each rule's defaults, a copy of its own in every rubric", () => {
  const first = referenceRubric();
  expect(first.rules.map(({ rule, options }) => [rule.id, options])).toEqual(BUILT_IN_DEFINITIONS.map((rule) => [rule.id, rule.defaults]));
  (first.rules.find(({ rule }) => rule.id === "multi-agency")!.options as { health_for: string[] }).health_for.push("neglect");
  expect(referenceRubric().rules.map(({ options }) => options)).toEqual(BUILT_IN_DEFINITIONS.map((rule) => rule.defaults));
});
