import { describe, expect, test } from "vitest";
import type { Case } from "../../input/case.js";
import { withOptions } from "../index.js";
import { multiAgency as definition } from "./rule.js";
import { d, makeCase } from "../../../test/helpers/make-case.js";

const multiAgency = withOptions(definition);

const defaults = multiAgency.options.parse({});

function rate(record: Case, options = defaults) {
  const { rating, findings } = multiAgency.evaluate(record, options);
  return { rating, codes: findings.map((f) => f.code) };
}

const referred = d("2015-07-02");
const discussed = d("2015-07-03");

describe("multi-agency", () => {
  test("defaults are the rubric's", () => {
    expect(defaults).toEqual({ health_for: ["sexual_abuse", "physical_abuse"] });
  });

  test.each<[string, Partial<Case>, string, string[]]>([
    ["social care and education, neglect", { concern: ["neglect"], agencies_consulted: ["social_care", "education"] }, "good", []],
    ["referred to social care, education listed", { social_care_referred_on: referred, agencies_consulted: ["education"] }, "good", []],
    [
      "physical abuse with social care, health and a strategy discussion",
      { concern: ["physical_abuse"], social_care_referred_on: referred, strategy_discussion_on: discussed, agencies_consulted: ["health"] },
      "good",
      [],
    ],
    ["social care alone, listed", { agencies_consulted: ["social_care"] }, "adequate", ["social-care-only"]],
    ["social care alone, referred", { social_care_referred_on: referred }, "adequate", ["social-care-only"]],
    ["nobody consulted", {}, "inadequate", ["no-social-care"]],
    ["health and education but not social care", { agencies_consulted: ["health", "education"] }, "inadequate", ["no-social-care"]],
    [
      "sexual abuse and no strategy discussion",
      { concern: ["sexual_abuse"], agencies_consulted: ["social_care", "health"] },
      "inadequate",
      ["no-strategy-discussion"],
    ],
    ["cse and no strategy discussion", { concern: ["cse"], agencies_consulted: ["social_care", "education"] }, "inadequate", ["no-strategy-discussion"]],
    [
      "high risk neglect and no strategy discussion",
      { concern: ["neglect"], risk_level: "high", agencies_consulted: ["social_care", "education"] },
      "inadequate",
      ["no-strategy-discussion"],
    ],
    [
      "medium risk neglect needs no strategy discussion",
      { concern: ["neglect"], risk_level: "medium", agencies_consulted: ["social_care", "education"] },
      "good",
      [],
    ],
    [
      "physical abuse and no health",
      { concern: ["physical_abuse"], strategy_discussion_on: discussed, agencies_consulted: ["social_care", "education"] },
      "inadequate",
      ["no-health"],
    ],
    [
      "cse needs no health by default",
      { concern: ["cse"], strategy_discussion_on: discussed, agencies_consulted: ["social_care", "education"] },
      "good",
      [],
    ],
    ["every inadequate bullet at once", { concern: ["sexual_abuse"] }, "inadequate", ["no-social-care", "no-strategy-discussion", "no-health"]],
    [
      "inadequate hides social care alone",
      { concern: ["physical_abuse"], social_care_referred_on: referred, strategy_discussion_on: discussed },
      "inadequate",
      ["no-health"],
    ],
  ])("%s", (_name, overrides, rating, codes) => {
    expect(rate(makeCase(overrides))).toEqual({ rating, codes });
  });

  test.each<[string, object, Partial<Case>, string, string[]]>([
    [
      "health required for cse",
      { health_for: ["cse"] },
      { concern: ["cse"], strategy_discussion_on: discussed, agencies_consulted: ["social_care", "education"] },
      "inadequate",
      ["no-health"],
    ],
    [
      "health not required for anything",
      { health_for: [] },
      { concern: ["physical_abuse"], strategy_discussion_on: discussed, agencies_consulted: ["social_care", "education"] },
      "good",
      [],
    ],
  ])("%s", (_name, options, overrides, rating, codes) => {
    expect(rate(makeCase(overrides), multiAgency.options.parse(options))).toEqual({ rating, codes });
  });

  test("the message names the concern", () => {
    const record = makeCase({ concern: ["physical_abuse"], strategy_discussion_on: discussed, agencies_consulted: ["social_care"] });
    const [finding] = multiAgency.evaluate(record, defaults).findings;
    expect(finding?.message).toBe("no health agency consulted about a physical abuse concern");
    expect(finding?.fields).toEqual(["concern", "agencies_consulted"]);
  });

  test.each<[string, Partial<Case>, string]>([
    ["a concern", { concern: ["neglect", "cse"] }, "no strategy discussion recorded for a child sexual exploitation concern"],
    ["high risk", { concern: ["neglect"], risk_level: "high" }, "no strategy discussion recorded for a high-risk case"],
  ])("a missing strategy discussion names why it was needed: %s", (_name, overrides, message) => {
    const findings = multiAgency.evaluate(makeCase({ agencies_consulted: ["social_care"], ...overrides }), defaults).findings;
    expect(findings.map((f) => f.message)).toEqual([message]);
  });

  test.each([
    ["an unknown option", { health: ["cse"] }],
    ["an unknown concern", { health_for: ["bullying"] }],
    ["a single word, not a list", { health_for: "cse" }],
  ])("rejects %s", (_name, options) => {
    expect(multiAgency.options.safeParse(options).success).toBe(false);
  });

  test("defaults are not shared between parses", () => {
    multiAgency.options.parse({}).health_for.push("neglect");
    expect(multiAgency.options.parse({}).health_for).toEqual(["sexual_abuse", "physical_abuse"]);
  });
});
