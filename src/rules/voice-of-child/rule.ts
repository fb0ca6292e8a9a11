import { builtInRule } from "../_built-in.js";
import { booleanField, integerField } from "../case-view.js";
import { adequateIf } from "../checks.js";

const WHOLE_YEARS = "expected a whole number of years";
const CHILD_AGE = integerField("child_age");
const VIEWS = booleanField("child_views_recorded");
const FIELDS = ["child_views_recorded"];

export const voiceOfChild = builtInRule({
  id: "voice-of-child",
  description: "The child's own account and wishes were recorded",
  fields: ["child_age", "child_views_recorded"],
  codes: ["views-not-recorded", "views-not-evidenced"],
  defaults: { min_age: 3 },
  options: (z, defaults) => z.object({ min_age: z.int(WHOLE_YEARS).min(0, WHOLE_YEARS).default(defaults.min_age) }).strict(),
  checks: (options) => ({
    // A child whose age is not recorded is rated: NaN is not under any age.
    applies: (view) => !(view.number(CHILD_AGE) < options.min_age),
    checks: [
      adequateIf("views-not-recorded", FIELDS, (view) => view.no(VIEWS), () => "child's views not recorded"),
      adequateIf(
        "views-not-evidenced",
        FIELDS,
        (view) => !view.recorded(VIEWS),
        () => "whether the child's views were recorded is not recorded, so not evidenced",
      ),
    ],
  }),
  examples: [
    { rating: "good", summary: "a 9-year-old's account and wishes recorded", record: { child_age: "9", child_views_recorded: "yes" } },
    { rating: "adequate", summary: "a 14-year-old's views not recorded", record: { child_age: "14", child_views_recorded: "no" } },
    { rating: "n/a", summary: "a 2-year-old, too young to give views", record: { child_age: "2" } },
  ],
});
