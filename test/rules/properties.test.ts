import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Case, CaseDate } from "../../src/input/case.js";
import { AGENCIES, ASSESSMENT_QUALITIES, CHILD_ROLES, CONCERNS, GRADES, RISK_LEVELS } from "../../src/input/fields.js";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";

const day = fc.integer({ min: 16_000, max: 16_500 }).map((n): CaseDate => ({ day: n, text: "" }));
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

/** A validated case, each field recorded or not; dates close together so that every delay band is met. */
const cases: fc.Arbitrary<Case> = fc
  .record({
    reported_on: day,
    child_age: maybe(fc.integer({ min: 0, max: 17 })),
    concern: fc.subarray([...CONCERNS]),
    child_role: maybe(fc.constantFrom(...CHILD_ROLES)),
    child_views_recorded: maybe(fc.boolean()),
    child_disbelieved: maybe(fc.boolean()),
    child_arrested: maybe(fc.boolean()),
    arrest_minor: maybe(fc.boolean()),
    suspect_age: maybe(fc.integer({ min: 0, max: 80 })),
    risk_assessed_on: maybe(fc.integer({ min: -3, max: 12 })),
    risk_assessment_quality: maybe(fc.constantFrom(...ASSESSMENT_QUALITIES)),
    risk_level: maybe(fc.constantFrom(...RISK_LEVELS)),
    social_care_referred_on: maybe(fc.integer({ min: -2, max: 10 })),
    strategy_discussion_on: maybe(fc.integer({ min: -2, max: 14 })),
    agencies_consulted: fc.subarray([...AGENCIES]),
    interviewed_on: maybe(fc.integer({ min: 0, max: 45 })),
    suspect_arrested_on: maybe(fc.integer({ min: 0, max: 45 })),
    inspector_grade: maybe(fc.constantFrom(...GRADES)),
  })
  .map((r) => {
    const after = (offset: number | undefined) => (offset === undefined ? undefined : { day: r.reported_on.day + offset, text: "" });
    const record: Record<string, unknown> = {
      ...r,
      case_id: "A",
      force: "F",
      risk_assessed_on: after(r.risk_assessed_on),
      social_care_referred_on: after(r.social_care_referred_on),
      strategy_discussion_on: after(r.strategy_discussion_on),
      interviewed_on: after(r.interviewed_on),
      suspect_arrested_on: after(r.suspect_arrested_on),
      extra: {},
    };
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    return record as unknown as Case;
  });

/** Options a rubric config may set, within each rule's schema. */
const limits = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([a, b]) => ({ good: a, adequate: a + b }));
const OPTIONS: Record<string, fc.Arbitrary<unknown>> = {
  "risk-assessment": limits,
  timeliness: fc.record({ referral: limits, strategy_discussion: limits, interview: limits, suspect_arrest: limits }),
  "child-first": fc.record({ adult_age: fc.integer({ min: 0, max: 25 }), consent_age: fc.integer({ min: 0, max: 18 }), criminal_responsibility_age: fc.integer({ min: 0, max: 14 }) }),
  "multi-agency": fc.record({ health_for: fc.subarray([...CONCERNS]) }),
  "voice-of-child": fc.record({ min_age: fc.integer({ min: 0, max: 18 }) }),
};

// A rule's rating comes from its checks; its findings from the same checks, asked only when it is not good.
describe.each(BUILT_IN_RULES.map((rule) => [rule.id, rule as Rule<unknown>] as const))("%s, on any case with any options", (id, rule) => {
  test("has findings exactly when it is not good, each with a code it declares, naming fields it reads", () => {
    fc.assert(
      fc.property(cases, OPTIONS[id] ?? fc.constant({}), (record, given) => {
        const { rating, findings } = rule.evaluate(record, rule.options.parse(given));
        expect(findings.length > 0, rating).toBe(rating === "adequate" || rating === "inadequate");
        for (const finding of findings) {
          expect(rule.codes).toContain(finding.code);
          expect(finding.fields.filter((field) => !rule.fields.includes(field))).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
