import { describe, expect, test } from "vitest";
import type { Case } from "../../../src/input/case.js";
import type { DeclarativeRule } from "../../../src/rules/_declarative/compile.js";
import type { DeclarativeDefinition } from "../../../src/rules/_declarative/definition.js";
import { d, makeCase } from "../../helpers/make-case.js";
import { compiled as rule } from "./_compile.js";

const rate = (r: DeclarativeRule, record: Case) => {
  const { rating, findings } = r.evaluate(record, {});
  return [rating, findings.map((f) => f.code)];
};

describe("not recorded is never silently false", () => {
  const interviewRule = (on_missing: DeclarativeDefinition["on_missing"]) =>
    rule({
      on_missing,
      inadequate: [
        { when: "days(reported_on, interviewed_on) > 20", code: "interview-late", message: "late" },
        { when: "child_disbelieved", code: "disbelieved", message: "disbelieved" },
      ],
    });
  const noInterview = makeCase({ child_disbelieved: false });
  const noInterviewDisbelieved = makeCase({ child_disbelieved: true });
  test.each([
    ["default: adequate, with a not-recorded finding", "adequate", noInterview, "adequate", ["not-recorded"]],
    ["on_missing inadequate", "inadequate", noInterview, "inadequate", ["not-recorded"]],
    ["on_missing n/a: n/a, and no finding", "n/a", noInterview, "n/a", []],
    ["an entry that holds rates the rule, with its finding alone", "adequate", noInterviewDisbelieved, "inadequate", ["disbelieved"]],
    ["under on_missing inadequate likewise", "inadequate", noInterviewDisbelieved, "inadequate", ["disbelieved"]],
    ["under on_missing n/a likewise", "n/a", noInterviewDisbelieved, "inadequate", ["disbelieved"]],
  ] as const)("%s", (_name, onMissing, record, rating, codes) => {
    expect(rate(interviewRule(onMissing), record)).toEqual([rating, codes]);
  });

  test("the finding names the field", () => {
    expect(interviewRule("adequate").evaluate(noInterview, {}).findings).toEqual([
      { code: "not-recorded", message: "interviewed_on not recorded", fields: ["interviewed_on"] },
    ]);
  });

  test.each([
    ["applies undecided: the rule cannot be judged", { applies: "child_age < 13" }, makeCase(), ["adequate", ["not-recorded"]]],
    ["&& settles without the field when the other side is false", { applies: "child_age < 13 && 'cse' in concern" }, makeCase(), ["n/a", []]],
    ["|| settles without the field when the other side is true", { inadequate: [{ when: "child_age < 3 || true", code: "x", message: "x" }] }, makeCase(), ["inadequate", ["x"]]],
    ["recorded() guards: no finding", { inadequate: [{ when: "recorded(interviewed_on) && days(reported_on, interviewed_on) > 20", code: "x", message: "x" }] }, makeCase(), ["good", []]],
    ["a list is never undecided: not recorded, it is empty", { inadequate: [{ when: "!('health' in agencies_consulted)", code: "x", message: "x" }] }, makeCase(), ["inadequate", ["x"]]],
    ["recorded() of an empty list is false", { applies: "recorded(concern)" }, makeCase(), ["n/a", []]],
    ["a blank carried-through column is not recorded", { extra: ["bail_conditions"], applies: "bail_conditions == 'none'" }, makeCase({ extra: { bail_conditions: "  " } }), ["adequate", ["not-recorded"]]],
  ] as const)("%s", (_name, definition, record, expected) => {
    expect(rate(rule(definition as Partial<DeclarativeDefinition>), record)).toEqual(expected);
  });
});

describe("values in expressions", () => {
  test.each([
    ["working days skip the weekend", "working_days(reported_on, interviewed_on) == 1", { interviewed_on: d("2015-07-03") }, true],
    ["Friday to Monday is one working day", "working_days(date('2015-07-03'), date('2015-07-06')) == 1", {}, true],
    ["working days skip a bank holiday", "working_days(date('2015-12-24'), date('2015-12-29')) == 1", {}, true],
    ["calendar days count every day", "days(reported_on, interviewed_on) == 4", { interviewed_on: d("2015-07-06") }, true],
    ["days are negative backwards", "days(interviewed_on, reported_on) == -4", { interviewed_on: d("2015-07-06") }, true],
    ["dates compare", "interviewed_on > reported_on", { interviewed_on: d("2015-07-06") }, true],
    ["a UK date in date()", "reported_on == date('02/07/2015')", {}, true],
    ["a carried-through column's date", "days(reported_on, date(devices_seized_on)) == 1", { extra: { devices_seized_on: "03/07/2015" } }, true],
    ["booleans", "child_views_recorded && !child_disbelieved", { child_views_recorded: true, child_disbelieved: false }, true],
    ["enum words", "child_role in ['victim', 'victim_and_suspect']", { child_role: "victim" }, true],
    ["list membership", "concern.exists(c, c in ['cse', 'online_abuse'])", { concern: ["neglect", "cse"] }, true],
  ] as const)("%s", (_name, applies, overrides, expected) => {
    const extra = "extra" in overrides ? Object.keys(overrides.extra) : [];
    const r = rule({ applies, extra });
    expect(r.evaluate(makeCase(overrides as Partial<Case>), {}).rating).toBe(expected ? "good" : "n/a");
  });

  test("a message writes numbers, yes/no, dates, lists and not recorded", () => {
    const r = rule({
      inadequate: [
        {
          when: "true",
          code: "x",
          message: "{child_age} | {child_views_recorded} | {reported_on} | {concern} | {interviewed_on} | {{braces}}",
        },
      ],
    });
    const record = makeCase({ child_age: 9, child_views_recorded: false, concern: ["cse", "neglect"] });
    expect(r.evaluate(record, {}).findings[0]!.message).toBe("9 | no | 2015-07-02 | cse, neglect | not recorded | {braces}");
  });
});

describe("an expression that fails on a case", () => {
  const counted = rule({ extra: ["previous_referrals"], applies: "int(previous_referrals) >= 2" });
  test("throws, so that the case is listed as invalid, naming where and what but never the value", () => {
    expect(() => counted.evaluate(makeCase({ extra: { previous_referrals: "Mrs Smith's son" } }), {})).toThrow(
      /^applies could not be evaluated on this case: int conversion error$/,
    );
  });

  test("a carried-through date that is not one", () => {
    const seized = rule({ extra: ["devices_seized_on"], inadequate: [{ when: "date(devices_seized_on) > reported_on", code: "x", message: "x" }] });
    expect(() => seized.evaluate(makeCase({ extra: { devices_seized_on: "last Tuesday" } }), {})).toThrow(
      /^inadequate\[0\]\.when could not be evaluated on this case: not a date$/,
    );
  });

  test("a division by zero", () => {
    expect(() => rule({ applies: "10 / (child_age - 9) > 1" }).evaluate(makeCase({ child_age: 9 }), {})).toThrow(/division by zero$/);
  });
});
