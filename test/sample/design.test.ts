import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { planSample, type Sizing } from "../../src/sample/design.js";
import type { GroupFrame } from "../../src/sample/frame.js";

const group = (name: string, strata: Record<string, number>, excluded = 0): GroupFrame => ({
  name,
  excluded,
  strata: Object.entries(strata).map(([stratum, cases]) => ({ name: stratum, cases })),
});
const all = (name: string, cases: number) => group(name, { all: cases });
const plain = { factors: new Map<string, number>(), expected: 0.5 };
const sizes = (plan: ReturnType<typeof planSample>) => plan.groups.map((g) => g.sample);
const strataSizes = (plan: ReturnType<typeof planSample>) => plan.groups.map((g) => g.strata.map((s) => s.sample));

describe("planSample: how many from each group", () => {
  test.each<[string, GroupFrame[], Sizing, number[]]>([
    ["--per-group: exactly n from each group", [all("A", 72), all("B", 100), all("C", 31)], { by: "per-group", size: 30 }, [30, 30, 30]],
    // 40 × 100/200, 50/200, 50/200.
    ["--total: in proportion to the groups' cases", [all("A", 100), all("B", 50), all("C", 50)], { by: "total", size: 40, equal: false }, [20, 10, 10]],
    // 40/3 = 13.33 each: the one left goes to the group with most cases.
    ["--total --equal: equal shares, the odd case to the largest group", [all("A", 100), all("B", 300), all("C", 50)], { by: "total", size: 40, equal: true }, [13, 14, 13]],
    // Equal shares of 30 would be 10 each, but C has 4: it gives them all and the others share 26.
    ["--total --equal: a small group gives all it has, the others share the rest", [all("A", 100), all("B", 100), all("C", 4)], { by: "total", size: 30, equal: true }, [13, 13, 4]],
    // 96.036 / (1 + 95.036/N): 72 → 42, 1000 → 88, 12 → 11.
    ["--margin 0.1: each group's own size", [all("A", 72), all("B", 1000), all("C", 12)], { by: "margin", margin: 0.1 }, [42, 88, 11]],
  ])("%s", (_name, frame, sizing, expected) => {
    const plan = planSample(frame, sizing, plain);
    expect(sizes(plan)).toEqual(expected);
    expect(plan.sample).toBe(expected.reduce((s, n) => s + n, 0));
    expect(plan.notes).toEqual([]);
  });

  test("a group smaller than --per-group gives all its cases, and a note says so", () => {
    const plan = planSample([all("A", 72), all("B", 20)], { by: "per-group", size: 30 }, plain);
    expect(sizes(plan)).toEqual([30, 20]);
    expect(plan.notes).toEqual([{ kind: "all-taken", group: "B", cases: 20, requested: 30 }]);
  });

  test("a --total larger than the input takes everything, and says so", () => {
    const plan = planSample([all("A", 7), all("B", 5)], { by: "total", size: 30, equal: false }, plain);
    expect(sizes(plan)).toEqual([7, 5]);
    expect(plan.notes).toEqual([{ kind: "all-taken", group: null, cases: 12, requested: 30 }]);
  });

  test("a --total smaller than the groups draws one from each, and says so", () => {
    const plan = planSample([all("A", 70), all("B", 5), all("C", 1)], { by: "total", size: 2, equal: false }, plain);
    expect(sizes(plan)).toEqual([1, 1, 1]);
    expect(plan.notes).toEqual([{ kind: "raised", group: null, least: 3, requested: 2 }]);
  });

  test("a group left with no cases after --exclude draws none", () => {
    const plan = planSample([all("A", 10), group("B", { all: 0 }, 6)], { by: "per-group", size: 3 }, plain);
    expect(plan.groups[1]).toMatchObject({ cases: 0, excluded: 6, sample: 0, margin: null, designEffect: null });
  });
});

