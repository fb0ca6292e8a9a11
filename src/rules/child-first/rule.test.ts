import { describe, expect, test } from "vitest";
import type { Case } from "../../input/case.js";
import { withOptions } from "../index.js";
import { childFirst as definition } from "./rule.js";
import { makeCase } from "../../../test/helpers/make-case.js";

const childFirst = withOptions(definition);

const defaults = childFirst.options.parse({});

const victim = (overrides: Partial<Case> = {}) => makeCase({ child_role: "victim", ...overrides });

function rate(record: Case, options = defaults) {
  const { rating, findings } = childFirst.evaluate(record, options);
  return { rating, codes: findings.map((f) => f.code) };
}

// 13-year-old and 20-year-old in a sexual concern: the rubric's "in a relationship" example.
const groomed = { child_age: 13, suspect_age: 20, concern: ["cse"] } satisfies Partial<Case>;

describe("child-first", () => {
  test("defaults are the rubric's", () => {
    expect(defaults).toEqual({ adult_age: 18, consent_age: 16, criminal_responsibility_age: 10 });
  });

  test.each<[string, Partial<Case>, string, string[]]>([
    ["a victim, nothing else recorded", {}, "good", []],
    ["a witness", { child_role: "witness" }, "good", []],
    ["a suspect in a non-sexual concern, aged 14", { child_role: "suspect", child_age: 14, concern: ["physical_abuse"] }, "good", []],
    ["believed and not arrested", { child_disbelieved: false, child_arrested: false }, "good", []],
    ["a victim of a 20-year-old, aged 13", { ...groomed }, "good", []],
    ["disbelieved", { child_disbelieved: true }, "inadequate", ["disbelieved"]],
    ["arrested for a minor matter", { child_arrested: true, arrest_minor: true }, "inadequate", ["arrested-minor"]],
    ["minor matter recorded without an arrest", { child_arrested: false, arrest_minor: true }, "good", []],
    ["a suspect in a sexual abuse concern", { child_role: "suspect", concern: ["sexual_abuse"] }, "inadequate", ["suspect-sexual"]],
    ["a suspect in an online abuse concern", { child_role: "suspect", concern: ["online_abuse"] }, "inadequate", ["suspect-sexual"]],
    ["a witness, aged 13, with a 20-year-old", { ...groomed, child_role: "witness" }, "inadequate", ["not-seen-as-victim"]],
    ["role not recorded, aged 13, with a 20-year-old", { ...groomed, child_role: undefined }, "inadequate", ["not-seen-as-victim"]],
    ["role unknown, aged 13, with a 20-year-old", { ...groomed, child_role: "unknown" }, "inadequate", ["not-seen-as-victim"]],
    ["victim and suspect, aged 13, with a 20-year-old", { ...groomed, child_role: "victim_and_suspect" }, "adequate", ["victim-and-suspect"]],
    ["a witness aged 16 (consent age) with a 20-year-old", { ...groomed, child_age: 16, child_role: "witness" }, "good", []],
    ["a witness aged 15 with a suspect aged 18", { ...groomed, child_age: 15, suspect_age: 18, child_role: "witness" }, "inadequate", ["not-seen-as-victim"]],
    ["a witness aged 13 with a suspect aged 17", { ...groomed, suspect_age: 17, child_role: "witness" }, "good", []],
    ["a witness aged 13, suspect's age not recorded", { ...groomed, suspect_age: undefined, child_role: "witness" }, "good", []],
    ["a witness aged 13 with a 20-year-old, not sexual", { ...groomed, concern: ["neglect"], child_role: "witness" }, "good", []],
    ["a suspect aged 9", { child_age: 9, child_role: "suspect" }, "inadequate", ["under-criminal-age"]],
    ["victim and suspect aged 9", { child_age: 9, child_role: "victim_and_suspect" }, "inadequate", ["under-criminal-age"]],
    ["a suspect aged 10", { child_age: 10, child_role: "suspect" }, "good", []],
    ["a victim aged 9", { child_age: 9 }, "good", []],
    [
      "every inadequate bullet at once",
      { child_disbelieved: true, child_arrested: true, arrest_minor: true, child_role: "suspect", child_age: 9, suspect_age: 30, concern: ["sexual_abuse"] },
      "inadequate",
      ["disbelieved", "arrested-minor", "suspect-sexual", "not-seen-as-victim", "under-criminal-age"],
    ],
    ["inadequate hides the adequate bullets", { child_disbelieved: true, child_arrested: true, child_role: "unknown" }, "inadequate", ["disbelieved"]],
    ["victim and suspect aged 14", { child_role: "victim_and_suspect", child_age: 14 }, "adequate", ["victim-and-suspect"]],
    ["arrested, not for a minor matter", { child_arrested: true, arrest_minor: false }, "adequate", ["arrested"]],
    ["arrested, whether minor not recorded", { child_arrested: true }, "adequate", ["arrested"]],
    ["role unknown", { child_role: "unknown" }, "adequate", ["role-unknown"]],
    ["role not recorded", { child_role: undefined }, "adequate", ["role-unknown"]],
    [
      "every adequate bullet that can hold together",
      { child_role: "victim_and_suspect", child_arrested: true, child_age: 14 },
      "adequate",
      ["victim-and-suspect", "arrested"],
    ],
  ])("%s", (_name, overrides, rating, codes) => {
    expect(rate(victim(overrides))).toEqual({ rating, codes });
  });

  test.each<[string, object, Partial<Case>, string, string[]]>([
    ["a lower consent age clears a 15-year-old witness", { consent_age: 15 }, { ...groomed, child_age: 15, child_role: "witness" }, "good", []],
    ["a higher adult age clears a 20-year-old suspect", { adult_age: 21 }, { ...groomed, child_role: "witness" }, "good", []],
    [
      "a higher age of criminal responsibility catches a 11-year-old suspect",
      { criminal_responsibility_age: 12 },
      { child_age: 11, child_role: "suspect" },
      "inadequate",
      ["under-criminal-age"],
    ],
  ])("%s", (_name, options, overrides, rating, codes) => {
    expect(rate(victim(overrides), childFirst.options.parse(options))).toEqual({ rating, codes });
  });

  test("the message gives both ages", () => {
    const [finding] = childFirst.evaluate(victim({ ...groomed, child_role: "witness" }), defaults).findings;
    expect(finding?.message).toContain("13");
    expect(finding?.message).toContain("20");
    expect(finding?.fields).toEqual(["child_age", "suspect_age", "concern", "child_role"]);
  });

  test.each([
    ["an unknown option", { age_of_consent: 16 }],
    ["a fraction", { adult_age: 17.5 }],
    ["a negative age", { consent_age: -1 }],
  ])("rejects %s", (_name, options) => {
    expect(childFirst.options.safeParse(options).success).toBe(false);
  });
});
