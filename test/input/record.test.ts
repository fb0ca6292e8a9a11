import { describe, expect, test } from "vitest";
import type { Case } from "../../src/input/case.js";
import { checkRecord } from "../../src/input/record.js";
import { utcDay } from "./_files.js";

const required = { case_id: "NFK-0001", force: "Norfolk", reported_on: "2014-11-03" };
const day = (text: string, y: number, m: number, d: number) => ({ day: utcDay(y, m, d), text });

/** The contract's example record, every typed field recorded. */
const full: Case = {
  case_id: "NFK-0001",
  force: "Norfolk",
  reported_on: day("2014-11-03", 2014, 11, 3),
  child_age: 13,
  concern: ["cse", "online_abuse"],
  child_role: "victim_and_suspect",
  child_views_recorded: true,
  child_disbelieved: false,
  child_arrested: true,
  arrest_minor: false,
  suspect_age: 24,
  risk_assessed_on: day("2014-11-03T09:15", 2014, 11, 3),
  risk_assessment_quality: "good",
  risk_level: "high",
  social_care_referred_on: day("2014-11-03", 2014, 11, 3),
  strategy_discussion_on: day("2014-11-04", 2014, 11, 4),
  agencies_consulted: ["social_care", "health"],
  interviewed_on: day("2014-11-10", 2014, 11, 10),
  suspect_arrested_on: day("2014-11-12", 2014, 11, 12),
  outcome_code: 1,
  outcome_on: day("2015-03-01", 2015, 3, 1),
  inspector_grade: "adequate",
  extra: { officer: "PC 123" },
};

describe("checkRecord: accepted records", () => {
  test.each<[string, Record<string, unknown>]>([
    [
      "CSV text",
      {
        case_id: " NFK-0001 ",
        force: "Norfolk",
        reported_on: "03/11/2014",
        child_age: "13",
        concern: "CSE; Online Abuse",
        child_role: "Victim And Suspect",
        child_views_recorded: "Yes",
        child_disbelieved: "n",
        child_arrested: "TRUE",
        arrest_minor: "0",
        suspect_age: "24",
        risk_assessed_on: "03/11/2014 09:15",
        risk_assessment_quality: "Good",
        risk_level: "HIGH",
        social_care_referred_on: "2014-11-03",
        strategy_discussion_on: "04/11/2014",
        agencies_consulted: "social_care;health",
        interviewed_on: "2014-11-10",
        suspect_arrested_on: "12/11/2014",
        outcome_code: "1",
        outcome_on: "2015-03-01",
        inspector_grade: "Requires Improvement",
      },
    ],
    [
      "JSON values",
      {
        case_id: "NFK-0001",
        force: "Norfolk",
        reported_on: "2014-11-03",
        child_age: 13,
        concern: ["cse", "online_abuse"],
        child_role: "victim-and-suspect",
        child_views_recorded: true,
        child_disbelieved: false,
        child_arrested: true,
        arrest_minor: false,
        suspect_age: 24,
        risk_assessed_on: "2014-11-03T09:15",
        risk_assessment_quality: "good",
        risk_level: "high",
        social_care_referred_on: "2014-11-03",
        strategy_discussion_on: "2014-11-04",
        agencies_consulted: ["social_care", "health", "Health"],
        interviewed_on: "2014-11-10",
        suspect_arrested_on: "2014-11-12",
        outcome_code: 1,
        outcome_on: "2015-03-01",
        inspector_grade: "requires_improvement",
      },
    ],
    [
      "JSON values in CSV text form",
      {
        case_id: "NFK-0001",
        force: "Norfolk",
        reported_on: "2014-11-03",
        child_age: "13",
        concern: "cse;online_abuse",
        child_role: "victim_and_suspect",
        child_views_recorded: "yes",
        child_disbelieved: "no",
        child_arrested: "1",
        arrest_minor: "false",
        suspect_age: "24",
        risk_assessed_on: "2014-11-03T09:15",
        risk_assessment_quality: "good",
        risk_level: "high",
        social_care_referred_on: "2014-11-03",
        strategy_discussion_on: "2014-11-04",
        agencies_consulted: "social_care;health",
        interviewed_on: "2014-11-10",
        suspect_arrested_on: "2014-11-12",
        outcome_code: "1",
        outcome_on: "2015-03-01",
        inspector_grade: "adequate",
      },
    ],
  ])("every field recorded, as %s", (_name, fields) => {
    expect(checkRecord(fields, { officer: "PC 123" })).toEqual({ ok: true, record: full });
  });

  const notRecorded: Case = {
    case_id: "NFK-0001",
    force: "Norfolk",
    reported_on: day("2014-11-03", 2014, 11, 3),
    concern: [],
    agencies_consulted: [],
    extra: {},
  };
  const optional = [
    "child_age",
    "concern",
    "child_role",
    "child_views_recorded",
    "child_disbelieved",
    "child_arrested",
    "arrest_minor",
    "suspect_age",
    "risk_assessed_on",
    "risk_assessment_quality",
    "risk_level",
    "social_care_referred_on",
    "strategy_discussion_on",
    "agencies_consulted",
    "interviewed_on",
    "suspect_arrested_on",
    "outcome_code",
    "outcome_on",
    "inspector_grade",
  ];

  test.each<[string, unknown]>([
    ["absent keys", undefined],
    ["empty cells", ""],
    ["cells of spaces", "  "],
    ["JSON null", null],
  ])("optional fields as %s are not recorded: no key, lists empty", (_name, blank) => {
    const fields: Record<string, unknown> = { ...required };
    if (blank !== undefined) for (const name of optional) fields[name] = blank;
    const checked = checkRecord(fields, {});
    expect(checked).toEqual({ ok: true, record: notRecorded });
    if (!checked.ok) return;
    for (const name of optional.filter((n) => n !== "concern" && n !== "agencies_consulted")) {
      expect(Object.keys(checked.record)).not.toContain(name);
    }
  });

  test.each<[string, unknown, boolean | undefined]>([
    ["yes", "yes", true],
    ["no", "no", false],
    ["an empty cell", "", undefined],
    ["JSON null", null, undefined],
  ])("child_views_recorded %s is %s, and not recorded is not false", (_name, raw, expected) => {
    const checked = checkRecord({ ...required, child_views_recorded: raw }, {});
    expect(checked.ok).toBe(true);
    const record = checked.ok ? checked.record : undefined;
    expect(record?.child_views_recorded).toBe(expected);
    expect(Object.keys(record ?? {}).includes("child_views_recorded")).toBe(expected !== undefined);
  });

  test.each<[string, unknown, string]>([
    ["a JSON number", 1234, "1234"],
    ["text with spaces", "  NFK-1  ", "NFK-1"],
  ])("case_id as %s is text", (_name, raw, expected) => {
    const checked = checkRecord({ ...required, case_id: raw }, {});
    expect(checked.ok && checked.record.case_id).toBe(expected);
  });

  test("keys that are not typed fields are dropped, notes among them", () => {
    const checked = checkRecord({ ...required, notes: "sensitive", officer: "PC 123" }, {});
    expect(checked).toEqual({ ok: true, record: notRecorded });
  });

  test("extra is attached untouched", () => {
    const extra = { officer: "  PC 123 ", team: "" };
    const checked = checkRecord(required, extra);
    expect(checked.ok && checked.record.extra).toEqual({ officer: "  PC 123 ", team: "" });
  });
});

