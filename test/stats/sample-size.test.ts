import { describe, expect, test } from "vitest";
import { marginOfSample, sampleSizeForMargin } from "../../src/stats/sample-size.js";

// n₀ = z²·p(1−p)/E² with z = 1.959964; n = n₀/(1 + (n₀ − 1)/N), rounded up.
describe("sampleSizeForMargin", () => {
  test.each([
    // n₀ = 3.841459 · 0.25 / 0.01 = 96.036; no correction to speak of.
    ["±10 points, a very large group", 0.1, 0.5, 1e9, 97],
    // 96.036 / (1 + 95.036/72) = 96.036 / 2.31995 = 41.396 → 42: the 2015 inspection's forces of 72.
    ["±10 points, a group of 72", 0.1, 0.5, 72, 42],
    // 96.036 / (1 + 95.036/1000) = 87.70 → 88.
    ["±10 points, a group of 1000", 0.1, 0.5, 1000, 88],
    // n₀ = 3.841459 · 0.21 / 0.0025 = 322.68; 322.68 / (1 + 321.68/500) = 196.35 → 197.
    ["±5 points for a share near 30%, a group of 500", 0.05, 0.3, 500, 197],
    // 96.036 / (1 + 95.036/12) = 10.77 → 11: the correction matters most in small groups.
    ["a group of 12", 0.1, 0.5, 12, 11],
    // 96.036 / (1 + 95.036) = 1 exactly, up to rounding: never more than the one case.
    ["a group of one", 0.1, 0.5, 1, 1],
    ["an empty group gives none", 0.1, 0.5, 0, 0],
  ])("%s", (_name, margin, expected, population, n) => {
    expect(sampleSizeForMargin(margin, expected, population)).toBe(n);
  });

  test.each([0, 1, -0.1, 1.5, Number.NaN])("a margin of %s is refused", (margin) => {
    expect(() => sampleSizeForMargin(margin, 0.5, 100)).toThrow(RangeError);
  });
});

describe("marginOfSample", () => {
  test("undoes the sample size: the margin of the size found is within the margin asked, and one case fewer is not", () => {
    for (const population of [20, 72, 500, 10_000]) {
      const n = sampleSizeForMargin(0.1, 0.5, population);
      if (n === population) continue;
      expect(marginOfSample(n, population, 0.5)!).toBeLessThanOrEqual(0.1);
      expect(marginOfSample(n - 1, population, 0.5)!).toBeGreaterThan(0.1);
    }
  });

  test("42 of 72: 1.959964 · √(0.25 · 30 / (42 · 71)) = 1.959964 · 0.050151 = 0.098294", () => {
    expect(marginOfSample(42, 72, 0.5)).toBeCloseTo(0.098294, 5);
  });

  test("a design effect widens it by its square root", () => {
    expect(marginOfSample(42, 72, 0.5, 1.21)).toBeCloseTo(0.098294 * 1.1, 5);
  });

  test("every case drawn: no margin; none drawn: none to give", () => {
    expect(marginOfSample(72, 72, 0.5)).toBe(0);
    expect(marginOfSample(0, 72, 0.5)).toBeUndefined();
  });
});
