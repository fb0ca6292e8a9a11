import { workingDaysBetween } from "../../calendar/working-days.js";
import type { Case, CaseDate } from "../../input/case.js";
import { builtInRule } from "../_built-in.js";
import type { Finding, Rating } from "../define-rule.js";
import { rateDelay, workingDayLimits, workingDays } from "../_delay.js";

interface Milestone {
  key: "referral" | "strategy_discussion" | "interview" | "suspect_arrest";
  label: string;
  to: "social_care_referred_on" | "strategy_discussion_on" | "interviewed_on" | "suspect_arrested_on";
  /** The field the delay is counted from, and what the auditor calls it. */
  from(record: Case): { field: "reported_on" | "social_care_referred_on"; date: CaseDate; label: string };
}

const fromReport = (record: Case) => ({ field: "reported_on" as const, date: record.reported_on, label: "report" });

const MILESTONES: readonly Milestone[] = [
  { key: "referral", label: "referral to social care", to: "social_care_referred_on", from: fromReport },
  {
    key: "strategy_discussion",
    label: "strategy discussion",
    to: "strategy_discussion_on",
    from: (record) =>
      record.social_care_referred_on
        ? { field: "social_care_referred_on", date: record.social_care_referred_on, label: "referral" }
        : fromReport(record),
  },
  { key: "interview", label: "child's interview", to: "interviewed_on", from: fromReport },
  { key: "suspect_arrest", label: "suspect arrest", to: "suspect_arrested_on", from: fromReport },
];

const ORDER: Record<Rating, number> = { "n/a": 0, good: 1, adequate: 2, inadequate: 3 };

export const timeliness = builtInRule({
  id: "timeliness",
  description: "Referral, strategy discussion, interview and suspect arrest followed the report without delay",
  fields: ["reported_on", "social_care_referred_on", "strategy_discussion_on", "interviewed_on", "suspect_arrested_on"],
  codes: ["referral-slow", "referral-late", "strategy-discussion-slow", "strategy-discussion-late", "interview-slow", "interview-late", "suspect-arrest-slow", "suspect-arrest-late"],
  options: (z) =>
    z
      .object({
        referral: workingDayLimits(z, 1, 3).prefault({}),
        strategy_discussion: workingDayLimits(z, 1, 3).prefault({}),
        interview: workingDayLimits(z, 10, 20).prefault({}),
        suspect_arrest: workingDayLimits(z, 5, 20).prefault({}),
      })
      .strict(),
  evaluate(record, options) {
    let rating: Rating = "n/a";
    const findings: Finding[] = [];
    for (const milestone of MILESTONES) {
      const to = record[milestone.to];
      if (!to) continue;
      const from = milestone.from(record);
      const limits = options[milestone.key];
      const days = workingDaysBetween(from.date.day, to.day);
      const delay = rateDelay(days, limits);
      if (ORDER[delay] > ORDER[rating]) rating = delay;
      if (delay === "good") continue;
      const target = `target ${limits.good}, at most ${limits.adequate}`;
      findings.push({
        code: `${milestone.key.replace("_", "-")}-${delay === "adequate" ? "slow" : "late"}`,
        message: `${milestone.label} ${workingDays(days)} after ${from.label}; ${target}`,
        fields: [from.field, milestone.to],
      });
    }
    return { rating, findings };
  },
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
