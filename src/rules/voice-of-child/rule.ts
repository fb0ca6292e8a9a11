import { builtInRule } from "../_built-in.js";

const WHOLE_YEARS = "expected a whole number of years";

export const voiceOfChild = builtInRule({
  id: "voice-of-child",
  description: "The child's own account and wishes were recorded",
  fields: ["child_age", "child_views_recorded"],
  codes: ["views-not-recorded", "views-not-evidenced"],
  options: (z) => z.object({ min_age: z.int(WHOLE_YEARS).min(0, WHOLE_YEARS).default(3) }).strict(),
  evaluate(record, options) {
    if (record.child_age !== undefined && record.child_age < options.min_age) return { rating: "n/a", findings: [] };
    if (record.child_views_recorded === true) return { rating: "good", findings: [] };
    const finding =
      record.child_views_recorded === false
        ? { code: "views-not-recorded", message: "child's views not recorded" }
        : {
            code: "views-not-evidenced",
            message: "whether the child's views were recorded is not recorded, so not evidenced",
          };
    return { rating: "adequate", findings: [{ ...finding, fields: ["child_views_recorded"] }] };
  },
  examples: [
    { rating: "good", summary: "a 9-year-old's account and wishes recorded", record: { child_age: "9", child_views_recorded: "yes" } },
    { rating: "adequate", summary: "a 14-year-old's views not recorded", record: { child_age: "14", child_views_recorded: "no" } },
    { rating: "n/a", summary: "a 2-year-old, too young to give views", record: { child_age: "2" } },
  ],
});
