import { describe, test } from "vitest";
import { withOptions } from "../index.js";
import { RuleTester } from "../tester.js";
import { riskAssessment } from "./rule.js";

// Reported Thursday 2015-07-02 (the tester's default), unless a case says otherwise.
const assessed = (date: string, record: Record<string, string> = {}) => ({ risk_assessed_on: date, risk_assessment_quality: "good", ...record });

new RuleTester({ describe, test }).run(withOptions(riskAssessment), {
  defaults: { good: 1, adequate: 3 },
  valid: [
    { name: "same day, good quality", record: assessed("2015-07-02"), rating: "good" },
    { name: "1 working day, good quality", record: assessed("2015-07-03"), rating: "good" },
    { name: "Friday to Monday is 1", record: assessed("2015-07-06", { reported_on: "2015-07-03" }), rating: "good" },
    { name: "over Easter 2015 is 1", record: assessed("2015-04-07", { reported_on: "2015-04-02" }), rating: "good" },
    { name: "Christmas Eve to 29 December 2014 is 1", record: assessed("2014-12-29", { reported_on: "2014-12-24" }), rating: "good" },
    { name: "assessment dated before the report counts 0", record: assessed("2015-07-01"), rating: "good" },
    { name: "a wider good limit makes 2 working days good", options: { good: 2 }, record: assessed("2015-07-06"), rating: "good" },
  ],
  invalid: [
    { name: "2 working days (over a weekend)", record: assessed("2015-07-06"), rating: "adequate", codes: ["slow"] },
    { name: "3 working days", record: assessed("2015-07-07"), rating: "adequate", codes: ["slow"] },
    {
      name: "4 working days: the message gives the delay against the target",
      record: assessed("2015-07-08"),
      rating: "inadequate",
      codes: ["late"],
      findings: [{ message: "risk assessment 4 working days after report; target 1, at most 3", fields: ["reported_on", "risk_assessed_on"] }],
    },
    { name: "Christmas Eve to 31 December 2014 is 3", record: assessed("2014-12-31", { reported_on: "2014-12-24" }), rating: "adequate", codes: ["slow"] },
    { name: "Christmas Eve to 2 January 2015 is 4", record: assessed("2015-01-02", { reported_on: "2014-12-24" }), rating: "inadequate", codes: ["late"] },
    { name: "not recorded", record: {}, rating: "inadequate", codes: ["not-recorded"] },
    { name: "not recorded, though a quality is", record: { risk_assessment_quality: "good" }, rating: "inadequate", codes: ["not-recorded"] },
    { name: "poor quality", record: assessed("2015-07-02", { risk_assessment_quality: "poor" }), rating: "inadequate", codes: ["poor-quality"] },
    { name: "poor quality and late", record: assessed("2015-07-08", { risk_assessment_quality: "poor" }), rating: "inadequate", codes: ["poor-quality", "late"] },
    { name: "not recorded and poor quality", record: { risk_assessment_quality: "poor" }, rating: "inadequate", codes: ["not-recorded", "poor-quality"] },
    { name: "adequate quality", record: assessed("2015-07-03", { risk_assessment_quality: "adequate" }), rating: "adequate", codes: ["adequate-quality"] },
    { name: "quality not recorded", record: { risk_assessed_on: "2015-07-03" }, rating: "adequate", codes: ["quality-not-recorded"] },
    { name: "slow and adequate quality", record: assessed("2015-07-07", { risk_assessment_quality: "adequate" }), rating: "adequate", codes: ["slow", "adequate-quality"] },
    {
      name: "late with adequate quality reports only the late",
      record: assessed("2015-07-08", { risk_assessment_quality: "adequate" }),
      rating: "inadequate",
      codes: ["late"],
    },
    { name: "a tighter adequate limit makes 3 working days late", options: { adequate: 2 }, record: assessed("2015-07-07"), rating: "inadequate", codes: ["late"] },
    {
      name: "a good limit of 0 makes the next day slow, and a single working day is singular",
      options: { good: 0 },
      record: assessed("2015-07-03"),
      rating: "adequate",
      codes: ["slow"],
      findings: [{ message: "risk assessment 1 working day after report; target 0, at most 3" }],
    },
  ],
  refused: [
    { name: "an unknown option", options: { late: 3 } },
    { name: "a fraction, in working days", options: { good: 1.5 }, message: "expected a whole number of working days" },
    { name: "a negative number", options: { adequate: -1 } },
    { name: "a word", options: { good: "one" } },
    { name: "adequate below good", options: { good: 4, adequate: 3 } },
  ],
});
