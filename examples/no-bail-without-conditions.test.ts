// As a plugin's author tests a rule: a table of cases through RuleTester, from the published package alone.
// (test/config/examples.test.ts runs the rule as examples/audit.config.json loads it.)
import type { Rule } from "audit";
import { RuleTester } from "audit/testing";
import { describe, test } from "vitest";

const rule = ((await import(new URL("./no-bail-without-conditions.mjs", import.meta.url).href)) as { default: Rule<unknown> }).default;
const ARRESTED = { suspect_arrested_on: "2015-07-03" };

new RuleTester({ describe, test }).run(rule, {
  valid: [
    { name: "no suspect arrested", record: { bail_status: "Bailed" }, rating: "n/a" },
    { name: "released under investigation", record: { ...ARRESTED, bail_status: "Released under investigation" }, rating: "n/a" },
    { name: "bailed not to approach the child, in capitals", record: { ...ARRESTED, bail_status: "BAILED", bail_conditions: "NOT TO APPROACH the child" }, rating: "good" },
    { name: "a protective phrase of the config's own", options: { protective: ["curfew"] }, record: { ...ARRESTED, bail_status: "Bail", bail_conditions: "Curfew" }, rating: "good" },
  ],
  invalid: [
    {
      name: "bailed, conditions blank",
      record: { ...ARRESTED, bail_status: "Bailed", bail_conditions: "  " },
      rating: "inadequate",
      codes: ["no-conditions"],
      findings: [{ message: "suspect bailed with no conditions recorded", fields: ["suspect_arrested_on", "bail_status", "bail_conditions"] }],
    },
    { name: "bailed to reside at an address", record: { ...ARRESTED, bail_status: "Bailed", bail_conditions: "Reside at home address" }, rating: "adequate", codes: ["not-protective"] },
  ],
  defaults: { protective: ["no contact", "not to approach", "not to reside"] },
  refused: [
    { name: "an empty list of protective words", options: { protective: [] } },
    { name: "a misspelt option", options: { protectve: ["no contact"] } },
  ],
});
