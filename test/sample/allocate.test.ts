import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocate, type AllocationUnit } from "../../src/sample/allocate.js";

const unit = (name: string, cases: number, measure = cases, least = 0): AllocationUnit => ({ name, cases, least, measure: BigInt(measure) });

describe("allocate: proportional, by largest remainder", () => {
  test.each([
    // 10 × 60/100, 30/100, 10/100: whole shares, nothing to round.
    ["whole shares", 10, [unit("a", 60), unit("b", 30), unit("c", 10)], [6, 3, 1]],
    // 7 × 50/100 = 3.5, 7 × 30/100 = 2.1, 7 × 20/100 = 1.4: floors 3+2+1 = 6, the one left to the largest fraction (.5).
    ["the case left goes to the largest fraction", 7, [unit("a", 50), unit("b", 30), unit("c", 20)], [4, 2, 1]],
    // Eight groups of 72 and one of 36 (612 cases), 50 drawn: 50 × 72/612 = 5.882 each and 50 × 36/612 = 2.941.
    // Floors 8 × 5 + 2 = 42, eight left: the largest fraction, .941 (I), then seven of the eight tied .882s, A to G by name.
    [
      "largest remainders across nine groups",
      50,
      [...["A", "B", "C", "D", "E", "F", "G", "H"].map((n) => unit(n, 72)), unit("I", 36)],
      [6, 6, 6, 6, 6, 6, 6, 5, 3],
    ],
    // Oversampling: measures 60, 30, 10×2 = 20 of 110; 10 × these = 5.45, 2.73, 1.82: floors 5, 2, 1, two left to .82 and .73.
    ["measures, not cases, decide the shares", 10, [unit("good", 60), unit("adequate", 30), unit("inadequate", 10, 20)], [5, 3, 2]],
  ])("%s", (_name, total, units, expected) => {
    expect(allocate(total, units)).toEqual(expected);
  });

  test.each([
    // 1 among three equal units: each share is ⅓, a three-way tie: the unit with more cases wins.
    ["a tie goes to the unit with more cases", 1, [unit("a", 10, 1), unit("b", 20, 1), unit("c", 15, 1)], [0, 1, 0]],
    // 2 among three equal units of equal size: ties go by name, in code-unit order ("B" before "a").
    ["then to the name first in code-unit order", 2, [unit("a", 10), unit("c", 10), unit("B", 10)], [1, 0, 1]],
    // 5 × 1/3 = 1.667 each (exactly equal, as fractions: no rounding error can break the tie).
    ["exact thirds tie exactly", 5, [unit("x", 3), unit("y", 3), unit("z", 3)], [2, 2, 1]],
  ])("%s", (_name, total, units, expected) => {
    expect(allocate(total, units)).toEqual(expected);
  });

  test.each([
    // 30 × 90/100 = 27 for "big", which has 20 cases: it gives all 20, and "small" the other 10.
    ["a unit asked for more than it has gives it all, the rest shared", 30, [unit("big", 20, 90), unit("small", 80, 10)], [20, 10]],
    // 3 × 1/100 = 0.03 would round to 0: the least (1) holds, the rest share 2.
    ["a unit's least holds", 3, [unit("a", 1, 1, 1), unit("b", 99, 99, 1)], [1, 2]],
    ["units with no cases get none", 4, [unit("a", 0), unit("b", 8), unit("c", 8)], [0, 2, 2]],
    ["everything when the total is every case", 12, [unit("a", 5, 1, 1), unit("b", 7, 100, 1)], [5, 7]],
  ])("%s", (_name, total, units, expected) => {
    expect(allocate(total, units)).toEqual(expected);
  });

  test("a total the units cannot take is refused", () => {
    expect(() => allocate(11, [unit("a", 5), unit("b", 5)])).toThrow(RangeError);
    expect(() => allocate(1, [unit("a", 5, 5, 1), unit("b", 5, 5, 1)])).toThrow(RangeError);
  });

  test("any units: the shares sum to the total, within bounds, each within one of its proportional share among the free units", () => {
    const units = fc
      .array(fc.record({ cases: fc.integer({ min: 0, max: 200 }), factor: fc.integer({ min: 1, max: 5000 }), least: fc.boolean() }), { minLength: 1, maxLength: 8 })
      .map((list) => list.map((u, i) => ({ name: `u${i}`, cases: u.cases, least: u.least ? Math.min(1, u.cases) : 0, measure: BigInt(u.cases * u.factor) })));
    const instance = units.chain((list) => {
      const least = list.reduce((s, u) => s + u.least, 0);
      const most = list.reduce((s, u) => s + u.cases, 0);
      return fc.tuple(fc.constant(list), fc.integer({ min: least, max: most }));
    });
    fc.assert(
      fc.property(instance, ([list, total]) => {
        const shares = allocate(total, list);
        expect(shares.reduce((s, n) => s + n, 0)).toBe(total);
        shares.forEach((n, i) => {
          expect(n).toBeGreaterThanOrEqual(list[i]!.least);
          expect(n).toBeLessThanOrEqual(list[i]!.cases);
        });
        // Units strictly between their bounds are within one of λ·mᵢ, with one λ for all of them.
        const free = list.flatMap((u, i) => (shares[i]! > u.least && shares[i]! < u.cases ? [{ u, n: shares[i]! }] : []));
        for (const a of free) for (const b of free) expect(Number(a.u.measure) * (b.n + 1)).toBeGreaterThanOrEqual(Number(b.u.measure) * (a.n - 1));
      }),
      { seed: 18, numRuns: 500 },
    );
  });
});
