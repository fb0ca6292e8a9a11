import { describe, expect, test } from "vitest";
import { weightedAgreement, type WeightedComparison } from "../../src/engine/weighted-agreement.js";
import type { Grade } from "../../src/input/fields.js";

// The worked example of docs/statistics.md: Avon's 100 cases, 10 drawn (5 predicted good with weight 12,
// 3 adequate with weight 10, 2 inadequate with weight 5), beside a Bristol drawn with equal weights.
const compared = (group: string, tool: Grade, weight: number, inspector: Grade): WeightedComparison => ({ group, tool, weight, inspector });
const AVON = [
  ...(["good", "good", "good", "good", "adequate"] as const).map((g) => compared("Avon", "good", 12, g)),
  ...(["good", "adequate", "adequate"] as const).map((g) => compared("Avon", "adequate", 10, g)),
  ...(["adequate", "inadequate"] as const).map((g) => compared("Avon", "inadequate", 5, g)),
];
const BRISTOL = (["good", "inadequate", "inadequate", "adequate"] as const).map((g) => compared("Bristol", g, 25, g));

describe("weightedAgreement", () => {
  const estimates = weightedAgreement([...BRISTOL, ...AVON], "sample_weight", ["Avon", "Bristol", "Cardiff"])!;

  test("each group in the order given, only those compared", () => {
    expect(estimates.groups.map((g) => g.name)).toEqual(["Avon", "Bristol"]);
  });

  test("Avon, by hand: shares Σw/100, agreement (4·12 + 2·10 + 5)/100 = 0.73, effective n 10000/1070", () => {
    const avon = estimates.groups[0]!;
    expect(avon.n).toBe(10);
    expect(avon.weight).toBe(100);
    expect(avon.effectiveN).toBeCloseTo(9.345794, 6);
    expect(avon.inspector.good.share).toBeCloseTo(0.58, 12);
    expect(avon.inspector.adequate.share).toBeCloseTo(0.37, 12);
    expect(avon.inspector.inadequate.share).toBeCloseTo(0.05, 12);
    expect(avon.agreement.share).toBeCloseTo(0.73, 12);
    // Wilson at n = 9.3458: 0.73 → 0.414195 to 0.911807.
    expect(avon.agreement.interval.low).toBeCloseTo(0.414195, 5);
    expect(avon.agreement.interval.high).toBeCloseTo(0.911807, 5);
  });

  test("overall: both forces' weights together, (Σw)²/Σw² = 200² / (1070 + 4·625)", () => {
    const { overall } = estimates;
    expect(overall!.weight).toBe(200);
    expect(overall!.effectiveN).toBeCloseTo(40000 / 3570, 9);
    // Inadequate: Avon 5, Bristol 2·25 = 50: 55/200.
    expect(overall!.inspector.inadequate.share).toBeCloseTo(0.275, 12);
    expect(overall!.agreement.share).toBeCloseTo((73 + 100) / 200, 12);
  });

  test("under suppression: no group, and the overall only where the agreement matrix is shown whole", () => {
    const shown = weightedAgreement(AVON, "w", ["Avon"], { overallShown: true })!;
    expect(shown.groups).toEqual([]);
    expect(shown.overall?.n).toBe(10);
    expect(shown.withheld).toBe(true);
    expect(weightedAgreement(AVON, "w", ["Avon"], { overallShown: false })!.overall).toBeNull();
  });

  test("nothing compared, nothing to estimate", () => {
    expect(weightedAgreement([], "w", [])).toBeNull();
  });
});
