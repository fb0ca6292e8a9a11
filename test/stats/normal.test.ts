import { describe, expect, test } from "vitest";
import { erf, erfc, normalCdf, twoSidedP } from "../../src/stats/normal.js";

// Reference values from scipy.special.erfc / scipy.stats.norm (double precision), one per branch of Cody's
// approximation: |x| ≤ 0.46875, 0.46875 < |x| ≤ 4, |x| > 4.
describe("erfc", () => {
  test.each([
    ["zero", 0, 1],
    ["small branch", 0.3, 0.6713732405408726],
    ["small branch edge", 0.46875, 0.507386526782062],
    ["middle branch", 1, 0.15729920705028516],
    ["middle branch edge", 4, 1.541725790028002e-8],
    ["tail branch", 5, 1.5374597944280347e-12],
    ["far tail", 10, 2.0884875837625446e-45],
    ["negative argument", -1, 1.8427007929497148],
  ])("%s: erfc(%d)", (_name, x, expected) => {
    expect(erfc(x) / expected).toBeCloseTo(1, 13);
  });

  test("underflows to 0 where doubles run out", () => {
    expect(erfc(27)).toBe(0);
    expect(erfc(-27)).toBe(2);
  });

  test("erf is its complement and odd", () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 15);
  });
});

describe("normalCdf and twoSidedP", () => {
  test.each([
    ["the median", 0, 0.5, 1],
    ["the 95% quantile", 1.959964, 0.9750000009035577, 0.049999998192884795],
    ["one sd below", -1, 0.15865525393145707, 0.31731050786291415],
    ["z = 3.0860669992418384", 3.0860669992418384, 0.998985884425774, 0.002028231148452079],
    ["z = 6", 6, 0.9999999990134123, 1.973175290075389e-9],
  ])("%s", (_name, z, cdf, p) => {
    expect(normalCdf(z)).toBeCloseTo(cdf, 7);
    expect(twoSidedP(z) / p).toBeCloseTo(1, 6);
    expect(twoSidedP(-z)).toBe(twoSidedP(z));
  });
});
