import type { z } from "zod";
import { builtInRule } from "../_built-in.js";
import type { Finding } from "../define-rule.js";
import { isSexualConcern } from "../_concerns.js";

const WHOLE_YEARS = "expected a whole number of years";
const age = (zod: typeof z, years: number) => zod.int(WHOLE_YEARS).min(0, WHOLE_YEARS).default(years);

export const childFirst = builtInRule({
  id: "child-first",
  description: "The child was treated as a victim, not a suspect",
  fields: ["child_disbelieved", "child_arrested", "arrest_minor", "child_role", "concern", "child_age", "suspect_age"],
  codes: ["disbelieved", "arrested-minor", "suspect-sexual", "not-seen-as-victim", "under-criminal-age", "victim-and-suspect", "arrested", "role-unknown"],
  options: (z) =>
    z.object({ adult_age: age(z, 18), consent_age: age(z, 16), criminal_responsibility_age: age(z, 10) }).strict(),
  evaluate(record, options) {
    const role = record.child_role;
    const roleText = role === undefined ? "with no role" : `as ${role.replace(/_/g, " ")}`;
    const sexual = isSexualConcern(record);
    const childAge = record.child_age;
    const suspectAge = record.suspect_age;
    const inadequate: Finding[] = [];
    const flag = (code: string, message: string, fields: string[]) => inadequate.push({ code, message, fields });

    if (record.child_disbelieved === true) {
      flag("disbelieved", "child disbelieved or the allegation dismissed without enquiry", ["child_disbelieved"]);
    }
    if (record.child_arrested === true && record.arrest_minor === true) {
      flag("arrested-minor", "child arrested for a minor matter", ["child_arrested", "arrest_minor"]);
    }
    if (role === "suspect" && sexual) {
      const message = "child recorded as suspect in a sexual concern; expected a potential victim";
      flag("suspect-sexual", message, ["child_role", "concern"]);
    }
    const underAge = (limit: number) => childAge !== undefined && childAge < limit;
    const adultSuspect = suspectAge !== undefined && suspectAge >= options.adult_age;
    if (underAge(options.consent_age) && adultSuspect && sexual && role !== "victim" && role !== "victim_and_suspect") {
      const ages = `child aged ${childAge} with a suspect aged ${suspectAge}`;
      flag("not-seen-as-victim", `${ages} in a sexual concern, recorded ${roleText}; expected victim`, [
        "child_age",
        "suspect_age",
        "concern",
        "child_role",
      ]);
    }
    if (underAge(options.criminal_responsibility_age) && (role === "suspect" || role === "victim_and_suspect")) {
      const limit = `under the age of criminal responsibility (${options.criminal_responsibility_age})`;
      flag("under-criminal-age", `child aged ${childAge} recorded ${roleText}; ${limit}`, ["child_age", "child_role"]);
    }
    if (inadequate.length > 0) return { rating: "inadequate", findings: inadequate };

    const findings: Finding[] = [];
    if (role === "victim_and_suspect") {
      const message = "child recorded as both victim and suspect";
      findings.push({ code: "victim-and-suspect", message, fields: ["child_role"] });
    }
    if (record.child_arrested === true) {
      findings.push({ code: "arrested", message: "child arrested", fields: ["child_arrested"] });
    }
    if (role === undefined || role === "unknown") {
      const message = role === undefined ? "child's role not recorded" : "child's role recorded as unknown";
      findings.push({ code: "role-unknown", message: `${message}; expected victim`, fields: ["child_role"] });
    }
    return { rating: findings.length > 0 ? "adequate" : "good", findings };
  },
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
