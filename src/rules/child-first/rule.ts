import type { z } from "zod";
import { builtInRule } from "../_built-in.js";
import { booleanField, enumField, integerField, type CaseView } from "../case-view.js";
import { adequateIf, inadequateIf } from "../checks.js";
import { isSexualConcern } from "../_concerns.js";

const WHOLE_YEARS = "expected a whole number of years";
const age = (zod: typeof z, years: number) => zod.int(WHOLE_YEARS).min(0, WHOLE_YEARS).default(years);

const DISBELIEVED = booleanField("child_disbelieved");
const ARRESTED = booleanField("child_arrested");
const MINOR = booleanField("arrest_minor");
const ROLE = enumField("child_role");
const CHILD_AGE = integerField("child_age");
const SUSPECT_AGE = integerField("suspect_age");

const roleText = (view: CaseView) => {
  const role = view.word(ROLE);
  return role === undefined ? "with no role" : `as ${role.replace(/_/g, " ")}`;
};
const asVictim = (view: CaseView) => view.word(ROLE) === "victim" || view.word(ROLE) === "victim_and_suspect";
const asSuspect = (view: CaseView) => view.word(ROLE) === "suspect" || view.word(ROLE) === "victim_and_suspect";

export const childFirst = builtInRule({
  id: "child-first",
  description: "The child was treated as a victim, not a suspect",
  fields: ["child_disbelieved", "child_arrested", "arrest_minor", "child_role", "concern", "child_age", "suspect_age"],
  codes: ["disbelieved", "arrested-minor", "suspect-sexual", "not-seen-as-victim", "under-criminal-age", "victim-and-suspect", "arrested", "role-unknown"],
  defaults: { adult_age: 18, consent_age: 16, criminal_responsibility_age: 10 },
  options: (z, defaults) =>
    z
      .object({
        adult_age: age(z, defaults.adult_age),
        consent_age: age(z, defaults.consent_age),
        criminal_responsibility_age: age(z, defaults.criminal_responsibility_age),
      })
      .strict(),
  checks: (options) => ({
    checks: [
      inadequateIf("disbelieved", ["child_disbelieved"], (view) => view.yes(DISBELIEVED), () => "child disbelieved or the allegation dismissed without enquiry"),
      inadequateIf(
        "arrested-minor",
        ["child_arrested", "arrest_minor"],
        (view) => view.yes(ARRESTED) && view.yes(MINOR),
        () => "child arrested for a minor matter",
      ),
      inadequateIf(
        "suspect-sexual",
        ["child_role", "concern"],
        (view) => view.word(ROLE) === "suspect" && isSexualConcern(view),
        () => "child recorded as suspect in a sexual concern; expected a potential victim",
      ),
      inadequateIf(
        "not-seen-as-victim",
        ["child_age", "suspect_age", "concern", "child_role"],
        (view) =>
          view.number(CHILD_AGE) < options.consent_age &&
          view.number(SUSPECT_AGE) >= options.adult_age &&
          isSexualConcern(view) &&
          !asVictim(view),
        (view) =>
          `child aged ${view.number(CHILD_AGE)} with a suspect aged ${view.number(SUSPECT_AGE)} in a sexual concern, recorded ${roleText(view)}; expected victim`,
      ),
      inadequateIf(
        "under-criminal-age",
        ["child_age", "child_role"],
        (view) => view.number(CHILD_AGE) < options.criminal_responsibility_age && asSuspect(view),
        (view) =>
          `child aged ${view.number(CHILD_AGE)} recorded ${roleText(view)}; under the age of criminal responsibility (${options.criminal_responsibility_age})`,
      ),
      adequateIf("victim-and-suspect", ["child_role"], (view) => view.word(ROLE) === "victim_and_suspect", () => "child recorded as both victim and suspect"),
      adequateIf("arrested", ["child_arrested"], (view) => view.yes(ARRESTED), () => "child arrested"),
      adequateIf(
        "role-unknown",
        ["child_role"],
        (view) => view.word(ROLE) === undefined || view.word(ROLE) === "unknown",
        (view) => `${view.recorded(ROLE) ? "child's role recorded as unknown" : "child's role not recorded"}; expected victim`,
      ),
    ],
  }),
  examples: [
    { rating: "good", summary: "a 12-year-old recorded as the victim", record: { child_age: "12", child_role: "victim", concern: "neglect" } },
    {
      rating: "adequate",
      summary: "a 15-year-old recorded as both victim and suspect",
      record: { child_age: "15", child_role: "victim_and_suspect", concern: "physical_abuse" },
    },
    {
      rating: "inadequate",
      summary: "a 13-year-old 'in a relationship' with a 20-year-old, recorded as a witness",
      record: { child_age: "13", suspect_age: "20", concern: "cse", child_role: "witness" },
    },
    {
      rating: "inadequate",
      summary: "a 9-year-old arrested for pushing a sibling",
      record: { child_age: "9", child_arrested: "yes", arrest_minor: "yes", child_role: "suspect" },
    },
  ],
});
