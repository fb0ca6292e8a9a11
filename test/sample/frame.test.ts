import { describe, expect, test } from "vitest";
import { planSample } from "../../src/sample/design.js";
import { SamplingFrame, type DrawnCase } from "../../src/sample/frame.js";
import { compareKeyed, keyHex, seedKey, selectionKey } from "../../src/sample/keys.js";
import { GRADES } from "../../src/input/fields.js";

/** A frame of one force: 20 cases predicted good, 12 adequate, 8 inadequate. */
const CASES = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `G-${String(i).padStart(2, "0")}`, stratum: "good" })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: `A-${String(i).padStart(2, "0")}`, stratum: "adequate" })),
  ...Array.from({ length: 8 }, (_, i) => ({ id: `I-${String(i).padStart(2, "0")}`, stratum: "inadequate" })),
];
const FACTORS = new Map([["inadequate", 2]]);
const SIZING = { by: "per-group", size: 12 } as const;

function draw(seed: number, cases = CASES, keep = 12): DrawnCase[] {
  const frame = new SamplingFrame(GRADES, keep, seedKey(seed));
  for (const { id, stratum } of cases) frame.add(id, "Avon", stratum);
  const plan = planSample(frame.frame(), SIZING, { factors: FACTORS, expected: 0.5 });
  return frame.draw(new Map(plan.groups.map((g) => [g.name, g.strata])));
}

describe("the draw", () => {
  test("12 of 20/12/8 with inadequate ×2: 5, 3 and 4 (measures 20, 12, 16 of 48), by stratum then case_id", () => {
    const drawn = draw(7);
    expect(GRADES.map((g) => drawn.filter((c) => c.stratum === g).length)).toEqual([5, 3, 4]);
    expect(drawn.map((c) => c.weight)).toEqual([...Array(5).fill(4), ...Array(3).fill(4), ...Array(4).fill(2)]);
    for (const grade of GRADES) {
      const ids = drawn.filter((c) => c.stratum === grade).map((c) => c.case_id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  test("takes in each stratum the cases with the lowest keys, as OpenSSL would print them", () => {
    const key = seedKey(7);
    for (const grade of GRADES) {
      const lowest = CASES.filter((c) => c.stratum === grade)
        .map((c) => ({ id: c.id, hex: keyHex(selectionKey(key, c.id)) }))
        .sort((a, b) => (a.hex < b.hex ? -1 : 1));
      const drawn = draw(7).filter((c) => c.stratum === grade);
      expect(drawn.map((c) => c.case_id).sort()).toEqual(lowest.slice(0, drawn.length).map((c) => c.id).sort());
    }
  });

  test("does not depend on the order the cases come in, nor on how many the frame keeps beyond the draw", () => {
    const reversed = [...CASES].reverse();
    const shuffled = [...CASES].sort((a, b) => compareKeyed({ ...selectionKey(seedKey(99), a.id), id: a.id }, { ...selectionKey(seedKey(99), b.id), id: b.id }));
    for (const seed of [1, 2, 3, 12345]) {
      expect(draw(seed, reversed)).toEqual(draw(seed));
      expect(draw(seed, shuffled, 40)).toEqual(draw(seed));
    }
  });

  test("another seed, another sample", () => {
    expect(draw(1)).not.toEqual(draw(2));
  });
});

/**
 * Pearson's statistic of how often each case was drawn over many seeds, against equal chances within its
 * stratum: Σ (O − E)² / (E·(1 − π)) · (N_h − 1)/N_h, which for a uniform draw is about χ² with Σ(N_h − 1)
 * degrees of freedom. A case is drawn at most once a seed, so its count varies as E·(1 − π); the counts of a
 * stratum always sum to the same, which takes one degree of freedom and scales the sum by N_h/(N_h − 1).
 */
function uniformity(drawFor: (seed: number) => readonly { case_id: string; stratum: string }[], seeds: readonly number[]): number {
  const counts = new Map(CASES.map((c) => [c.id, 0]));
  const drawnPer = new Map<string, number>();
  for (const seed of seeds) {
    for (const c of drawFor(seed)) {
      counts.set(c.case_id, counts.get(c.case_id)! + 1);
      drawnPer.set(c.stratum, (drawnPer.get(c.stratum) ?? 0) + 1);
    }
  }
  let statistic = 0;
  for (const grade of GRADES) {
    const members = CASES.filter((c) => c.stratum === grade);
    const expected = drawnPer.get(grade)! / members.length;
    const probability = expected / seeds.length;
    const scale = (members.length - 1) / members.length;
    for (const { id } of members) statistic += (scale * (counts.get(id)! - expected) ** 2) / (expected * (1 - probability));
  }
  return statistic;
}

const SEEDS = Array.from({ length: 600 }, (_, i) => 1000 + i * 7919);
// χ² with 19 + 11 + 7 = 37 degrees of freedom is below 81.0 with probability 1 − 10⁻⁵ (Wilson–Hilferty:
// 37·(1 − 2/333 + 4.265·√(2/333))³ = 81.0). The seeds are fixed, so the test gives the same answer every run.
const THRESHOLD = 81.0;

describe("selection is uniform within strata", () => {
  test("over 600 fixed seeds, every case of a stratum is drawn about equally often", () => {
    expect(uniformity((seed) => draw(seed), SEEDS)).toBeLessThan(THRESHOLD);
  });

  test("the check catches a case that gets two chances (a duplicate id let through): over the threshold", () => {
    const twice = [...CASES, { id: "G-00\u200b", stratum: "good" }];
    // The second copy is drawn under another id; count it as G-00.
    const biased = (seed: number) => draw(seed, twice).map((c) => ({ ...c, case_id: c.case_id.replace("\u200b", "") }));
    expect(uniformity(biased, SEEDS)).toBeGreaterThan(THRESHOLD);
  });

  test("and a draw that ignores half the key", () => {
    // Keys whose low half is zero and whose high half keeps only its top 3 bits: ties, settled by case_id, favour the lowest ids.
    const coarse = (seed: number) => {
      const key = seedKey(seed);
      return GRADES.flatMap((grade) => {
        const n = draw(seed).filter((c) => c.stratum === grade).length;
        return CASES.filter((c) => c.stratum === grade)
          .map((c) => ({ hi: selectionKey(key, c.id).hi >>> 29, lo: 0, id: c.id }))
          .sort(compareKeyed)
          .slice(0, n)
          .map((c) => ({ case_id: c.id, stratum: grade }));
      });
    };
    expect(uniformity(coarse, SEEDS)).toBeGreaterThan(THRESHOLD);
  });
});
