import { describe, expect, test } from "vitest";
import { wilsonInterval, Z_95 } from "../../src/stats/wilson.js";

// With p = x/n and z = 1.959964 (z² = 3.841459):
//   centre = (p + z²/2n) / (1 + z²/n),   half-width = z/(1 + z²/n) · √(p(1-p)/n + z²/4n²).
describe("wilsonInterval", () => {
  test.each([
    // p = 0.458333; 1 + z²/n = 1.053354; centre = (0.458333 + 0.026677)/1.053354 = 0.460444;
    // √(0.458333·0.541667/72 + 3.841459/20736) = √(0.00344811 + 0.00018526) = 0.060277;
    // half = 1.860690 · 0.060277 = 0.112158 → 0.348286 to 0.572601.
    ["33 of 72", 33, 72, 0.348286, 0.572601],
    // p = 0.381944; 1 + z²/n = 1.006669; centre = (0.381944 + 0.003335)/1.006669 = 0.382727;
    // √(0.381944·0.618056/576 + 3.841459/1327104) = √(0.00040983 + 0.00000289) = 0.020316;
    // half = 1.946979 · 0.020316 = 0.039554 → 0.343172 to 0.422281.
    ["220 of 576", 220, 576, 0.343172, 0.422281],
    // p = 0: low is 0 and high reduces to z²/(n + z²) = 3.841459/13.841459 = 0.277533.
    ["0 of 10", 0, 10, 0, 0.277533],
    // p = 1: high is 1 and low reduces to n/(n + z²) = 10/13.841459 = 0.722467.
    ["10 of 10", 10, 10, 0.722467, 1],
    // p = ½: symmetric about ½; half = 1.416010 · √(0.025 + 0.009604) = 1.416010 · 0.186021 = 0.263407.
    ["5 of 10", 5, 10, 0.236593, 0.763407],
    // n = 1: low = 1/(1 + z²) = 1/4.841459 = 0.206549.
    ["1 of 1", 1, 1, 0.206549, 1],
  ])("%s", (_name, successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval?.low).toBeCloseTo(low, 6);
    expect(interval?.high).toBeCloseTo(high, 6);
  });

  test("the ends are exact at 0 and n, where the formula only reaches them up to rounding", () => {
    expect(wilsonInterval(0, 10)?.low).toBe(0);
    expect(wilsonInterval(10, 10)?.high).toBe(1);
  });

  test("n = 0 has no interval", () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  test("a larger z widens the interval: z = 2.575829 (99%) for 33 of 72", () => {
    // z² = 6.634895; 1 + z²/n = 1.092151; centre = (0.458333 + 0.046076)/1.092151 = 0.461849;
    // √(0.00344811 + 6.634895/20736) = √0.00376808 = 0.061385; half = 2.358491 · 0.061385 = 0.144775.
    const interval = wilsonInterval(33, 72, 2.575829);
    expect(interval?.low).toBeCloseTo(0.317074, 5);
    expect(interval?.high).toBeCloseTo(0.606624, 5);
  });

  test("Z_95 is the two-sided 95% normal quantile", () => {
    expect(Z_95).toBeCloseTo(1.959964, 6);
  });

  test.each([
    ["more successes than cases", 11, 10],
    ["a negative count", -1, 10],
    ["a fractional count", 1.5, 10],
    ["a fractional n", 1, 10.5],
  ])("rejects %s", (_name, successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });

  test("rejects a z that is not positive", () => {
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
  });
});
