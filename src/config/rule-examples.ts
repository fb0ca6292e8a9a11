import type { Case } from "../input/case.js";
import { targetOf } from "../input/header.js";
import { checkRecord } from "../input/record.js";
import type { Rating, Rule, RuleExample, RuleResult } from "../rules/define-rule.js";

const example = (rating: Rating, summary: string, record: Record<string, string> = {}): RuleExample => ({ rating, summary, record });

/** Worked examples of each built-in rule for `audit rules <id>`; reported Thursday 2 July 2015. */
export const BUILT_IN_EXAMPLES: Readonly<Record<string, readonly RuleExample[]>> = {
  "risk-assessment": [
    example("good", "assessed the next working day, of good quality", {
      risk_assessed_on: "2015-07-03",
      risk_assessment_quality: "good",
    }),
    example("adequate", "assessed 3 working days after the report", {
      risk_assessed_on: "2015-07-07",
      risk_assessment_quality: "good",
    }),
    example("inadequate", "no risk assessment recorded"),
    example("inadequate", "assessed on the day, of poor quality", {
      risk_assessed_on: "2015-07-02",
      risk_assessment_quality: "poor",
    }),
  ],
  timeliness: [
    example("good", "referred the same day, strategy discussion the next working day", {
      social_care_referred_on: "2015-07-02",
      strategy_discussion_on: "2015-07-03",
    }),
    example("adequate", "child interviewed 15 working days after the report", { interviewed_on: "2015-07-23" }),
    example("inadequate", "strategy discussion 4 working days after the referral", {
      social_care_referred_on: "2015-07-02",
      strategy_discussion_on: "2015-07-08",
    }),
    example("n/a", "no referral, discussion, interview or arrest recorded"),
  ],
  "child-first": [
    example("good", "a 12-year-old recorded as the victim", { child_age: "12", child_role: "victim", concern: "neglect" }),
    example("adequate", "a 15-year-old recorded as both victim and suspect", {
      child_age: "15",
      child_role: "victim_and_suspect",
      concern: "physical_abuse",
    }),
    example("inadequate", "a 13-year-old 'in a relationship' with a 20-year-old, recorded as a witness", {
      child_age: "13",
      suspect_age: "20",
      concern: "cse",
      child_role: "witness",
    }),
    example("inadequate", "a 9-year-old arrested for pushing a sibling", {
      child_age: "9",
      child_arrested: "yes",
      arrest_minor: "yes",
      child_role: "suspect",
    }),
  ],
  "multi-agency": [
    example("good", "neglect referred to social care, and the school consulted", {
      concern: "neglect",
      social_care_referred_on: "2015-07-02",
      agencies_consulted: "social_care;education",
    }),
    example("adequate", "neglect referred to social care, no other agency", {
      concern: "neglect",
      social_care_referred_on: "2015-07-02",
    }),
    example("inadequate", "a four-year-old's injury: strategy discussion held, no doctor consulted", {
      child_age: "4",
      concern: "physical_abuse",
      social_care_referred_on: "2015-07-02",
      strategy_discussion_on: "2015-07-03",
    }),
  ],
  "voice-of-child": [
    example("good", "a 9-year-old's account and wishes recorded", { child_age: "9", child_views_recorded: "yes" }),
    example("adequate", "a 14-year-old's views not recorded", { child_age: "14", child_views_recorded: "no" }),
    example("n/a", "a 2-year-old, too young to give views", { child_age: "2" }),
  ],
};

export function examplesOf(rule: Rule<unknown>): readonly RuleExample[] {
  return rule.examples ?? BUILT_IN_EXAMPLES[rule.id] ?? [];
}

/** An example's columns as a validated case; the required fields default. */
export function exampleCase(example: RuleExample): Case {
  const fields: Record<string, unknown> = { case_id: "EXAMPLE-1", force: "Example", reported_on: "2015-07-02" };
  const extra: Record<string, string> = {};
  for (const [column, value] of Object.entries(example.record)) {
    const target = targetOf(column);
    if (target.kind === "field") fields[target.name] = value;
    else if (target.kind === "extra") extra[target.name] = value;
  }
  const checked = checkRecord(fields, extra);
  if (!checked.ok) {
    const [problem] = checked.problems;
    throw new Error(`the example "${example.summary}" is not a valid case: ${problem!.field}: ${problem!.reason}`);
  }
  return checked.record;
}

/** What the rule makes of its example under the given options; a rule that throws is shown as such. */
export function runExample(rule: Rule<unknown>, options: unknown, example: RuleExample): RuleResult | { error: string } {
  try {
    return rule.evaluate(exampleCase(example), options);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
