import { CONCERNS, type Concern } from "../../input/fields.js";
import { builtInRule } from "../_built-in.js";
import { dateField, listField } from "../case-view.js";
import { adequateIf, inadequateIf } from "../checks.js";
import { CONCERN, concernsPhrase, isSignificantHarmConcern, significantHarmConcerns } from "../_concerns.js";

const REFERRED = dateField("social_care_referred_on");
const STRATEGY = dateField("strategy_discussion_on");
const AGENCIES = listField("agencies_consulted");
const SOCIAL_CARE = AGENCIES.items(["social_care"]);
const HEALTH = AGENCIES.items(["health"]);
const OTHER_THAN_SOCIAL_CARE = AGENCIES.items(AGENCIES.words.filter((agency) => agency !== "social_care"));
const SOCIAL_CARE_FIELDS = ["social_care_referred_on", "agencies_consulted"];

export const multiAgency = builtInRule({
  id: "multi-agency",
  description: "Children's social care, health and a strategy discussion were involved as the concern required",
  fields: ["social_care_referred_on", "agencies_consulted", "concern", "risk_level", "strategy_discussion_on"],
  codes: ["no-social-care", "no-strategy-discussion", "no-health", "social-care-only"],
  defaults: { health_for: ["sexual_abuse", "physical_abuse"] as Concern[] },
  options: (z, defaults) => z.object({ health_for: z.array(z.enum(CONCERNS)).default(() => [...defaults.health_for]) }).strict(),
  checks(options) {
    const needsHealth = CONCERN.items(options.health_for);
    return {
      checks: [
        inadequateIf(
          "no-social-care",
          SOCIAL_CARE_FIELDS,
          (view) => !view.recorded(REFERRED) && !view.includes(AGENCIES, SOCIAL_CARE),
          () => "children's social care not consulted",
        ),
        inadequateIf(
          "no-strategy-discussion",
          ["concern", "risk_level", "strategy_discussion_on"],
          (view) => isSignificantHarmConcern(view) && !view.recorded(STRATEGY),
          (view) => {
            const harm = significantHarmConcerns(view.list(CONCERN));
            return `no strategy discussion recorded for ${harm.length > 0 ? concernsPhrase(harm) : "a high-risk case"}`;
          },
        ),
        inadequateIf(
          "no-health",
          ["concern", "agencies_consulted"],
          (view) => view.includes(CONCERN, needsHealth) && !view.includes(AGENCIES, HEALTH),
          (view) => `no health agency consulted about ${concernsPhrase(view.list(CONCERN).filter((c) => options.health_for.includes(c)))}`,
        ),
        adequateIf(
          "social-care-only",
          SOCIAL_CARE_FIELDS,
          (view) => !view.includes(AGENCIES, OTHER_THAN_SOCIAL_CARE),
          () => "only children's social care consulted; expected at least one other agency",
        ),
      ],
    };
  },
  examples: [
    {
      rating: "good",
      summary: "neglect referred to social care, and the school consulted",
      record: { concern: "neglect", social_care_referred_on: "2015-07-02", agencies_consulted: "social_care;education" },
    },
    {
      rating: "adequate",
      summary: "neglect referred to social care, no other agency",
      record: { concern: "neglect", social_care_referred_on: "2015-07-02" },
    },
    {
      rating: "inadequate",
      summary: "a four-year-old's injury: strategy discussion held, no doctor consulted",
      record: { child_age: "4", concern: "physical_abuse", social_care_referred_on: "2015-07-02", strategy_discussion_on: "2015-07-03" },
    },
  ],
});