describe("planSample: strata within a group", () => {
  const grades = (good: number, adequate: number, inadequate: number) => group("A", { good, adequate, inadequate });

  test("proportional: 10 of 60/30/10 is 6/3/1, every case equally likely, no design effect", () => {
    const plan = planSample([grades(60, 30, 10)], { by: "per-group", size: 10 }, plain);
    expect(strataSizes(plan)).toEqual([[6, 3, 1]]);
    expect(plan.groups[0]!.strata.map((s) => s.probability)).toEqual([0.1, 0.1, 0.1]);
    expect(plan.groups[0]!.designEffect).toBeCloseTo(1, 12);
  });

  test("inadequate=2 doubles the inadequate cases' selection probability: 10 of 80/0/10 is 8/0/2, π 0.1 and 0.2", () => {
    const plan = planSample([grades(80, 0, 10)], { by: "per-group", size: 10 }, { ...plain, factors: new Map([["inadequate", 2]]) });
    const [good, adequate, inadequate] = plan.groups[0]!.strata;
    expect([good!.sample, adequate!.sample, inadequate!.sample]).toEqual([8, 0, 2]);
    expect(inadequate!.probability! / good!.probability!).toBeCloseTo(2, 12);
    expect([good!.weight, adequate!.weight, inadequate!.weight]).toEqual([10, null, 5]);
    // n·Σ(N_h²/n_h)/N² = 10 · (6400/8 + 100/2) / 8100 = 1.0494.
    expect(plan.groups[0]!.designEffect).toBeCloseTo(1.049383, 6);
  });

  test("a stratum too small for its share gives all it has, the rest go to the others", () => {
    const plan = planSample([grades(50, 40, 3)], { by: "per-group", size: 20 }, { ...plain, factors: new Map([["inadequate", 4]]) });
    // Measures 50, 40, 12 of 102: 20 × 12/102 = 2.35 is within 3; so 9.80, 7.84, 2.35 → 10, 8, 2.
    expect(strataSizes(plan)).toEqual([[10, 8, 2]]);
    const capped = planSample([grades(50, 40, 3)], { by: "per-group", size: 20 }, { ...plain, factors: new Map([["inadequate", 10]]) });
    // Measures 50, 40, 30 of 120: 20 × 30/120 = 5 > 3: all 3 taken, 17 shared 50:40 → 9.44, 7.56 → 9, 8.
    expect(strataSizes(capped)).toEqual([[9, 8, 3]]);
  });

  test("too few asked to reach every stratum with cases: one from each, and a note", () => {
    const plan = planSample([grades(90, 9, 1)], { by: "per-group", size: 2 }, plain);
    expect(strataSizes(plan)).toEqual([[1, 1, 1]]);
    expect(plan.notes).toEqual([{ kind: "raised", group: "A", least: 3, requested: 2 }]);
  });

  const frames = fc.array(fc.record({ good: fc.nat(60), adequate: fc.nat(60), inadequate: fc.nat(60) }), { minLength: 1, maxLength: 5 });
  const sizings = fc.oneof(
    fc.integer({ min: 1, max: 80 }).map((size): Sizing => ({ by: "per-group", size })),
    fc.record({ size: fc.integer({ min: 1, max: 300 }), equal: fc.boolean() }).map(({ size, equal }): Sizing => ({ by: "total", size, equal })),
    fc.double({ min: 0.02, max: 0.5, noNaN: true }).map((margin): Sizing => ({ by: "margin", margin })),
  );
  const factors = fc.record({ good: fc.constantFrom(1, 0.5, 1.5), adequate: fc.constantFrom(1, 2), inadequate: fc.constantFrom(1, 2, 3.25) });

  test("any frame and sizing: no stratum with cases is left empty, none gives more than it has, and each group's weights sum to its cases", () => {
    fc.assert(
      fc.property(frames, sizings, factors, (counts, sizing, factor) => {
        const frame = counts.map((c, i) => ({ ...grades(c.good, c.adequate, c.inadequate), name: `G${i}` }));
        const plan = planSample(frame, sizing, { factors: new Map(Object.entries(factor)), expected: 0.5 });
        for (const planned of plan.groups) {
          let weights = 0;
          for (const stratum of planned.strata) {
            if (stratum.cases > 0) expect(stratum.sample).toBeGreaterThanOrEqual(1);
            expect(stratum.sample).toBeLessThanOrEqual(stratum.cases);
            weights += stratum.sample * (stratum.weight ?? 0);
          }
          expect(weights).toBeCloseTo(planned.cases, 9);
          expect(planned.sample).toBe(planned.strata.reduce((s, st) => s + st.sample, 0));
        }
      }),
      { seed: 18, numRuns: 400 },
    );
  });
});
