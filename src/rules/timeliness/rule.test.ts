import { describe, expect, test } from "vitest";
import type { Case } from "../../input/case.js";
import { withOptions } from "../index.js";
import { timeliness as definition } from "./rule.js";
import { d, makeCase } from "../../../test/helpers/make-case.js";

const timeliness = withOptions(definition);

const defaults = timeliness.options.parse({});

function rate(record: Case, options = defaults) {
  const { rating, findings } = timeliness.evaluate(record, options);
  return { rating, codes: findings.map((f) => f.code) };
}

// Reported Thursday 2015-07-02; working days after it: 07-03 = 1, 07-06 = 2, 07-07 = 3, 07-08 = 4.
describe("timeliness", () => {
  test("defaults are the rubric's", () => {
    expect(defaults).toEqual({
      referral: { good: 1, adequate: 3 },
      strategy_discussion: { good: 1, adequate: 3 },
      interview: { good: 10, adequate: 20 },
      suspect_arrest: { good: 5, adequate: 20 },
    });
  });

  test("n/a with no findings when no milestone is recorded", () => {
    expect(rate(makeCase())).toEqual({ rating: "n/a", codes: [] });
  });

  test.each<[string, string, string, string[]]>([
    ["0 working days", "2015-07-02", "good", []],
    ["1 working day", "2015-07-03", "good", []],
    ["2 working days", "2015-07-06", "adequate", ["referral-slow"]],
    ["3 working days", "2015-07-07", "adequate", ["referral-slow"]],
    ["4 working days", "2015-07-08", "inadequate", ["referral-late"]],
  ])("referral after %s", (_name, date, rating, codes) => {
    expect(rate(makeCase({ social_care_referred_on: d(date) }))).toEqual({ rating, codes });
  });

  test.each<[string, string, string, string, string[]]>([
    ["Friday to Monday is 1", "2015-07-03", "2015-07-06", "good", []],
    ["over Easter 2015 is 1", "2015-04-02", "2015-04-07", "good", []],
    ["Thursday to Wednesday after Easter 2015 is 2", "2015-04-02", "2015-04-08", "adequate", ["referral-slow"]],
    ["Christmas Eve to 29 December 2014 is 1", "2014-12-24", "2014-12-29", "good", []],
    ["Christmas Eve to 2 January 2015 is 4", "2014-12-24", "2015-01-02", "inadequate", ["referral-late"]],
  ])("referral %s", (_name, reported, referred, rating, codes) => {
    const record = makeCase({ reported_on: d(reported), social_care_referred_on: d(referred) });
    expect(rate(record)).toEqual({ rating, codes });
  });

  test.each<[string, Partial<Case>, string, string[]]>([
    ["from the referral, 1 working day", { social_care_referred_on: d("2015-07-03"), strategy_discussion_on: d("2015-07-06") }, "good", []],
    [
      "from the referral, 3 working days",
      { social_care_referred_on: d("2015-07-02"), strategy_discussion_on: d("2015-07-07") },
      "adequate",
      ["strategy-discussion-slow"],
    ],
    [
      "from the referral, 4 working days",
      { social_care_referred_on: d("2015-07-02"), strategy_discussion_on: d("2015-07-08") },
      "inadequate",
      ["strategy-discussion-late"],
    ],
    ["from the report when no referral, 1 working day", { strategy_discussion_on: d("2015-07-03") }, "good", []],
    ["from the report when no referral, 2 working days", { strategy_discussion_on: d("2015-07-06") }, "adequate", ["strategy-discussion-slow"]],
    ["from the report when no referral, 4 working days", { strategy_discussion_on: d("2015-07-08") }, "inadequate", ["strategy-discussion-late"]],
  ])("strategy discussion %s", (_name, overrides, rating, codes) => {
    expect(rate(makeCase(overrides))).toEqual({ rating, codes });
  });

  test.each<[string, string, string, string[]]>([
    ["10 working days", "2015-07-16", "good", []],
    ["11 working days", "2015-07-17", "adequate", ["interview-slow"]],
    ["20 working days", "2015-07-30", "adequate", ["interview-slow"]],
    ["21 working days", "2015-07-31", "inadequate", ["interview-late"]],
  ])("interview after %s", (_name, date, rating, codes) => {
    expect(rate(makeCase({ interviewed_on: d(date) }))).toEqual({ rating, codes });
  });

  test.each<[string, string, string, string[]]>([
    ["5 working days", "2015-07-09", "good", []],
    ["6 working days", "2015-07-10", "adequate", ["suspect-arrest-slow"]],
    ["20 working days", "2015-07-30", "adequate", ["suspect-arrest-slow"]],
    ["21 working days", "2015-07-31", "inadequate", ["suspect-arrest-late"]],
  ])("suspect arrest after %s", (_name, date, rating, codes) => {
    expect(rate(makeCase({ suspect_arrested_on: d(date) }))).toEqual({ rating, codes });
  });

  test.each<[string, Partial<Case>, string, string[]]>([
    [
      "rates the worst milestone and reports each one that was not good",
      {
        social_care_referred_on: d("2015-07-06"),
        strategy_discussion_on: d("2015-07-07"),
        interviewed_on: d("2015-07-31"),
        suspect_arrested_on: d("2015-07-10"),
      },
      "inadequate",
      ["referral-slow", "interview-late", "suspect-arrest-slow"],
    ],
    [
      "all good",
      {
        social_care_referred_on: d("2015-07-02"),
        strategy_discussion_on: d("2015-07-03"),
        interviewed_on: d("2015-07-09"),
        suspect_arrested_on: d("2015-07-03"),
      },
      "good",
      [],
    ],
  ])("%s", (_name, overrides, rating, codes) => {
    expect(rate(makeCase(overrides))).toEqual({ rating, codes });
  });

  test.each([
    ["a wider referral limit makes 2 working days good", { referral: { good: 2 } }, { social_care_referred_on: d("2015-07-06") }, "good", []],
    [
      "a tighter interview limit makes 11 working days late",
      { interview: { adequate: 10 } },
      { interviewed_on: d("2015-07-17") },
      "inadequate",
      ["interview-late"],
    ],
    [
      "changing one milestone leaves the others at their defaults",
      { interview: { good: 20 } },
      { social_care_referred_on: d("2015-07-06") },
      "adequate",
      ["referral-slow"],
    ],
  ])("%s", (_name, options, overrides, rating, codes) => {
    expect(rate(makeCase(overrides), timeliness.options.parse(options))).toEqual({ rating, codes });
  });

  test("the message gives the delay against the target", () => {
    const record = makeCase({ social_care_referred_on: d("2015-07-02"), strategy_discussion_on: d("2015-07-10") });
    const [finding] = timeliness.evaluate(record, defaults).findings;
    expect(finding?.message).toBe("strategy discussion 6 working days after referral; target 1, at most 3");
    expect(finding?.fields).toEqual(["social_care_referred_on", "strategy_discussion_on"]);
  });

  test.each([
    ["an unknown milestone", { charge: { good: 1 } }],
    ["an unknown limit", { referral: { bad: 1 } }],
    ["a fraction", { interview: { good: 2.5 } }],
    ["adequate below good", { suspect_arrest: { good: 30 } }],
  ])("rejects %s", (_name, options) => {
    expect(timeliness.options.safeParse(options).success).toBe(false);
  });
});
