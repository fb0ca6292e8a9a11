import { describe, test } from "vitest";
import { withOptions } from "../index.js";
import { RuleTester } from "../tester.js";
import { multiAgency } from "./rule.js";

// Reported Thursday 2015-07-02 (the tester's default).
const referred = "2015-07-02";
const discussed = "2015-07-03";

new RuleTester({ describe, test }).run(withOptions(multiAgency), {
  defaults: { health_for: ["sexual_abuse", "physical_abuse"] },
  valid: [
    { name: "social care and education, neglect", record: { concern: "neglect", agencies_consulted: "social_care;education" }, rating: "good" },
    { name: "referred to social care, education listed", record: { social_care_referred_on: referred, agencies_consulted: "education" }, rating: "good" },
    {
      name: "physical abuse with social care, health and a strategy discussion",
      record: { concern: "physical_abuse", social_care_referred_on: referred, strategy_discussion_on: discussed, agencies_consulted: "health" },
      rating: "good",
    },
    {
      name: "medium risk neglect needs no strategy discussion",
      record: { concern: "neglect", risk_level: "medium", agencies_consulted: "social_care;education" },
      rating: "good",
    },
    {
      name: "cse needs no health by default",
      record: { concern: "cse", strategy_discussion_on: discussed, agencies_consulted: "social_care;education" },
      rating: "good",
    },
    {
      name: "health not required for anything",
      options: { health_for: [] },
      record: { concern: "physical_abuse", strategy_discussion_on: discussed, agencies_consulted: "social_care;education" },
      rating: "good",
    },
  ],
  invalid: [
    { name: "social care alone, listed", record: { agencies_consulted: "social_care" }, rating: "adequate", codes: ["social-care-only"] },
    { name: "social care alone, referred", record: { social_care_referred_on: referred }, rating: "adequate", codes: ["social-care-only"] },
    { name: "nobody consulted", record: {}, rating: "inadequate", codes: ["no-social-care"] },
    { name: "health and education but not social care", record: { agencies_consulted: "health;education" }, rating: "inadequate", codes: ["no-social-care"] },
    {
      name: "sexual abuse and no strategy discussion",
      record: { concern: "sexual_abuse", agencies_consulted: "social_care;health" },
      rating: "inadequate",
      codes: ["no-strategy-discussion"],
    },
    { name: "cse and no strategy discussion", record: { concern: "cse", agencies_consulted: "social_care;education" }, rating: "inadequate", codes: ["no-strategy-discussion"] },
    {
      name: "high risk neglect and no strategy discussion",
      record: { concern: "neglect", risk_level: "high", agencies_consulted: "social_care;education" },
      rating: "inadequate",
      codes: ["no-strategy-discussion"],
    },
    {
      name: "a missing strategy discussion names the concern that needed it",
      record: { concern: "neglect;cse", agencies_consulted: "social_care" },
      rating: "inadequate",
      codes: ["no-strategy-discussion"],
      findings: [{ message: "no strategy discussion recorded for a child sexual exploitation concern" }],
    },
    {
      name: "a missing strategy discussion names a high risk that needed it",
      record: { concern: "neglect", risk_level: "high", agencies_consulted: "social_care" },
      rating: "inadequate",
      codes: ["no-strategy-discussion"],
      findings: [{ message: "no strategy discussion recorded for a high-risk case" }],
    },
    {
      name: "physical abuse and no health",
      record: { concern: "physical_abuse", strategy_discussion_on: discussed, agencies_consulted: "social_care;education" },
      rating: "inadequate",
      codes: ["no-health"],
    },
    {
      name: "physical abuse, social care alone: the message names the concern",
      record: { concern: "physical_abuse", strategy_discussion_on: discussed, agencies_consulted: "social_care" },
      rating: "inadequate",
      codes: ["no-health"],
      findings: [{ message: "no health agency consulted about a physical abuse concern", fields: ["concern", "agencies_consulted"] }],
    },
    { name: "every inadequate bullet at once", record: { concern: "sexual_abuse" }, rating: "inadequate", codes: ["no-social-care", "no-strategy-discussion", "no-health"] },
    {
      name: "inadequate hides social care alone",
      record: { concern: "physical_abuse", social_care_referred_on: referred, strategy_discussion_on: discussed },
      rating: "inadequate",
      codes: ["no-health"],
    },
    {
      name: "health required for cse",
      options: { health_for: ["cse"] },
      record: { concern: "cse", strategy_discussion_on: discussed, agencies_consulted: "social_care;education" },
      rating: "inadequate",
      codes: ["no-health"],
    },
  ],
  refused: [
    { name: "an unknown option", options: { health: ["cse"] } },
    { name: "an unknown concern", options: { health_for: ["bullying"] } },
    { name: "a single word, not a list", options: { health_for: "cse" } },
  ],
});
