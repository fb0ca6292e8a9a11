// What makes a case of the bundled fixtures fall short of timeliness (fixtures/make-fixtures.mjs,
// which describes the kit and the case draft): the limits are the rule's own options.
export default ({ options, slow, late }) => {
  const { referral, strategy_discussion: strategy, interview, suspect_arrest: arrest } = options;
  const withSocialCareReferral = (c) => {
    if (c.off.ref === null) c.off.ref = 0;
  };
  return {
    // It lists every late or slow milestone, not only those of its worst level.
    everyLevel: true,
    defects: {
      "referral-slow": {
        level: "adequate",
        weight: 6,
        slots: ["referral", "social-care"],
        apply: (c) => (withSocialCareReferral(c), (c.off.ref = slow(referral)), ["referral-slow"]),
      },
      "strategy-slow": {
        level: "adequate",
        weight: 7,
        slots: ["strategy", "social-care"],
        apply: (c) => ((c.off.sd = slow(strategy)), ["strategy-discussion-slow"]),
        notes: ["Strategy discussion held a few days after referral."],
      },
      "interview-slow": {
        level: "adequate",
        weight: 6,
        slots: ["interview"],
        applies: (c) => c.child_age >= 4,
        apply: (c) => ((c.off.int = slow(interview)), ["interview-slow"]),
        notes: ["ABE interview arranged around school holidays."],
      },
      "arrest-slow": {
        level: "adequate",
        weight: 5,
        slots: ["arrest"],
        applies: (c) => c.suspect_age >= 18,
        apply: (c) => ((c.off.arr = slow(arrest)), ["suspect-arrest-slow"]),
      },
      "referral-late": {
        level: "inadequate",
        weight: 5,
        slots: ["referral", "social-care"],
        apply: (c) => (withSocialCareReferral(c), (c.off.ref = late(referral, 9)), ["referral-late"]),
        notes: ["Referral to children's services sent late, sat in an inbox."],
      },
      "strategy-late": {
        level: "inadequate",
        weight: 8,
        slots: ["strategy", "social-care"],
        apply: (c) => ((c.off.sd = late(strategy, 12)), ["strategy-discussion-late"]),
        notes: ['Strategy discussion delayed, social care "could not get a manager" until the next week.', "Strategy meeting postponed twice."],
      },
      "interview-late": {
        level: "inadequate",
        weight: 6,
        slots: ["interview"],
        applies: (c) => c.child_age >= 4,
        apply: (c) => ((c.off.int = late(interview, 15)), ["interview-late"]),
        notes: ["ABE interview delayed, trained officer on leave.", "Interview suite unavailable; ABE rebooked twice."],
      },
      "arrest-late": {
        level: "inadequate",
        weight: 4,
        slots: ["arrest"],
        applies: (c) => c.suspect_age >= 18,
        apply: (c) => ((c.off.arr = late(arrest, 20)), ["suspect-arrest-late"]),
        notes: ['Suspect not arrested for weeks, "awaiting forensics".'],
      },
    },
  };
};
