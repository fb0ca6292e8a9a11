import { describe, expect, test } from "vitest";
import { formatPath, levenshtein, nearest } from "../../src/text/suggest.js";

describe("levenshtein", () => {
  test.each<[string, string, number]>([
    ["", "", 0],
    ["timeliness", "timeliness", 0],
    ["timelines", "timeliness", 1],
    ["child-frist", "child-first", 2],
    ["kitten", "sitting", 3],
    ["", "off", 3],
  ])("%s → %s is %i", (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
    expect(levenshtein(b, a)).toBe(distance);
  });
});

describe("nearest", () => {
  const RULES = ["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"];
  test.each<[string, readonly string[], string | undefined]>([
    ["timelines", RULES, "timeliness"],
    ["Timeliness", RULES, "timeliness"],
    ["multiagency", RULES, "multi-agency"],
    ["voice-of-the-child", RULES, "voice-of-child"],
    ["bail", RULES, undefined],
    ["of", ["on", "off"], "off"],
    ["onn", ["on", "off"], "on"],
    ["point", ["worst", "points"], "points"],
    ["best", ["worst", "points"], undefined],
  ])("%s among %j → %s", (word, candidates, expected) => {
    expect(nearest(word, candidates)).toBe(expected);
  });
});

describe("formatPath", () => {
  test.each<[PropertyKey[], string]>([
    [["rules", "timeliness", "referral", "good"], "rules.timeliness.referral.good"],
    [["rules", "voice-of-child"], "rules.voice-of-child"],
    [["plugins", 0], "plugins[0]"],
    [["columns", "Crime Reference"], 'columns["Crime Reference"]'],
    [[], ""],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
