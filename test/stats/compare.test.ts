import { describe, expect, test } from "vitest";
import type { GroupSummary } from "../../src/engine/summary.js";
import { compareGroups, differenceInterval, holmAdjust, twoProportionZTest } from "../../src/stats/compare.js";

describe("twoProportionZTest", () => {
  test.each([
    // 0.5 - 0.25 = 0.25; pooled 60/200 = 0.3; se = √(0.3·0.7·(1/40 + 1/160)) = √(0.21·0.03125) = 0.0810093;
    // z = 0.25/0.0810093 = 3.08607; p = 2·(1 - Φ(3.08607)) = 0.0020282.
    ["20/40 against 40/160", 20, 40, 40, 160, 0.25, 3.086067, 0.0020282],
    // 0.166667 - 0.357143 = -0.190476; pooled 0.3; se = √(0.21·(1/60 + 1/140)) = √0.005 = 0.0707107;
    // z = -2.69374; p = 2·(1 - Φ(2.69374)) = 0.0070655.
    ["10/60 against 50/140", 10, 60, 50, 140, -0.190476, -2.69374, 0.0070655],
    // Equal shares: z = 0, p = 1.
    ["30/100 against 30/100", 30, 100, 30, 100, 0, 0, 1],
    // Pooled share 0: no variance, so z = 0 and p = 1 by definition.
    ["none inadequate anywhere", 0, 12, 0, 30, 0, 0, 1],
    ["all inadequate everywhere", 12, 12, 30, 30, 0, 0, 1],
  ])("%s", (_name, x1, n1, x2, n2, difference, z, p) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expect(result?.difference).toBeCloseTo(difference, 6);
    expect(result?.z).toBeCloseTo(z, 5);
    expect(result?.p).toBeCloseTo(p, 7);
  });

  test("is undefined when either sample is empty", () => {
    expect(twoProportionZTest(0, 0, 3, 10)).toBeUndefined();
    expect(twoProportionZTest(3, 10, 0, 0)).toBeUndefined();
  });
});

describe("holmAdjust", () => {
  test.each([
    ["nothing", [], []],
    ["one p-value is left alone", [0.03], [0.03]],
    // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to the running max 0.06.
    ["step-down with a running maximum", [0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02]],
    // sorted 0.2·3 = 0.6, 0.4·2 = 0.8, 0.9·1 = 0.9.
    ["the largest p is multiplied by 1", [0.9, 0.2, 0.4], [0.9, 0.6, 0.8]],
    ["ties share a value", [0.02, 0.02], [0.04, 0.04]],
    // 0.6·2 = 1.2 → 1; 0.7·1 = 0.7 → raised to the running max 1.
    ["products above 1 are capped", [0.6, 0.7], [1, 1]],
  ])("%s", (_name, pValues, expected) => {
    const adjusted = holmAdjust(pValues);
    expect(adjusted).toHaveLength(expected.length);
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });
});

