import { describe, expect, test } from "vitest";
import type { Case } from "../../input/case.js";
import { withOptions } from "../index.js";
import { riskAssessment as definition } from "./rule.js";
import { d, makeCase } from "../../../test/helpers/make-case.js";

const riskAssessment = withOptions(definition);

const defaults = riskAssessment.options.parse({});

// Reported Thursday 2015-07-02.
const assessed = (date: string, overrides: Partial<Case> = {}) =>
  makeCase({ risk_assessed_on: d(date), risk_assessment_quality: "good", ...overrides });

function rate(record: Case, options = defaults) {
  const { rating, findings } = riskAssessment.evaluate(record, options);
  return { rating, codes: findings.map((f) => f.code) };
}

describe("risk-assessment", () => {
  test("defaults are the rubric's", () => {
    expect(defaults).toEqual({ good: 1, adequate: 3 });
  });

  test.each<[string, Case, string, string[]]>([
    ["same day, good quality", assessed("2015-07-02"), "good", []],
    ["1 working day, good quality", assessed("2015-07-03"), "good", []],
    ["2 working days (over a weekend)", assessed("2015-07-06"), "adequate", ["slow"]],
    ["3 working days", assessed("2015-07-07"), "adequate", ["slow"]],
    ["4 working days", assessed("2015-07-08"), "inadequate", ["late"]],
    ["Friday to Monday is 1", assessed("2015-07-06", { reported_on: d("2015-07-03") }), "good", []],
    ["over Easter 2015 is 1", assessed("2015-04-07", { reported_on: d("2015-04-02") }), "good", []],
    ["Christmas Eve to 29 December 2014 is 1", assessed("2014-12-29", { reported_on: d("2014-12-24") }), "good", []],
    ["Christmas Eve to 31 December 2014 is 3", assessed("2014-12-31", { reported_on: d("2014-12-24") }), "adequate", ["slow"]],
    ["Christmas Eve to 2 January 2015 is 4", assessed("2015-01-02", { reported_on: d("2014-12-24") }), "inadequate", ["late"]],
    ["assessment dated before the report counts 0", assessed("2015-07-01"), "good", []],
    ["not recorded", makeCase(), "inadequate", ["not-recorded"]],
    ["not recorded, though a quality is", makeCase({ risk_assessment_quality: "good" }), "inadequate", ["not-recorded"]],
    ["poor quality", assessed("2015-07-02", { risk_assessment_quality: "poor" }), "inadequate", ["poor-quality"]],
    ["poor quality and late", assessed("2015-07-08", { risk_assessment_quality: "poor" }), "inadequate", ["poor-quality", "late"]],
    ["not recorded and poor quality", makeCase({ risk_assessment_quality: "poor" }), "inadequate", ["not-recorded", "poor-quality"]],
    ["adequate quality", assessed("2015-07-03", { risk_assessment_quality: "adequate" }), "adequate", ["adequate-quality"]],
    ["quality not recorded", assessed("2015-07-03", { risk_assessment_quality: undefined }), "adequate", ["quality-not-recorded"]],
    [
      "slow and adequate quality",
      assessed("2015-07-07", { risk_assessment_quality: "adequate" }),
      "adequate",
      ["slow", "adequate-quality"],
    ],
    ["late with adequate quality reports only the late", assessed("2015-07-08", { risk_assessment_quality: "adequate" }), "inadequate", ["late"]],
  ])("%s", (_name, record, rating, codes) => {
    expect(rate(record)).toEqual({ rating, codes });
  });

  test.each([
    ["a wider good limit makes 2 working days good", { good: 2 }, "2015-07-06", "good", []],
    ["a tighter adequate limit makes 3 working days late", { adequate: 2 }, "2015-07-07", "inadequate", ["late"]],
    ["a good limit of 0 makes next day slow", { good: 0 }, "2015-07-03", "adequate", ["slow"]],
  ])("%s", (_name, options, date, rating, codes) => {
    expect(rate(assessed(date), riskAssessment.options.parse(options))).toEqual({ rating, codes });
  });

  test("the message gives the delay against the target", () => {
    const [finding] = riskAssessment.evaluate(assessed("2015-07-08"), defaults).findings;
    expect(finding?.message).toBe("risk assessment 4 working days after report; target 1, at most 3");
    expect(finding?.fields).toEqual(["reported_on", "risk_assessed_on"]);
  });

  test("a single working day is singular", () => {
    const options = riskAssessment.options.parse({ good: 0 });
    expect(riskAssessment.evaluate(assessed("2015-07-03"), options).findings[0]?.message).toContain("1 working day after");
  });

  test.each([
    ["an unknown option", { late: 3 }],
    ["a fraction", { good: 1.5 }],
    ["a negative number", { adequate: -1 }],
    ["a word", { good: "one" }],
    ["adequate below good", { good: 4, adequate: 3 }],
  ])("rejects %s", (_name, options) => {
    expect(riskAssessment.options.safeParse(options).success).toBe(false);
  });

  test("a fraction is rejected in working days", () => {
    const result = riskAssessment.options.safeParse({ good: 1.5 });
    expect(result.error?.issues[0]?.message).toBe("expected a whole number of working days");
  });
});
