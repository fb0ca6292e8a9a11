// What makes a case of the bundled fixtures fall short of child-first (fixtures/make-fixtures.mjs,
// which describes the kit and the case draft): the ages are the rule's own options.
export default ({ options, concerns, chance, weighted }) => {
  const { adult_age: adult, consent_age: consent } = options;
  const isSexual = (c) => c.concern.some((k) => concerns.sexual.includes(k));
  return {
    defects: {
      "victim-and-suspect": {
        level: "adequate",
        weight: 4,
        scenario: "sibling",
        slots: ["role"],
        apply: (c) => ((c.child_role = "victim_and_suspect"), ["victim-and-suspect"]),
      },
      arrested: {
        level: "adequate",
        weight: 3,
        scenario: "sibling",
        slots: ["role"],
        apply: (c) => {
          c.child_arrested = true;
          c.arrest_minor = false;
          c.child_role = chance(0.5) ? "suspect" : "victim_and_suspect";
          return c.child_role === "victim_and_suspect" ? ["victim-and-suspect", "arrested"] : ["arrested"];
        },
      },
      "role-unknown": {
        level: "adequate",
        weight: 4,
        slots: ["role"],
        applies: (c) => ["victim", "witness"].includes(c.child_role) && !(isSexual(c) && c.child_age < consent && c.suspect_age >= adult),
        apply: (c) => ((c.child_role = chance(0.6) ? "unknown" : undefined), ["role-unknown"]),
        notes: ["Child's status on the crime report left blank."],
      },
      disbelieved: {
        level: "inadequate",
        weight: 4,
        slots: ["disbelieved"],
        applies: (c) => ["cse", "intrafamilial", "missing", "online", "physical"].includes(c.scenario) && c.child_age >= 6,
        apply: (c) => ((c.child_disbelieved = true), ["disbelieved"]),
        notes: ['Officer wrote that the child was "making it up for attention"; no further enquiry.', "Allegation recorded as malicious without speaking to the child."],
      },
      "arrested-minor": {
        level: "inadequate",
        weight: 3,
        scenario: "sibling",
        slots: ["role"],
        apply: (c) => {
          c.child_arrested = true;
          c.arrest_minor = true;
          c.child_role = chance(0.6) ? "suspect" : "victim_and_suspect";
          return ["arrested-minor"];
        },
        notes: ["Child arrested and held in custody overnight for pushing a sibling."],
        showcase: (c) => {
          c.concern = ["domestic_abuse"];
          c.child_age = 14;
          c.suspect_age = 12;
          c.showcase = "a child arrested for pushing a sibling";
        },
      },
      "suspect-sexual": {
        level: "inadequate",
        weight: 2,
        scenario: "peer-sexual",
        slots: ["role"],
        apply: (c) => ((c.child_role = "suspect"), ["suspect-sexual"]),
      },
      "not-seen-as-victim": {
        level: "inadequate",
        weight: 3,
        scenario: "relationship",
        slots: ["role"],
        apply: (c) => {
          c.child_role = weighted({ suspect: 4, witness: 2, unknown: 2, none: 2 });
          if (c.child_role === "none") c.child_role = undefined;
          return c.child_role === "suspect" ? ["suspect-sexual", "not-seen-as-victim"] : ["not-seen-as-victim"];
        },
        showcase: (c) => {
          c.child_age = 13;
          c.suspect_age = 20;
          c.concern = ["cse"];
          c.child_role = "suspect";
          c.agencies = c.agencies.filter((a) => a !== "health");
          if (!c.agencies.includes("education")) c.agencies.push("education");
          c.showcase = "a 13-year-old recorded as suspect with a 20-year-old";
          return ["suspect-sexual", "not-seen-as-victim"];
        },
      },
      "under-criminal-age": {
        level: "inadequate",
        weight: 1.5,
        scenario: "young-suspect",
        slots: ["role"],
        apply: (c) => ((c.child_role = chance(0.6) ? "suspect" : "victim_and_suspect"), ["under-criminal-age"]),
      },
    },
  };
};
