// What makes a case of the bundled fixtures fall short of multi-agency (fixtures/make-fixtures.mjs,
// which describes the kit and the case draft), and what a case needs to be good for it: the scenarios
// plan a strategy discussion and consult health where these say.
export default ({ options, concerns, chance }) => {
  const needsHealth = (c) => c.concern.some((k) => options.health_for.includes(k));
  const needsStrategyDiscussion = (c) => c.risk_level === "high" || c.concern.some((k) => concerns.significantHarm.includes(k));
  return {
    needsHealth,
    needsStrategyDiscussion,
    defects: {
      "social-care-only": {
        level: "adequate",
        weight: 6,
        slots: ["agencies", "health", "social-care"],
        applies: (c) => !needsHealth(c),
        apply: (c) => {
          c.agencies = c.off.ref !== null && chance(0.3) ? [] : ["social_care"];
          return ["social-care-only"];
        },
        notes: ["Only children's social care contacted, school and GP not informed."],
      },
      "no-social-care": {
        level: "inadequate",
        weight: 4,
        slots: ["social-care", "referral", "strategy", "agencies"],
        applies: (c) => !c.concern.includes("cse"),
        apply: (c) => {
          c.off.ref = null;
          c.off.sd = null;
          c.agencies = c.agencies.filter((a) => a !== "social_care");
          return needsStrategyDiscussion(c) ? ["no-social-care", "no-strategy-discussion"] : ["no-social-care"];
        },
        notes: ["No record of any contact with children's social care."],
      },
      "no-strategy-discussion": {
        level: "inadequate",
        weight: 7,
        slots: ["strategy"],
        apply: (c) => {
          if (!needsStrategyDiscussion(c)) c.risk_level = "high";
          c.off.sd = null;
          return ["no-strategy-discussion"];
        },
        notes: ['No strategy discussion, officer "spoke to social worker on the phone".'],
      },
      "no-health": {
        level: "inadequate",
        weight: 5,
        slots: ["health", "agencies"],
        applies: needsHealth,
        apply: (c) => {
          c.agencies = c.agencies.filter((a) => a !== "health");
          return ["no-health"];
        },
        notes: ["No medical examination; no paediatrician consulted.", "Injury photographed by officer, not seen by a doctor."],
        showcase: (c) => {
          if (c.scenario !== "physical") return false;
          c.child_age = 4;
          c.concern = ["physical_abuse"];
          c.child_views_recorded = true;
          c.showcase = "no doctor consulted about a 4-year-old's injury";
        },
      },
    },
  };
};
