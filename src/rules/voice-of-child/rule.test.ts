import { describe, expect, test } from "vitest";
import type { Case } from "../../input/case.js";
import { withOptions } from "../index.js";
import { voiceOfChild as definition } from "./rule.js";
import { makeCase } from "../../../test/helpers/make-case.js";

const voiceOfChild = withOptions(definition);

const defaults = voiceOfChild.options.parse({});

function rate(record: Case, options = defaults) {
  const { rating, findings } = voiceOfChild.evaluate(record, options);
  return { rating, codes: findings.map((f) => f.code) };
}

describe("voice-of-child", () => {
  test("defaults are the rubric's", () => {
    expect(defaults).toEqual({ min_age: 3 });
  });

  test.each<[string, Partial<Case>, string, string[]]>([
    ["aged 2, views not recorded", { child_age: 2, child_views_recorded: false }, "n/a", []],
    ["aged 0", { child_age: 0 }, "n/a", []],
    ["aged 3, views recorded", { child_age: 3, child_views_recorded: true }, "good", []],
    ["aged 3, views not recorded", { child_age: 3, child_views_recorded: false }, "adequate", ["views-not-recorded"]],
    ["aged 15, views recorded", { child_age: 15, child_views_recorded: true }, "good", []],
    ["aged 15, views not recorded", { child_age: 15, child_views_recorded: false }, "adequate", ["views-not-recorded"]],
    ["aged 15, whether views were recorded not recorded", { child_age: 15 }, "adequate", ["views-not-evidenced"]],
    ["age not recorded, views recorded", { child_views_recorded: true }, "good", []],
    ["age not recorded, views not recorded", { child_views_recorded: false }, "adequate", ["views-not-recorded"]],
  ])("%s", (_name, overrides, rating, codes) => {
    expect(rate(makeCase(overrides))).toEqual({ rating, codes });
  });

  test.each<[string, object, Partial<Case>, string, string[]]>([
    ["a higher minimum age makes a 4-year-old n/a", { min_age: 5 }, { child_age: 4, child_views_recorded: false }, "n/a", []],
    ["a minimum age of 0 applies to a baby", { min_age: 0 }, { child_age: 0, child_views_recorded: false }, "adequate", ["views-not-recorded"]],
  ])("%s", (_name, options, overrides, rating, codes) => {
    expect(rate(makeCase(overrides), voiceOfChild.options.parse(options))).toEqual({ rating, codes });
  });

  test("an unrecorded answer is reported as not evidenced", () => {
    const [finding] = voiceOfChild.evaluate(makeCase({ child_age: 8 }), defaults).findings;
    expect(finding?.message).toMatch(/not recorded.*not evidenced/);
    expect(finding?.fields).toEqual(["child_views_recorded"]);
  });

  test.each([
    ["an unknown option", { age: 3 }],
    ["a fraction", { min_age: 2.5 }],
  ])("rejects %s", (_name, options) => {
    expect(voiceOfChild.options.safeParse(options).success).toBe(false);
  });
});
