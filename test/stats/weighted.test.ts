import { describe, expect, test } from "vitest";
import { kishEffectiveSize, weightedShare } from "../../src/stats/weighted.js";
import { wilsonInterval } from "../../src/stats/wilson.js";

// The worked example of docs/statistics.md: a force of 100 cases (60 predicted good, 30 adequate, 10
// inadequate), 10 drawn with inadequate ×2: 5, 3 and 2, so weights 60/5 = 12, 30/3 = 10 and 10/2 = 5.
const WEIGHTS = [12, 12, 12, 12, 12, 10, 10, 10, 5, 5];
// The inspectors' grades of the same ten cases.
const INSPECTOR = ["good", "good", "good", "good", "adequate", "good", "adequate", "adequate", "adequate", "inadequate"];

describe("Kish's effective sample size", () => {
  test("(Σw)²/Σw²: 100² / (5·144 + 3·100 + 2·25) = 10000/1070 = 9.3458", () => {
    expect(kishEffectiveSize(WEIGHTS)).toBeCloseTo(9.345794, 6);
  });

  test("equal weights lose nothing: n", () => {
    expect(kishEffectiveSize([14.4, 14.4, 14.4, 14.4, 14.4])).toBeCloseTo(5, 12);
  });

  test("a weight that is not a positive number is refused", () => {
    expect(() => kishEffectiveSize([1, 0])).toThrow(RangeError);
    expect(() => kishEffectiveSize([1, Number.NaN])).toThrow(RangeError);
  });
});

describe("weighted shares", () => {
  // Share = Σw over the grade's cases / 100; interval = Wilson's with n = 9.3458 (z = 1.959964):
  //   inadequate: 5/100 = 0.05: z²/n = 0.411033, centre = (0.05 + 0.205516)/1.411033 = 0.181084,
  //   half = 1.389027 · √(0.0475/9.3458 + 3.841459/349.376) = 1.389027 · 0.126798 = 0.176126 → 0.004960 to 0.357211.
  test.each([
    ["inspector good: (4·12 + 10)/100", "good", 0.58, 0.289294, 0.824098],
    ["inspector adequate: (12 + 2·10 + 5)/100", "adequate", 0.37, 0.144551, 0.671187],
    ["inspector inadequate: 5/100", "inadequate", 0.05, 0.00496, 0.357211],
  ])("%s", (_name, grade, share, low, high) => {
    const estimate = weightedShare(WEIGHTS, INSPECTOR.map((g) => g === grade))!;
    expect(estimate.share).toBeCloseTo(share, 12);
    expect(estimate.interval.low).toBeCloseTo(low, 5);
    expect(estimate.interval.high).toBeCloseTo(high, 5);
  });

  test("with equal weights, the plain share and its Wilson interval", () => {
    const estimate = weightedShare(Array<number>(72).fill(3.5), Array.from({ length: 72 }, (_, i) => i < 33))!;
    expect(estimate.share).toBeCloseTo(33 / 72, 12);
    expect(estimate.interval.low).toBeCloseTo(wilsonInterval(33, 72)!.low, 12);
    expect(estimate.interval.high).toBeCloseTo(wilsonInterval(33, 72)!.high, 12);
  });

  test("a share of 0 or 1 has its end exactly there", () => {
    expect(weightedShare([2, 3], [false, false])!.interval.low).toBe(0);
    expect(weightedShare([2, 3], [true, true])!.interval.high).toBe(1);
  });

  test("no cases, no estimate", () => {
    expect(weightedShare([], [])).toBeUndefined();
  });
});
