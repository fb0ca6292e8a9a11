import { describe, test } from "vitest";
import { withOptions } from "../index.js";
import { RuleTester } from "../tester.js";
import { timeliness } from "./rule.js";

// Reported Thursday 2015-07-02 (the tester's default); working days after it: 07-03 = 1, 07-06 = 2,
// 07-07 = 3, 07-08 = 4, 07-09 = 5, 07-10 = 6, 07-16 = 10, 07-17 = 11, 07-30 = 20, 07-31 = 21.
new RuleTester({ describe, test }).run(withOptions(timeliness), {
  defaults: {
    referral: { good: 1, adequate: 3 },
    strategy_discussion: { good: 1, adequate: 3 },
    interview: { good: 10, adequate: 20 },
    suspect_arrest: { good: 5, adequate: 20 },
  },
  valid: [
    { name: "no milestone recorded", record: {}, rating: "n/a" },
    { name: "referral after 0 working days", record: { social_care_referred_on: "2015-07-02" }, rating: "good" },
    { name: "referral after 1 working day", record: { social_care_referred_on: "2015-07-03" }, rating: "good" },
    { name: "referral Friday to Monday is 1", record: { reported_on: "2015-07-03", social_care_referred_on: "2015-07-06" }, rating: "good" },
    { name: "referral over Easter 2015 is 1", record: { reported_on: "2015-04-02", social_care_referred_on: "2015-04-07" }, rating: "good" },
    { name: "referral Christmas Eve to 29 December 2014 is 1", record: { reported_on: "2014-12-24", social_care_referred_on: "2014-12-29" }, rating: "good" },
    {
      name: "strategy discussion from the referral, 1 working day",
      record: { social_care_referred_on: "2015-07-03", strategy_discussion_on: "2015-07-06" },
      rating: "good",
    },
    { name: "strategy discussion from the report when no referral, 1 working day", record: { strategy_discussion_on: "2015-07-03" }, rating: "good" },
    { name: "interview after 10 working days", record: { interviewed_on: "2015-07-16" }, rating: "good" },
    { name: "suspect arrest after 5 working days", record: { suspect_arrested_on: "2015-07-09" }, rating: "good" },
    {
      name: "all good",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-03", interviewed_on: "2015-07-09", suspect_arrested_on: "2015-07-03" },
      rating: "good",
    },
    { name: "a wider referral limit makes 2 working days good", options: { referral: { good: 2 } }, record: { social_care_referred_on: "2015-07-06" }, rating: "good" },
  ],
  invalid: [
    { name: "referral after 2 working days", record: { social_care_referred_on: "2015-07-06" }, rating: "adequate", codes: ["referral-slow"] },
    { name: "referral after 3 working days", record: { social_care_referred_on: "2015-07-07" }, rating: "adequate", codes: ["referral-slow"] },
    { name: "referral after 4 working days", record: { social_care_referred_on: "2015-07-08" }, rating: "inadequate", codes: ["referral-late"] },
    {
      name: "referral Thursday to Wednesday after Easter 2015 is 2",
      record: { reported_on: "2015-04-02", social_care_referred_on: "2015-04-08" },
      rating: "adequate",
      codes: ["referral-slow"],
    },
    {
      name: "referral Christmas Eve to 2 January 2015 is 4",
      record: { reported_on: "2014-12-24", social_care_referred_on: "2015-01-02" },
      rating: "inadequate",
      codes: ["referral-late"],
    },
    {
      name: "strategy discussion from the referral, 3 working days",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-07" },
      rating: "adequate",
      codes: ["strategy-discussion-slow"],
    },
    {
      name: "strategy discussion from the referral, 4 working days",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-08" },
      rating: "inadequate",
      codes: ["strategy-discussion-late"],
    },
    {
      name: "strategy discussion from the report when no referral, 2 working days",
      record: { strategy_discussion_on: "2015-07-06" },
      rating: "adequate",
      codes: ["strategy-discussion-slow"],
    },
    {
      name: "strategy discussion from the report when no referral, 4 working days",
      record: { strategy_discussion_on: "2015-07-08" },
      rating: "inadequate",
      codes: ["strategy-discussion-late"],
    },
    {
      name: "strategy discussion 6 working days after the referral: the message gives the delay against the target",
      record: { social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-10" },
      rating: "inadequate",
      codes: ["strategy-discussion-late"],
      findings: [{ message: "strategy discussion 6 working days after referral; target 1, at most 3", fields: ["social_care_referred_on", "strategy_discussion_on"] }],
    },
    { name: "interview after 11 working days", record: { interviewed_on: "2015-07-17" }, rating: "adequate", codes: ["interview-slow"] },
    { name: "interview after 20 working days", record: { interviewed_on: "2015-07-30" }, rating: "adequate", codes: ["interview-slow"] },
    { name: "interview after 21 working days", record: { interviewed_on: "2015-07-31" }, rating: "inadequate", codes: ["interview-late"] },
    { name: "suspect arrest after 6 working days", record: { suspect_arrested_on: "2015-07-10" }, rating: "adequate", codes: ["suspect-arrest-slow"] },
    { name: "suspect arrest after 20 working days", record: { suspect_arrested_on: "2015-07-30" }, rating: "adequate", codes: ["suspect-arrest-slow"] },
    { name: "suspect arrest after 21 working days", record: { suspect_arrested_on: "2015-07-31" }, rating: "inadequate", codes: ["suspect-arrest-late"] },
    {
      name: "rates the worst milestone and reports each one that was not good",
      record: { social_care_referred_on: "2015-07-06", strategy_discussion_on: "2015-07-07", interviewed_on: "2015-07-31", suspect_arrested_on: "2015-07-10" },
      rating: "inadequate",
      codes: ["referral-slow", "interview-late", "suspect-arrest-slow"],
    },
    {
      name: "a tighter interview limit makes 11 working days late",
      options: { interview: { adequate: 10 } },
      record: { interviewed_on: "2015-07-17" },
      rating: "inadequate",
      codes: ["interview-late"],
    },
    {
      name: "changing one milestone leaves the others at their defaults",
      options: { interview: { good: 20 } },
      record: { social_care_referred_on: "2015-07-06" },
      rating: "adequate",
      codes: ["referral-slow"],
    },
  ],
  refused: [
    { name: "an unknown milestone", options: { charge: { good: 1 } } },
    { name: "an unknown limit", options: { referral: { bad: 1 } } },
    { name: "a fraction", options: { interview: { good: 2.5 } }, message: "expected a whole number of working days" },
    { name: "adequate below good", options: { suspect_arrest: { good: 30 } } },
  ],
});
