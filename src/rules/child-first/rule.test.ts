import { describe, test } from "vitest";
import { withOptions } from "../index.js";
import { RuleTester } from "../tester.js";
import { childFirst } from "./rule.js";

// 13-year-old and 20-year-old in a sexual concern: the rubric's "in a relationship" example.
const groomed = { child_age: "13", suspect_age: "20", concern: "cse" };
/** A case with the child recorded as the victim, unless the record says otherwise. */
const victim = (record: Record<string, string> = {}) => ({ child_role: "victim", ...record });

new RuleTester({ describe, test }).run(withOptions(childFirst), {
  defaults: { adult_age: 18, consent_age: 16, criminal_responsibility_age: 10 },
  valid: [
    { name: "a victim, nothing else recorded", record: victim(), rating: "good" },
    { name: "a witness", record: { child_role: "witness" }, rating: "good" },
    { name: "a suspect in a non-sexual concern, aged 14", record: { child_role: "suspect", child_age: "14", concern: "physical_abuse" }, rating: "good" },
    { name: "believed and not arrested", record: victim({ child_disbelieved: "no", child_arrested: "no" }), rating: "good" },
    { name: "a victim of a 20-year-old, aged 13", record: victim(groomed), rating: "good" },
    { name: "minor matter recorded without an arrest", record: victim({ child_arrested: "no", arrest_minor: "yes" }), rating: "good" },
    { name: "a witness aged 16 (consent age) with a 20-year-old", record: { ...groomed, child_age: "16", child_role: "witness" }, rating: "good" },
    { name: "a witness aged 13 with a suspect aged 17", record: { ...groomed, suspect_age: "17", child_role: "witness" }, rating: "good" },
    { name: "a witness aged 13, suspect's age not recorded", record: { child_age: "13", concern: "cse", child_role: "witness" }, rating: "good" },
    { name: "a witness aged 13 with a 20-year-old, not sexual", record: { ...groomed, concern: "neglect", child_role: "witness" }, rating: "good" },
    { name: "a suspect aged 10", record: { child_age: "10", child_role: "suspect" }, rating: "good" },
    { name: "a victim aged 9", record: victim({ child_age: "9" }), rating: "good" },
    {
      name: "a lower consent age clears a 15-year-old witness",
      options: { consent_age: 15 },
      record: { ...groomed, child_age: "15", child_role: "witness" },
      rating: "good",
    },
    { name: "a higher adult age clears a 20-year-old suspect", options: { adult_age: 21 }, record: { ...groomed, child_role: "witness" }, rating: "good" },
  ],
  invalid: [
    { name: "disbelieved", record: victim({ child_disbelieved: "yes" }), rating: "inadequate", codes: ["disbelieved"] },
    { name: "arrested for a minor matter", record: victim({ child_arrested: "yes", arrest_minor: "yes" }), rating: "inadequate", codes: ["arrested-minor"] },
    { name: "a suspect in a sexual abuse concern", record: { child_role: "suspect", concern: "sexual_abuse" }, rating: "inadequate", codes: ["suspect-sexual"] },
    { name: "a suspect in an online abuse concern", record: { child_role: "suspect", concern: "online_abuse" }, rating: "inadequate", codes: ["suspect-sexual"] },
    {
      name: "a witness, aged 13, with a 20-year-old: the message gives both ages",
      record: { ...groomed, child_role: "witness" },
      rating: "inadequate",
      codes: ["not-seen-as-victim"],
      findings: [
        {
          message: "child aged 13 with a suspect aged 20 in a sexual concern, recorded as witness; expected victim",
          fields: ["child_age", "suspect_age", "concern", "child_role"],
        },
      ],
    },
    { name: "role not recorded, aged 13, with a 20-year-old", record: groomed, rating: "inadequate", codes: ["not-seen-as-victim"] },
    { name: "role unknown, aged 13, with a 20-year-old", record: { ...groomed, child_role: "unknown" }, rating: "inadequate", codes: ["not-seen-as-victim"] },
    { name: "victim and suspect, aged 13, with a 20-year-old", record: { ...groomed, child_role: "victim_and_suspect" }, rating: "adequate", codes: ["victim-and-suspect"] },
    {
      name: "a witness aged 15 with a suspect aged 18",
      record: { ...groomed, child_age: "15", suspect_age: "18", child_role: "witness" },
      rating: "inadequate",
      codes: ["not-seen-as-victim"],
    },
    { name: "a suspect aged 9", record: { child_age: "9", child_role: "suspect" }, rating: "inadequate", codes: ["under-criminal-age"] },
    { name: "victim and suspect aged 9", record: { child_age: "9", child_role: "victim_and_suspect" }, rating: "inadequate", codes: ["under-criminal-age"] },
    {
      name: "every inadequate bullet at once",
      record: { child_disbelieved: "yes", child_arrested: "yes", arrest_minor: "yes", child_role: "suspect", child_age: "9", suspect_age: "30", concern: "sexual_abuse" },
      rating: "inadequate",
      codes: ["disbelieved", "arrested-minor", "suspect-sexual", "not-seen-as-victim", "under-criminal-age"],
    },
    {
      name: "inadequate hides the adequate bullets",
      record: { child_disbelieved: "yes", child_arrested: "yes", child_role: "unknown" },
      rating: "inadequate",
      codes: ["disbelieved"],
    },
    { name: "victim and suspect aged 14", record: { child_role: "victim_and_suspect", child_age: "14" }, rating: "adequate", codes: ["victim-and-suspect"] },
    { name: "arrested, not for a minor matter", record: victim({ child_arrested: "yes", arrest_minor: "no" }), rating: "adequate", codes: ["arrested"] },
    { name: "arrested, whether minor not recorded", record: victim({ child_arrested: "yes" }), rating: "adequate", codes: ["arrested"] },
    { name: "role unknown", record: { child_role: "unknown" }, rating: "adequate", codes: ["role-unknown"] },
    { name: "role not recorded", record: {}, rating: "adequate", codes: ["role-unknown"] },
    {
      name: "every adequate bullet that can hold together",
      record: { child_role: "victim_and_suspect", child_arrested: "yes", child_age: "14" },
      rating: "adequate",
      codes: ["victim-and-suspect", "arrested"],
    },
    {
      name: "a higher age of criminal responsibility catches a 11-year-old suspect",
      options: { criminal_responsibility_age: 12 },
      record: { child_age: "11", child_role: "suspect" },
      rating: "inadequate",
      codes: ["under-criminal-age"],
    },
  ],
  refused: [
    { name: "an unknown option", options: { age_of_consent: 16 } },
    { name: "a fraction", options: { adult_age: 17.5 }, message: "expected a whole number of years" },
    { name: "a negative age", options: { consent_age: -1 }, message: "expected a whole number of years" },
  ],
});
