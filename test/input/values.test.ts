import { describe, expect, test } from "vitest";
import { AGENCIES, ASSESSMENT_QUALITIES, CHILD_ROLES, GRADES } from "../../src/input/fields.js";
import { parseDate } from "../../src/input/dates.js";
import { normaliseWord, parseBoolean, parseEnum, parseInteger, parseList, parseText } from "../../src/input/values.js";
import { utcDay } from "./_files.js";

const GRADE_ALIASES = { requires_improvement: "adequate" };

describe("parseDate", () => {
  test.each<[string, string, { day: number; text: string }]>([
    ["ISO date", "2015-07-02", { day: utcDay(2015, 7, 2), text: "2015-07-02" }],
    ["UK date", "02/07/2015", { day: utcDay(2015, 7, 2), text: "2015-07-02" }],
    ["UK date without leading zeros", "2/7/2015", { day: utcDay(2015, 7, 2), text: "2015-07-02" }],
    ["ISO date-time with T", "2015-07-02T14:30", { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30" }],
    ["ISO date-time with a space", "2015-07-02 14:30", { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30" }],
    ["ISO date-time with seconds", "2015-07-02T14:30:15", { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30:15" }],
    ["UK date-time", "02/07/2015 14:30", { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30" }],
    ["UK date-time with seconds", "02/07/2015 14:30:15", { day: utcDay(2015, 7, 2), text: "2015-07-02T14:30:15" }],
    ["midnight and the last second of the day", "2015-07-02T23:59:59", { day: utcDay(2015, 7, 2), text: "2015-07-02T23:59:59" }],
    ["surrounding spaces", "  2015-07-02  ", { day: utcDay(2015, 7, 2), text: "2015-07-02" }],
    ["a leap day, ISO", "2016-02-29", { day: utcDay(2016, 2, 29), text: "2016-02-29" }],
    ["a leap day, UK", "29/02/2016", { day: utcDay(2016, 2, 29), text: "2016-02-29" }],
    ["a leap day in a century divisible by 400", "2000-02-29", { day: utcDay(2000, 2, 29), text: "2000-02-29" }],
    ["the last day of the year, UK", "31/12/2015", { day: utcDay(2015, 12, 31), text: "2015-12-31" }],
    ["a day before 1970", "1969-12-31", { day: -1, text: "1969-12-31" }],
  ])("%s: %j", (_name, raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, unknown]>([
    ["an empty cell", ""],
    ["a cell of spaces", "   "],
    ["an absent key", undefined],
    ["JSON null", null],
  ])("%s is not recorded", (_name, raw) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: undefined });
  });

  test.each<[string, unknown]>([
    ["29 February in a common year, ISO", "2015-02-29"],
    ["29 February in a common year, UK", "29/02/2015"],
    ["29 February in a century not divisible by 400", "1900-02-29"],
    ["31 April", "2015-04-31"],
    ["31 April, UK", "31/04/2015"],
    ["month 13", "2015-13-01"],
    ["month 0", "2015-00-10"],
    ["day 0", "2015-07-00"],
    ["month 13 and day 13, UK", "13/13/2015"],
    ["single-digit ISO month and day", "2015-7-2"],
    ["a two-digit year", "02/07/15"],
    ["a date in words", "2 July 2015"],
    ["digits only", "20150702"],
    ["hour 24", "2015-07-02T24:00"],
    ["minute 60", "2015-07-02T14:60"],
    ["second 60", "2015-07-02T14:30:60"],
    ["a time zone", "2015-07-02T14:30Z"],
    ["a time without a date", "14:30"],
    ["a JSON number", 20150702],
    ["a JSON boolean", true],
    ["a JSON object", { year: 2015 }],
  ])("%s is invalid: %j", (_name, raw) => {
    const parsed = parseDate(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed).not.toHaveProperty("reason", expect.stringContaining("US order"));
  });

  test.each([["07/25/2015"], ["12/13/2015"], ["1/31/2016"], ["02/29/2016 10:00"]])(
    "month-first %s is invalid with the US-order hint",
    (raw) => {
      expect(parseDate(raw)).toEqual({ ok: false, reason: expect.stringContaining("US order") });
    },
  );

  test.each([
    ["2015-07-02", "2015-07-02T14:30"],
    ["2015-07-02", "2015-07-02T00:00:00"],
    ["02/07/2015", "02/07/2015 23:59"],
    ["2015-07-02", "02/07/2015 14:30:15"],
  ])("%s and %s fall on the same day, the time kept only in text", (date, dateTime) => {
    const a = parseDate(date);
    const b = parseDate(dateTime);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value?.day).toBe(a.value?.day);
    expect(b.value?.text.startsWith(`${a.value?.text}T`)).toBe(true);
  });

  test("a year before 100 is not read as 19xx (0015-07-02 gets the day of 1915-07-02)", () => {
    const early = parseDate("0015-07-02");
    const late = parseDate("1915-07-02");
    const sameDay = early.ok && late.ok && early.value !== undefined && early.value.day === late.value?.day;
    expect(sameDay).toBe(false);
  });
});

describe("parseBoolean", () => {
  test.each<[unknown, boolean]>([
    ["yes", true],
    ["YES", true],
    ["Yes", true],
    ["y", true],
    ["Y", true],
    ["true", true],
    ["TRUE", true],
    ["True", true],
    ["1", true],
    [" yes ", true],
    ["no", false],
    ["NO", false],
    ["No", false],
    ["n", false],
    ["N", false],
    ["false", false],
    ["FALSE", false],
    ["False", false],
    ["0", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])("%j is %s", (raw, expected) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, unknown]>([
    ["an empty cell", ""],
    ["a cell of spaces", "  "],
    ["an absent key", undefined],
    ["JSON null", null],
  ])("%s is not recorded, which is not false", (_name, raw) => {
    const parsed = parseBoolean(raw);
    expect(parsed).toEqual({ ok: true, value: undefined });
    expect(parsed.ok && parsed.value).not.toBe(false);
  });

  test.each<[unknown]>([["2"], ["-1"], ["yep"], ["nope"], ["truee"], ["on"], [2], [-1], [["yes"]], [{ value: true }]])(
    "%j is invalid",
    (raw) => {
      expect(parseBoolean(raw).ok).toBe(false);
    },
  );
});

describe("parseInteger", () => {
  test.each<[unknown, number]>([
    ["12", 12],
    [" 12 ", 12],
    ["0", 0],
    ["17", 17],
    ["012", 12],
    [12, 12],
    [0, 0],
    [17, 17],
    [12.0, 12],
  ])("%j within 0-17 is %d", (raw, expected) => {
    expect(parseInteger(raw, 0, 17)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, unknown]>([
    ["an empty cell", ""],
    ["an absent key", undefined],
    ["JSON null", null],
  ])("%s is not recorded", (_name, raw) => {
    expect(parseInteger(raw, 0, 17)).toEqual({ ok: true, value: undefined });
  });

  test.each<[string, unknown]>([
    ["25 as digits", "25"],
    ["25 as a JSON number", 25],
    ["18 as digits", "18"],
    ["-1 as a JSON number", -1],
  ])("%s is outside 0-17", (_name, raw) => {
    expect(parseInteger(raw, 0, 17)).toEqual({ ok: false, reason: expect.stringContaining("0-17") });
  });

  test.each<[string, unknown]>([
    ["a decimal as text", "12.5"],
    ["a decimal as a JSON number", 12.5],
    ["a word", "twelve"],
    ["a sign", "-1"],
    ["a plus sign", "+5"],
    ["an exponent", "1e1"],
    ["digits and a word", "12 years"],
    ["a JSON boolean", true],
    ["a JSON array", [12]],
  ])("%s is not a whole number: %j", (_name, raw) => {
    expect(parseInteger(raw, 0, 17)).toEqual({ ok: false, reason: expect.stringContaining("whole number") });
  });

  test.each<[string, unknown, boolean]>([
    ["2^53 - 1 as digits", "9007199254740991", true],
    ["2^53 - 1 as a JSON number", Number.MAX_SAFE_INTEGER, true],
    ["2^53 + 1 as digits", "9007199254740993", false],
    ["2^53 as a JSON number", 2 ** 53, false],
    ["twenty-one digits", "100000000000000000000", false],
    ["1e21 as a JSON number", 1e21, false],
  ])("%s with no upper bound: accepted %s", (_name, raw, accepted) => {
    expect(parseInteger(raw, 0, Number.MAX_SAFE_INTEGER).ok).toBe(accepted);
  });
});

describe("parseEnum", () => {
  test.each<[unknown, string]>([
    ["victim", "victim"],
    ["VICTIM", "victim"],
    [" Victim ", "victim"],
    ["Victim And Suspect", "victim_and_suspect"],
    ["victim-and-suspect", "victim_and_suspect"],
    ["VICTIM_AND_SUSPECT", "victim_and_suspect"],
    ["victim  and - suspect", "victim_and_suspect"],
    ["Witness", "witness"],
  ])("child_role %j is %s", (raw, expected) => {
    expect(parseEnum(raw, CHILD_ROLES)).toEqual({ ok: true, value: expected });
  });

  test.each<[unknown, string]>([
    ["good", "good"],
    ["Adequate", "adequate"],
    ["requires_improvement", "adequate"],
    ["Requires Improvement", "adequate"],
    ["requires-improvement", "adequate"],
    ["INADEQUATE", "inadequate"],
  ])("inspector_grade %j is %s", (raw, expected) => {
    expect(parseEnum(raw, GRADES, GRADE_ALIASES)).toEqual({ ok: true, value: expected });
  });

  test("the requires_improvement alias belongs to inspector_grade only", () => {
    expect(parseEnum("requires_improvement", ASSESSMENT_QUALITIES).ok).toBe(false);
  });

  test.each<[string, unknown]>([
    ["an empty cell", ""],
    ["an absent key", undefined],
    ["JSON null", null],
  ])("%s is not recorded", (_name, raw) => {
    expect(parseEnum(raw, CHILD_ROLES)).toEqual({ ok: true, value: undefined });
  });

  test.each<[string, unknown]>([
    ["an unknown word", "perpetrator"],
    ["a misspelling", "victm"],
    ["two words run together", "victimandsuspect"],
    ["a word of another enum", "good"],
    ["a JSON number", 1],
    ["a JSON boolean", true],
    ["a JSON array", ["victim"]],
  ])("%s is rejected: %j", (_name, raw) => {
    expect(parseEnum(raw, CHILD_ROLES).ok).toBe(false);
  });

  test.each([["toString"], ["constructor"], ["__proto__"], ["hasOwnProperty"]])(
    "inspector_grade %j is rejected, not looked up on Object.prototype",
    (raw) => {
      expect(parseEnum(raw, GRADES, GRADE_ALIASES).ok).toBe(false);
    },
  );

  test("a misspelling suggests the nearest word", () => {
    expect(parseEnum("victm", CHILD_ROLES)).toEqual({ ok: false, reason: expect.stringContaining('"victim"') });
  });
});

describe("parseList", () => {
  test.each<[string, unknown, string[]]>([
    ["two words", "social_care;health", ["social_care", "health"]],
    ["spaces and mixed case", " Social Care ; HEALTH ", ["social_care", "health"]],
    ["hyphens", "social-care;Youth-Justice", ["social_care", "youth_justice"]],
    ["one word", "education", ["education"]],
    ["empty items", "social_care;;health;", ["social_care", "health"]],
    ["duplicates in any case", "health;Health;HEALTH", ["health"]],
    ["only separators", ";", []],
    ["a JSON array", ["social_care", "health"], ["social_care", "health"]],
    ["a JSON array in mixed case with a duplicate", ["Social Care", "social_care", "Probation"], ["social_care", "probation"]],
    ["an empty JSON array", [], []],
    ["an empty cell", "", []],
    ["a cell of spaces", "  ", []],
    ["an absent key", undefined, []],
    ["JSON null", null, []],
  ])("%s: %j", (_name, raw, expected) => {
    expect(parseList(raw, AGENCIES)).toEqual({ ok: true, value: expected });
  });

  test.each([["social_care,health"], ["social_care, health"], ["Social Care , Health , Education"]])(
    "comma-separated %j is rejected with the ; hint",
    (raw) => {
      expect(parseList(raw, AGENCIES)).toEqual({ ok: false, reason: expect.stringContaining('separated by ";"') });
    },
  );

  test.each<[string, unknown]>([
    ["an unknown word", "social_care;police"],
    ["a comma inside a ;-list", "social_care;health,education"],
    ["an unknown word in a JSON array", ["police"]],
    ["a number in a JSON array", [1]],
    ["a JSON number", 12],
    ["a JSON object", { social_care: true }],
  ])("%s is rejected: %j", (_name, raw) => {
    expect(parseList(raw, AGENCIES).ok).toBe(false);
  });
});

describe("parseText", () => {
  test.each<[unknown, string | undefined]>([
    ["NFK-0001", "NFK-0001"],
    ["  NFK-0001 ", "NFK-0001"],
    [1234, "1234"],
    ["", undefined],
    ["   ", undefined],
    [undefined, undefined],
    [null, undefined],
  ])("%j is %j", (raw, expected) => {
    expect(parseText(raw)).toEqual({ ok: true, value: expected });
  });

  test.each<[unknown]>([[true], [{ id: 1 }], [["a"]], [Number.NaN]])("%j is not text", (raw) => {
    expect(parseText(raw).ok).toBe(false);
  });
});

describe("normaliseWord", () => {
  test.each([
    ["Victim And Suspect", "victim_and_suspect"],
    ["victim-and-suspect", "victim_and_suspect"],
    ["  CSE  ", "cse"],
    ["online\tabuse", "online_abuse"],
  ])("%j is %s", (raw, expected) => {
    expect(normaliseWord(raw)).toBe(expected);
  });
});
