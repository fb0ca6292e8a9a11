import { describe, expect, test } from "vitest";
import { defineRule } from "../../../src/rules/define-rule.js";
import { RuleTester } from "../../../src/rules/tester.js";
import type { DeclarativeDefinition } from "../../../src/rules/_declarative/definition.js";
import { MEDICAL_ADVICE_DEFINITION } from "../../helpers/medical-advice.js";
import { compiled, problemsOf } from "./_compile.js";

/** The issue's own example, as test/helpers/medical-advice.json writes it, with no options as the config gives it. */
const medicalAdvice = defineRule(compiled(MEDICAL_ADVICE_DEFINITION, "medical-advice"));
const sexualAbuse = (record: Record<string, string>) => ({ concern: "sexual_abuse", child_age: "9", ...record });

new RuleTester({ describe, test }).run(medicalAdvice, {
  valid: [
    { name: "a neglect case does not apply", record: { concern: "neglect", child_age: "9" }, rating: "n/a" },
    { name: "a 14-year-old does not apply", record: sexualAbuse({ child_age: "14" }), rating: "n/a" },
    {
      name: "a doctor, strategy discussion the next working day, is good",
      record: sexualAbuse({ agencies_consulted: "health", strategy_discussion_on: "2015-07-03" }),
      rating: "good",
    },
  ],
  invalid: [
    { name: "no doctor is inadequate", record: sexualAbuse({ agencies_consulted: "social_care" }), rating: "inadequate", codes: ["no-doctor"] },
    {
      name: "a doctor, strategy discussion 2 working days after, is adequate",
      record: sexualAbuse({ agencies_consulted: "health", strategy_discussion_on: "2015-07-06" }),
      rating: "adequate",
      codes: ["late-strategy"],
    },
    {
      name: "a message writes in the value of its {expression}",
      record: sexualAbuse({ agencies_consulted: "health", strategy_discussion_on: "2015-07-08" }),
      rating: "adequate",
      codes: ["late-strategy"],
      findings: [{ message: "strategy discussion 4 working days after report; target 1", fields: ["reported_on", "strategy_discussion_on"] }],
    },
    { name: "age not recorded: cannot tell whether it applies", record: { concern: "sexual_abuse" }, rating: "adequate", codes: ["not-recorded"] },
    { name: "no strategy discussion recorded", record: sexualAbuse({ agencies_consulted: "health" }), rating: "adequate", codes: ["not-recorded"] },
  ],
});

test("the medical-advice rule reads the fields its expressions name, in contract order", () => {
  expect(medicalAdvice.fields).toEqual(["reported_on", "child_age", "concern", "strategy_discussion_on", "agencies_consulted"]);
});

describe("checked before any record is read", () => {
  test.each([
    ["a syntax error", { applies: "child_age < < 3" }, "applies: column 13: syntax error"],
    ["an unknown field, with did you mean", { applies: "chld_age < 13" }, 'applies: column 1: unknown field "chld_age"; did you mean "child_age"?'],
    ["a whole number compared with text", { applies: "child_age == 'ten'" }, "applies: column 1: == cannot apply to int and string"],
    ["a list compared with text", { applies: "concern == 'x'" }, "applies: column 1: == cannot apply to list<string> and string"],
    ["an unknown function", { applies: "workingdays(reported_on, interviewed_on) > 1" }, 'applies: column 1: unknown function workingdays(); did you mean "working_days"?'],
    ["a value that is not true or false", { applies: "child_age" }, "applies: expected a true/false expression, got int"],
    ["a word the field never holds", { applies: "child_role == 'victm'" }, 'applies: column 1: child_role is never "victm"; did you mean "victim"?'],
    ["a concern that does not exist", { applies: "'sexual-abuse' in concern" }, 'applies: column 1: concern is never "sexual-abuse"; did you mean "sexual_abuse"?'],
    ["an alias the reader rewrites", { applies: "inspector_grade == 'requires_improvement'" }, 'applies: column 1: inspector_grade is never "requires_improvement": it is read as "adequate"'],
    ["a date that is not one", { applies: "reported_on > date('2015-02-30')" }, 'applies: column 15: date() of "2015-02-30", which is not a date'],
    ["matches, left out", { applies: "force.matches('(a+)+$')" }, "applies: column 1: matches() is not available"],
    [
      "an error in a message's expression, at its column in the message",
      { inadequate: [{ when: "true", code: "x", message: "aged {chld_age}" }] },
      'inadequate.0.message: column 7: unknown field "chld_age"',
    ],
    ["an unclosed brace in a message", { inadequate: [{ when: "true", code: "x", message: "aged {child_age" }] }, "inadequate.0.message: column 6: a { that is never closed"],
    [
      "a carried-through column's text in a message",
      { extra: ["bail_conditions"], inadequate: [{ when: "recorded(bail_conditions)", code: "x", message: "bailed: {bail_conditions}" }] },
      "inadequate.0.message: column 10: a message cannot show a carried-through column's text",
    ],
    ["a carried-through column not listed", { applies: "recorded(bail_conditions)" }, 'applies: column 10: unknown field "bail_conditions"; a carried-through column the rule reads must be listed in its "extra"'],
    ["a contract field listed as extra", { extra: ["child_age"] }, "extra.0: child_age is a contract field"],
    ["a chain of 60 alternatives, nested past the limit", { applies: Array.from({ length: 60 }, (_, i) => `child_age == ${i % 18}`).join(" || ") }, "applies: column 213: nested more than 50 operations deep"],
    ["brackets nested 60 deep", { applies: `${"(".repeat(60)}true${")".repeat(60)}` }, "applies: column 51: nested more than 50 operations deep"],
    ["60 negations", { applies: `${"!".repeat(60)}true` }, "applies: column 1: nested more than 50 operations deep"],
    ["loops three deep", { applies: "concern.all(a, concern.all(b, concern.all(c, a == b)))" }, "applies: column 31: loops (all, exists, exists_one, map, filter) are nested more than 2 deep"],
    ["cel.bind", { applies: "cel.bind(a, 1, a > 0)" }, "applies: column 1: cel.bind() is not available"],
    ["an expression over 10,000 characters", { applies: `force == '${"x".repeat(10_000)}'` }, "applies: column 1: 10011 characters long; at most 10000"],
  ])("%s", (_name, overrides, problem) => {
    const problems = problemsOf(overrides as Partial<DeclarativeDefinition>);
    expect(problems.some((p) => p.startsWith(problem)), problems.join("\n")).toBe(true);
  });

  test("a line and column in an expression written on several lines", () => {
    expect(problemsOf({ applies: "child_age < 13 &&\n  'cse' in concern &&\n  chld_age > 1" })).toEqual([
      'applies: line 3, column 3: unknown field "chld_age"; did you mean "child_age"?',
    ]);
  });
});