describe("compareGroups", () => {
  // 60 of 200 inadequate overall. A: 20/40 against 40/160 (p = 0.0020282); B: 30/100 against 30/100 (p = 1);
  // C: 10/60 against 50/140 (p = 0.0070655). Holm: A 0.0020282·3 = 0.0060847, C 0.0070655·2 = 0.0141310, B 1.
  const forces = [
    { name: "A", graded: 40, inadequate: 20 },
    { name: "B", graded: 100, inadequate: 30 },
    { name: "C", graded: 60, inadequate: 10 },
  ];

  test("tests each group against the rest and flags after the Holm correction", () => {
    const [a, b, c] = compareGroups(forces);
    expect(a).toMatchObject({ name: "A", share: 0.5, restShare: 0.25, flagged: true, direction: "higher" });
    expect(a?.pAdjusted).toBeCloseTo(0.0060847, 7);
    expect(b).toMatchObject({ name: "B", share: 0.3, restShare: 0.3, difference: 0, z: 0, p: 1, pAdjusted: 1 });
    expect(b).toMatchObject({ flagged: false, direction: undefined });
    expect(c).toMatchObject({ name: "C", flagged: true, direction: "lower" });
    expect(c?.z).toBeCloseTo(-2.69374, 5);
    expect(c?.pAdjusted).toBeCloseTo(0.014131, 6);
  });

  test("the correction can unflag a group that is significant on its own", () => {
    // C's raw p 0.0070655 would pass alpha = 0.01; its Holm-adjusted 0.014131 does not.
    const c = compareGroups(forces, 0.01)[2];
    expect(c?.p).toBeLessThan(0.01);
    expect(c?.flagged).toBe(false);
  });

  test("a group with no graded cases is shown but not tested, and does not count towards Holm's m", () => {
    const result = compareGroups([...forces, { name: "D", graded: 0, inadequate: 0 }]);
    expect(result[3]).toMatchObject({ name: "D", share: undefined, restShare: 0.3, z: undefined, p: undefined });
    expect(result[3]).toMatchObject({ pAdjusted: undefined, flagged: false, direction: undefined, untested: "nothing graded" });
    expect(result[0]?.untested).toBeUndefined();
    expect(result[0]?.pAdjusted).toBeCloseTo(0.0060847, 7);
  });

  test("with minExpected, a group too small for the normal approximation is not tested and leaves Holm's family", () => {
    // 60 of 210 overall once E (9 of 10 inadequate) joins: pooled 69/210 ≈ 0.3286. E expects 3.3 inadequate
    // cases (< 5), so it is left out; the other three stay tested, m = 3.
    const withSmall = [...forces, { name: "E", graded: 10, inadequate: 9 }];
    const loose = compareGroups(withSmall);
    const strict = compareGroups(withSmall, 0.05, 5);
    expect(loose[3]).toMatchObject({ name: "E", flagged: true });
    expect(strict[3]).toMatchObject({ name: "E", share: 0.9, p: undefined, pAdjusted: undefined, flagged: false, untested: "too few cases" });
    expect(loose[3]?.untested).toBeUndefined();
    expect(strict.slice(0, 3).every((group) => group.pAdjusted !== undefined)).toBe(true);
    expect(strict.slice(0, 3).map((group) => group.pAdjusted)).toEqual(holmAdjust(strict.slice(0, 3).map((group) => group.p!)));
  });

  test("a group `testable` rejects is left out, says so, and still counts in the others' rest", () => {
    const result = compareGroups(forces, 0.05, 0, (_group, i) => i !== 1);
    expect(result[1]).toMatchObject({ name: "B", p: undefined, pAdjusted: undefined, flagged: false, untested: "left out" });
    expect(result[0]).toMatchObject({ restShare: 0.25, untested: undefined });
    expect(result[0]?.pAdjusted).toBeCloseTo(0.0020282 * 2, 6);
  });

  test("a group holding all the data has no rest to compare with", () => {
    const [only] = compareGroups([{ name: "A", graded: 10, inadequate: 4 }]);
    expect(only).toMatchObject({ share: 0.4, restShare: undefined, difference: undefined, p: undefined });
    expect(only).toMatchObject({ pAdjusted: undefined, flagged: false, direction: undefined, untested: "no other cases" });
  });

  test("identical shares everywhere flag nothing", () => {
    const result = compareGroups([
      { name: "A", graded: 10, inadequate: 3 },
      { name: "B", graded: 20, inadequate: 6 },
      { name: "C", graded: 30, inadequate: 9 },
    ]);
    for (const group of result) expect(group).toMatchObject({ difference: 0, z: 0, p: 1, flagged: false });
  });

  test("takes the engine's group summaries as they are", () => {
    const groups: GroupSummary[] = [
      { name: "North", graded: 40, good: 10, adequate: 10, inadequate: 20, invalid: 3 },
      { name: "South", graded: 160, good: 80, adequate: 40, inadequate: 40, invalid: 0 },
    ];
    // Invalid records are not graded, so they are left out: 20/40 against 40/160, z = 3.086067 as above.
    expect(compareGroups(groups)[0]?.z).toBeCloseTo(3.086067, 5);
  });

  test("no groups, no comparisons", () => {
    expect(compareGroups([])).toEqual([]);
  });

  test.each([
    ["inadequate above graded", [{ name: "A", graded: 2, inadequate: 3 }], 0.05],
    ["alpha of 0", forces, 0],
    ["alpha of 1", forces, 1],
  ])("rejects %s", (_name, groups, alpha) => {
    expect(() => compareGroups(groups, alpha)).toThrow(RangeError);
  });
});

describe("differenceInterval (Newcombe's hybrid score, method 10)", () => {
  // Newcombe, "Interval estimation for the difference between independent proportions", Stat. Med. 17 (1998),
  // Table II, method 10. Worked for (a): p₁ = 0.8, Wilson 0.691834–0.876953; p₂ = 0.6, Wilson 0.490455–0.700382;
  //   low = 0.2 - √((0.8 - 0.691834)² + (0.700382 - 0.6)²) = 0.2 - √(0.011700 + 0.010077)
  //       = 0.2 - 0.147569 = 0.052431;
  //   high = 0.2 + √((0.876953 - 0.8)² + (0.6 - 0.490455)²) = 0.2 + √(0.005922 + 0.012000)
  //        = 0.2 + 0.133873 = 0.333873.
  test.each([
    ["(a) 56/70 - 48/80", 56, 70, 48, 80, 0.0524, 0.3339],
    ["(b) 9/10 - 3/10", 9, 10, 3, 10, 0.1705, 0.809],
    ["(c) 6/7 - 2/7", 6, 7, 2, 7, 0.0582, 0.8062],
    ["(d) 5/56 - 0/29", 5, 56, 0, 29, -0.0381, 0.1926],
    ["(e) 0/10 - 0/20", 0, 10, 0, 20, -0.1611, 0.2775],
    ["(f) 0/10 - 0/10", 0, 10, 0, 10, -0.2775, 0.2775],
    ["(g) 10/10 - 0/20", 10, 10, 0, 20, 0.6791, 1],
    ["(h) 10/10 - 0/10", 10, 10, 0, 10, 0.6075, 1],
  ])("%s", (_name, x1, n1, x2, n2, low, high) => {
    const interval = differenceInterval(x1, n1, x2, n2);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  test("swapping the samples mirrors the interval", () => {
    const forward = differenceInterval(33, 72, 220, 576);
    const backward = differenceInterval(220, 576, 33, 72);
    expect(backward?.low).toBeCloseTo(-(forward?.high ?? Number.NaN), 12);
    expect(backward?.high).toBeCloseTo(-(forward?.low ?? Number.NaN), 12);
  });

  test("is undefined when either sample is empty", () => {
    expect(differenceInterval(0, 0, 1, 2)).toBeUndefined();
    expect(differenceInterval(1, 2, 0, 0)).toBeUndefined();
  });
});
