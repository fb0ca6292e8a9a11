// What makes a case of the bundled fixtures fall short of risk-assessment (fixtures/make-fixtures.mjs,
// which describes the kit and the case draft): the limits are the rule's own options.
export default ({ options, slow, late }) => ({
  defects: {
    "ra-slow": { level: "adequate", weight: 8, slots: ["ra-time"], apply: (c) => ((c.off.ra = slow(options)), ["slow"]), notes: ["Risk assessment completed a couple of days after the report."] },
    "ra-adequate-quality": {
      level: "adequate",
      weight: 12,
      slots: ["ra-quality"],
      apply: (c) => ((c.risk_assessment_quality = "adequate"), ["adequate-quality"]),
    },
    "ra-quality-not-recorded": {
      level: "adequate",
      weight: 4,
      slots: ["ra-quality"],
      apply: (c) => ((c.risk_assessment_quality = undefined), ["quality-not-recorded"]),
    },
    "ra-not-recorded": {
      level: "inadequate",
      weight: 10,
      slots: ["ra-time", "ra-quality"],
      apply: (c) => ((c.off.ra = null), (c.risk_assessment_quality = undefined), ["not-recorded"]),
      notes: ["No risk assessment on file.", "Risk assessment not found on the system."],
    },
    "ra-poor": {
      level: "inadequate",
      weight: 10,
      slots: ["ra-quality"],
      apply: (c) => ((c.risk_assessment_quality = "poor"), ["poor-quality"]),
      notes: ["Risk assessment is a copy of the incident log, no analysis of risk to the child.", 'Risk recorded as "standard" with no reasons given.'],
    },
    "ra-late": {
      level: "inadequate",
      weight: 6,
      slots: ["ra-time"],
      apply: (c) => ((c.off.ra = late(options, 6)), ["late"]),
      notes: ["Risk assessment not done until the following week."],
    },
  },
});
