import { describe, test } from "vitest";
import { withOptions } from "../index.js";
import { RuleTester } from "../tester.js";
import { voiceOfChild } from "./rule.js";

new RuleTester({ describe, test }).run(withOptions(voiceOfChild), {
  defaults: { min_age: 3 },
  valid: [
    { name: "aged 2, views not recorded", record: { child_age: "2", child_views_recorded: "no" }, rating: "n/a" },
    { name: "aged 0", record: { child_age: "0" }, rating: "n/a" },
    { name: "aged 3, views recorded", record: { child_age: "3", child_views_recorded: "yes" }, rating: "good" },
    { name: "aged 15, views recorded", record: { child_age: "15", child_views_recorded: "yes" }, rating: "good" },
    { name: "age not recorded, views recorded", record: { child_views_recorded: "yes" }, rating: "good" },
    { name: "a higher minimum age makes a 4-year-old n/a", options: { min_age: 5 }, record: { child_age: "4", child_views_recorded: "no" }, rating: "n/a" },
  ],
  invalid: [
    { name: "aged 3, views not recorded", record: { child_age: "3", child_views_recorded: "no" }, rating: "adequate", codes: ["views-not-recorded"] },
    { name: "aged 15, views not recorded", record: { child_age: "15", child_views_recorded: "no" }, rating: "adequate", codes: ["views-not-recorded"] },
    {
      name: "aged 15, whether views were recorded not recorded",
      record: { child_age: "15" },
      rating: "adequate",
      codes: ["views-not-evidenced"],
      findings: [{ message: "whether the child's views were recorded is not recorded, so not evidenced", fields: ["child_views_recorded"] }],
    },
    { name: "age not recorded, views not recorded", record: { child_views_recorded: "no" }, rating: "adequate", codes: ["views-not-recorded"] },
    {
      name: "a minimum age of 0 applies to a baby",
      options: { min_age: 0 },
      record: { child_age: "0", child_views_recorded: "no" },
      rating: "adequate",
      codes: ["views-not-recorded"],
      findings: [{ message: "child's views not recorded", fields: ["child_views_recorded"] }],
    },
  ],
  refused: [
    { name: "an unknown option", options: { age: 3 } },
    { name: "a fraction", options: { min_age: 2.5 }, message: "expected a whole number of years" },
  ],
});
