import { workingDaysBetween } from "../../calendar/working-days.js";
import { builtInRule } from "../_built-in.js";
import { dateField, type CaseView, type DateField } from "../case-view.js";
import { N_A, ADEQUATE, type Check } from "../checks.js";
import { delayLevel, workingDayLimits, workingDays } from "../_delay.js";

type Limits = { good: number; adequate: number };

const REPORTED = dateField("reported_on");
const REFERRED = dateField("social_care_referred_on");

/** A milestone's delay, counted from the report, or from the referral when it has one and one is recorded. */
function milestone(key: string, label: string, to: DateField, limits: Limits, afterReferral = false): Check {
  // Codes and fields made once, not per finding: a JSON report looks each finding's code up by its text.
  const fromReport = { field: REPORTED, label: "report", fields: [REPORTED.name, to.name] };
  const fromReferral = { field: REFERRED, label: "referral", fields: [REFERRED.name, to.name] };
  const from = (view: CaseView) => (afterReferral && view.recorded(REFERRED) ? fromReferral : fromReport);
  const days = (view: CaseView, start = from(view)) => workingDaysBetween(view.day(start.field), view.day(to));
  const code = key.replace("_", "-");
  const [slow, late] = [`${code}-slow`, `${code}-late`];
  return {
    level: (view) => (view.recorded(to) ? delayLevel(days(view), limits) : N_A),
    finding: (view, level) => {
      const start = from(view);
      return {
        code: level === ADEQUATE ? slow : late,
        message: `${label} ${workingDays(days(view, start))} after ${start.label}; target ${limits.good}, at most ${limits.adequate}`,
        fields: start.fields,
      };
    },
  };
}

export const timeliness = builtInRule({
  id: "timeliness",
  description: "Referral, strategy discussion, interview and suspect arrest followed the report without delay",
  fields: ["reported_on", "social_care_referred_on", "strategy_discussion_on", "interviewed_on", "suspect_arrested_on"],
  codes: [
    "referral-slow",
    "referral-late",
    "strategy-discussion-slow",
    "strategy-discussion-late",
    "interview-slow",
    "interview-late",
    "suspect-arrest-slow",
    "suspect-arrest-late",
  ],
  defaults: {
    referral: { good: 1, adequate: 3 },
    strategy_discussion: { good: 1, adequate: 3 },
    interview: { good: 10, adequate: 20 },
    suspect_arrest: { good: 5, adequate: 20 },
  },
  options: (z, defaults) =>
    z
      .object({
        referral: workingDayLimits(z, defaults.referral).prefault({}),
        strategy_discussion: workingDayLimits(z, defaults.strategy_discussion).prefault({}),
        interview: workingDayLimits(z, defaults.interview).prefault({}),
        suspect_arrest: workingDayLimits(z, defaults.suspect_arrest).prefault({}),
      })
      .strict(),
  // A milestone not recorded is n/a, so the rule is n/a when none is.
  checks: (options) => ({
    checks: [
      milestone("referral", "referral to social care", REFERRED, options.referral),
      milestone("strategy_discussion", "strategy discussion", dateField("strategy_discussion_on"), options.strategy_discussion, true),
      milestone("interview", "child's interview", dateField("interviewed_on"), options.interview),
      milestone("suspect_arrest", "suspect arrest", dateField("suspect_arrested_on"), options.suspect_arrest),
    ],
    everyLevel: true,
  }),
  examples: [
    {
      rating: "good",
      summary: "referred the same day, strategy discussion the next working day",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-03" },
    },
    { rating: "adequate", summary: "child interviewed 15 working days after the report", record: { interviewed_on: "2015-07-23" } },
    {
      rating: "inadequate",
      summary: "strategy discussion 4 working days after the referral",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-08" },
    },
    { rating: "n/a", summary: "no referral, discussion, interview or arrest recorded", record: {} },
  ],
});
