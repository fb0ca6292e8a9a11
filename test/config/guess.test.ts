import { describe, expect, test } from "vitest";
import { guessColumns, guessValues, guessWord, suggestWord } from "../../src/config/guess.js";
import { AGENCIES, CHILD_ROLES, CONCERNS, FIELDS, RISK_LEVELS } from "../../src/input/fields.js";
import { parseEnum } from "../../src/input/values.js";

describe("guessColumns", () => {
  test.each<[string, string, string]>([
    ["case_id", "case_id", "exact"],
    ["Reported On", "reported_on", "normalised"],
    ["REPORTED-ON", "reported_on", "normalised"],
    ["ReportedOn", "reported_on", "normalised"],
    ["Crime Reference", "case_id", "alias"],
    ["Force Name", "force", "alias"],
    ["Date Reported", "reported_on", "alias"],
    ["Child Age (yrs)", "child_age", "alias"],
    ["Views Recorded (Y/N)", "child_views_recorded", "alias"],
    ["CSC Referral Date", "social_care_referred_on", "alias"],
    ["ABE Interview Date", "interviewed_on", "alias"],
    ["Officer Notes", "notes", "alias"],
    ["Reportd On", "reported_on", "fuzzy"],
    ["Strategy Discusion Date", "strategy_discussion_on", "fuzzy"],
  ])("%s → %s (%s)", (header, field, kind) => {
    expect(guessColumns([header]).placed).toEqual([{ header, field, kind }]);
  });

  test.each(["Station", "Officer In Case Team", "Date Extracted", "Bail Conditions"])("%s is not placed", (header) => {
    expect(guessColumns([header])).toEqual({ placed: [], unplaced: [header] });
  });

  test("each field takes one column, the strongest match", () => {
    const { placed, unplaced } = guessColumns(["Force Name", "force", "Crime Ref"]);
    expect(placed).toEqual([
      { header: "force", field: "force", kind: "exact" },
      { header: "Crime Ref", field: "case_id", kind: "alias" },
    ]);
    expect(unplaced).toEqual(["Force Name"]);
  });
});

describe("guessWord", () => {
  test.each<[string, readonly string[], string | undefined]>([
    ["V", CHILD_ROLES, "victim"],
    ["VS", CHILD_ROLES, "victim_and_suspect"],
    ["W", CHILD_ROLES, "witness"],
    ["U", CHILD_ROLES, "unknown"],
    ["Vict", CHILD_ROLES, "victim"],
    ["H", RISK_LEVELS, "high"],
    ["Std", RISK_LEVELS, "standard"],
    ["X", CHILD_ROLES, undefined],
  ])("%s → %s", (code, values, word) => {
    expect(guessWord(code, values)).toBe(word);
  });
});

describe("guessValues", () => {
  const role = FIELDS.find((f) => f.name === "child_role")!;
  const accepts = (cell: string) => parseEnum(cell, CHILD_ROLES).ok;
  test("maps each code the reader would refuse, once, and lists what it cannot place", () => {
    expect(guessValues(role, ["V", "S", "V", "victim", "", "Z", "VS", "vs", " Z "], accepts)).toEqual({
      table: { V: "victim", S: "suspect", VS: "victim_and_suspect" },
      toFill: [{ value: "Z" }],
    });
  });
});

describe("suggestWord: the nearest contract word, offered for the user to confirm", () => {
  test.each<[string, string, readonly string[], string | undefined]>([
    ["a misspelling", "Neglekt", CONCERNS, "neglect"],
    ["the word's parts held in a longer name", "Children's Social Care", AGENCIES, "social_care"],
    ["one part of two", "Youth Offending", AGENCIES, "youth_justice"],
    ["nothing close", "School Nurse", AGENCIES, undefined],
    ["two words equally close", "Sexual and physical", CONCERNS, undefined],
  ])("%s: %s", (_name, value, words, word) => {
    expect(suggestWord(value, words)).toBe(word);
  });
});
