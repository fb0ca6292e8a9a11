// A custom rule that reads two columns the case-record contract does not have:
// `bail_status` and `bail_conditions`, carried through from the force's export.
import { z } from "zod";
import { defineRule } from "audit";

const FIELDS = ["suspect_arrested_on", "bail_status", "bail_conditions"];

export default defineRule({
  id: "no-bail-without-conditions",
  description: "A suspect released on bail had conditions that protect the child",
  fields: FIELDS,
  codes: ["no-conditions", "not-protective"],
  options: z
    .object({
      /** Words that mark a condition as protecting the child, matched in any case. */
      protective: z.array(z.string().min(1)).min(1).default(["no contact", "not to approach", "not to reside"]),
    })
    .strict(),
  evaluate(record, options) {
    const status = (record.extra.bail_status ?? "").trim().toLowerCase();
    if (!record.suspect_arrested_on || !status.startsWith("bail")) return { rating: "n/a", findings: [] };
    const conditions = (record.extra.bail_conditions ?? "").trim().toLowerCase();
    if (conditions === "") {
      return {
        rating: "inadequate",
        findings: [{ code: "no-conditions", message: "suspect bailed with no conditions recorded", fields: FIELDS }],
      };
    }
    if (options.protective.some((words) => conditions.includes(words.toLowerCase()))) return { rating: "good", findings: [] };
    const expected = options.protective.map((words) => `"${words}"`).join(", ");
    return {
      rating: "adequate",
      findings: [{ code: "not-protective", message: `bail conditions recorded, none protecting the child (expected ${expected})`, fields: FIELDS }],
    };
  },
  examples: [
    {
      rating: "good",
      summary: "bailed not to contact the child",
      record: { suspect_arrested_on: "2015-07-03", bail_status: "Bailed", bail_conditions: "No contact with the victim; curfew" },
    },
    {
      rating: "adequate",
      summary: "bailed on a curfew alone",
      record: { suspect_arrested_on: "2015-07-03", bail_status: "Bailed", bail_conditions: "Curfew 7pm-7am" },
    },
    { rating: "inadequate", summary: "bailed with no conditions", record: { suspect_arrested_on: "2015-07-03", bail_status: "Bailed" } },
    { rating: "n/a", summary: "suspect charged and remanded", record: { suspect_arrested_on: "2015-07-03", bail_status: "Remanded" } },
  ],
});
