import { builtInRule } from "./_built-in.js";

const WHOLE_YEARS = "expected a whole number of years";

export const voiceOfChild = builtInRule({
  id: "voice-of-child",
  description: "The child's own account and wishes were recorded",
  fields: ["child_age", "child_views_recorded"],
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
});
