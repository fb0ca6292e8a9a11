import { describe, expect, test } from "vitest";
import { gradeCase, gradePoints, gradeWorst, meanPoints, type RatedRule } from "../../src/engine/grade.js";
import type { Strategy } from "../../src/engine/strategy.js";
import type { Rating } from "../../src/rules/define-rule.js";

const rated = (...ratings: Rating[]): RatedRule[] => ratings.map((rating) => ({ rating, weight: 1, critical: false }));
const POINTS: Strategy = { name: "points", good: 1.75, adequate: 1, weights: {} };
const CUT_OFFS = { good: 1.75, adequate: 1 };

describe("worst", () => {
  test.each<[string, Rating[], string]>([
    ["every rule good", ["good", "good"], "good"],
    ["one adequate", ["good", "adequate"], "adequate"],
    ["one inadequate among goods", ["good", "good", "good", "inadequate"], "inadequate"],
    ["n/a is left out", ["good", "n/a"], "good"],
    ["nothing applicable", ["n/a", "n/a"], "good"],
  ])("%s", (_name, ratings, grade) => {
    expect(gradeWorst(ratings)).toBe(grade);
  });
});

describe("points", () => {
  test.each<[string, RatedRule[], number | undefined, string]>([
    ["five goods", rated("good", "good", "good", "good", "good"), 2, "good"],
    ["three goods and an adequate: exactly 1.75 is good", rated("good", "good", "good", "adequate"), 1.75, "good"],
    ["two goods and an adequate: 1.67", rated("good", "good", "adequate"), 5 / 3, "adequate"],
    ["4 goods and an inadequate: 1.6", rated("good", "good", "good", "good", "inadequate"), 1.6, "adequate"],
    ["good and inadequate: exactly 1.0 is adequate", rated("good", "inadequate"), 1, "adequate"],
    ["adequate and two inadequates: 0.33", rated("adequate", "inadequate", "inadequate"), 1 / 3, "inadequate"],
    ["n/a is left out of the mean", rated("good", "n/a", "adequate", "good", "good"), 1.75, "good"],
    ["nothing applicable is good, as under worst", rated("n/a"), undefined, "good"],
  ])("%s", (_name, rules, mean, grade) => {
    if (mean === undefined) expect(meanPoints(rules)).toBeUndefined();
    else expect(meanPoints(rules)).toBeCloseTo(mean);
    expect(gradePoints(rules, CUT_OFFS)).toBe(grade);
  });

  test.each<[string, number, string]>([
    ["weight 3 on the inadequate rule: 6 / 6 = 1.0", 3, "adequate"],
    ["weight 4 on the inadequate rule: 6 / 7, below 1.0", 4, "inadequate"],
    ["weight 0 leaves it out of the mean", 0, "good"],
  ])("%s", (_name, weight, grade) => {
    const rules = [...rated("good", "good", "good"), { rating: "inadequate" as const, weight, critical: false }];
    expect(gradePoints(rules, CUT_OFFS)).toBe(grade);
  });

  test("rounding does not push 1.75 below the cut-off", () => {
    const rules: RatedRule[] = [
      { rating: "good", weight: 0.1, critical: false },
      { rating: "good", weight: 0.2, critical: false },
      { rating: "adequate", weight: 0.1, critical: false },
    ];
    expect(gradePoints(rules, CUT_OFFS)).toBe("good");
  });
});

describe("the worked example in examples/README.md", () => {
  const rule = (rating: Rating, weight = 1, critical = false): RatedRule => ({ rating, weight, critical });
  const weighted: Strategy = { ...POINTS, weights: { timeliness: 2 } };
  test.each<[string, Strategy, RatedRule[], string]>([
    ["worst", { name: "worst" }, [rule("good"), rule("adequate"), rule("good"), rule("good"), rule("n/a")], "adequate"],
    ["points: 7 / 4 = 1.75", POINTS, [rule("good"), rule("adequate"), rule("good"), rule("good"), rule("n/a")], "good"],
    ["points, timeliness weighing 2: 8 / 5 = 1.6", weighted, [rule("good"), rule("adequate", 2), rule("good"), rule("good"), rule("n/a")], "adequate"],
    ["worst, multi-agency inadequate", { name: "worst" }, [rule("good"), rule("adequate"), rule("good"), rule("inadequate"), rule("n/a")], "inadequate"],
    ["points, multi-agency inadequate: 5 / 4 = 1.25", POINTS, [rule("good"), rule("adequate"), rule("good"), rule("inadequate"), rule("n/a")], "adequate"],
    [
      "points, multi-agency inadequate and critical",
      POINTS,
      [rule("good"), rule("adequate"), rule("good"), rule("inadequate", 1, true), rule("n/a")],
      "inadequate",
    ],
  ])("%s", (_name, strategy, rules, grade) => {
    expect(gradeCase(rules, strategy)).toBe(grade);
  });
});

describe("critical rules", () => {
  const critical = (rating: Rating): RatedRule => ({ rating, weight: 1, critical: true });
  test.each<[string, Strategy, RatedRule[], string]>([
    ["cap a points case at inadequate", POINTS, [...rated("good", "good", "good", "good"), critical("inadequate")], "inadequate"],
    ["do nothing when they are not inadequate", POINTS, [...rated("good", "good", "good"), critical("adequate")], "good"],
    ["are harmless under worst", { name: "worst" }, [...rated("good"), critical("inadequate")], "inadequate"],
    ["n/a is not inadequate", POINTS, [...rated("good"), critical("n/a")], "good"],
  ])("%s", (_name, strategy, rules, grade) => {
    expect(gradeCase(rules, strategy)).toBe(grade);
  });
});