describe("checkRecord: invalid records name the field", () => {
  test.each<[string, Record<string, unknown>, string, string?]>([
    ["a bad date", { reported_on: "2015-02-30" }, "reported_on"],
    ["29 February in a common year", { reported_on: "2015-02-29" }, "reported_on"],
    ["a US-order date", { reported_on: "07/25/2015" }, "reported_on", "US order"],
    ["a date as a JSON number", { outcome_on: 20150725 }, "outcome_on"],
    ["child_age 25", { child_age: "25" }, "child_age", "0-17"],
    ["child_age 25 as a JSON number", { child_age: 25 }, "child_age", "0-17"],
    ["child_age 12.5", { child_age: "12.5" }, "child_age", "whole number"],
    ["child_age 12.5 as a JSON number", { child_age: 12.5 }, "child_age", "whole number"],
    ["child_age twelve", { child_age: "twelve" }, "child_age", "whole number"],
    ["child_age beyond 2^53", { child_age: "9007199254740993" }, "child_age"],
    ["suspect_age negative", { suspect_age: -3 }, "suspect_age"],
    ["outcome_code 0", { outcome_code: "0" }, "outcome_code", "1-22"],
    ["outcome_code 23", { outcome_code: 23 }, "outcome_code", "1-22"],
    ["an unknown child_role", { child_role: "perpetrator" }, "child_role"],
    ["an unknown risk_level", { risk_level: "very high" }, "risk_level"],
    ["requires_improvement as risk_assessment_quality", { risk_assessment_quality: "requires_improvement" }, "risk_assessment_quality"],
    ["an unknown concern", { concern: "cse;theft" }, "concern"],
    ["an unknown agency in a JSON array", { agencies_consulted: ["social_care", "police"] }, "agencies_consulted"],
    ["a comma-separated list", { agencies_consulted: "social_care,health" }, "agencies_consulted", 'separated by ";"'],
    ["a boolean of another word", { child_arrested: "maybe" }, "child_arrested"],
    ["a boolean as a JSON string of a number", { child_arrested: "2" }, "child_arrested"],
    ["an absent case_id", { case_id: undefined }, "case_id", "required"],
    ["an empty case_id", { case_id: "" }, "case_id", "required"],
    ["a case_id of spaces", { case_id: "   " }, "case_id", "required"],
    ["a null force", { force: null }, "force", "required"],
    ["an absent reported_on", { reported_on: undefined }, "reported_on", "required"],
    ["a case_id that is a JSON object", { case_id: { id: 1 } }, "case_id"],
    ["a force that is a JSON boolean", { force: true }, "force"],
  ])("%s", (_name, change, field, reasonPart) => {
    const fields: Record<string, unknown> = { ...required, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete fields[key];
    const checked = checkRecord(fields, {});
    expect(checked).toEqual({
      ok: false,
      problems: [{ field, reason: reasonPart === undefined ? expect.any(String) : expect.stringContaining(reasonPart) }],
    });
  });

  test("every problem in a record is listed, in field order", () => {
    const checked = checkRecord({ force: "Norfolk", reported_on: "07/25/2015", child_age: 25, child_role: "perp" }, {});
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(["case_id", "reported_on", "child_age", "child_role"]);
  });

  test("an error quotes a long typed value only in part", () => {
    const long = "not a date, and a very long one at that, going on and on";
    const checked = checkRecord({ ...required, reported_on: long }, {});
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]!.reason).not.toContain(long);
  });
});
