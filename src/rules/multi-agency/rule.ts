import { CONCERNS, type Concern } from "../../input/fields.js";
import { builtInRule } from "../_built-in.js";
import type { Finding } from "../define-rule.js";
import { concernsPhrase, isSignificantHarmConcern, significantHarmConcerns } from "../_concerns.js";

export const multiAgency = builtInRule({
  id: "multi-agency",
  description: "Children's social care, health and a strategy discussion were involved as the concern required",
  fields: ["social_care_referred_on", "agencies_consulted", "concern", "risk_level", "strategy_discussion_on"],
  codes: ["no-social-care", "no-strategy-discussion", "no-health", "social-care-only"],
  options: (z) =>
    z
      .object({
        health_for: z.array(z.enum(CONCERNS)).default((): Concern[] => ["sexual_abuse", "physical_abuse"]),
      })
      .strict(),
  evaluate(record, options) {
    const agencies = record.agencies_consulted;
    const socialCare = record.social_care_referred_on !== undefined || agencies.includes("social_care");
    const inadequate: Finding[] = [];
    if (!socialCare) {
      inadequate.push({
        code: "no-social-care",
        message: "children's social care not consulted",
        fields: ["social_care_referred_on", "agencies_consulted"],
      });
    }
    if (isSignificantHarmConcern(record) && !record.strategy_discussion_on) {
      const harm = significantHarmConcerns(record);
      inadequate.push({
        code: "no-strategy-discussion",
        message: `no strategy discussion recorded for ${harm.length > 0 ? concernsPhrase(harm) : "a high-risk case"}`,
        fields: ["concern", "risk_level", "strategy_discussion_on"],
      });
    }
    const needHealth = record.concern.filter((c) => options.health_for.includes(c));
    if (needHealth.length > 0 && !agencies.includes("health")) {
      inadequate.push({
        code: "no-health",
        message: `no health agency consulted about ${concernsPhrase(needHealth)}`,
        fields: ["concern", "agencies_consulted"],
      });
    }
    if (inadequate.length > 0) return { rating: "inadequate", findings: inadequate };
    if (agencies.some((agency) => agency !== "social_care")) return { rating: "good", findings: [] };
    return {
      rating: "adequate",
      findings: [
        {
          code: "social-care-only",
          message: "only children's social care consulted; expected at least one other agency",
          fields: ["social_care_referred_on", "agencies_consulted"],
        },
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
