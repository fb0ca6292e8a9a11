// What makes a case of the bundled fixtures fall short of voice-of-child (fixtures/make-fixtures.mjs,
// which describes the kit and the case draft): the age is the rule's own option.
export default ({ options }) => ({
  defects: {
    "views-not-recorded": {
      level: "adequate",
      weight: 8,
      slots: ["views"],
      applies: (c) => c.child_age >= options.min_age,
      apply: (c) => ((c.child_views_recorded = false), ["views-not-recorded"]),
      notes: ["Child's account not recorded, only the parent spoken to."],
    },
    "views-not-evidenced": {
      level: "adequate",
      weight: 8,
      slots: ["views"],
      applies: (c) => c.child_age >= options.min_age,
      apply: (c) => ((c.child_views_recorded = undefined), ["views-not-evidenced"]),
    },
  },
});
