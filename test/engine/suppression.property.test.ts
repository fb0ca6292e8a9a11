import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { planSuppression } from "../../src/engine/_suppression.js";
import { summaryOf, type Shape } from "./_summaries.js";
import { oldPlanSuppression as oraclePlanSuppression } from "../helpers/suppress-old.mjs";
import { runs } from "../helpers/runs.js";

const shapes = (groups: { min: number; max: number }): fc.Arbitrary<Shape> =>
  fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    groups: fc.integer(groups),
    rules: fc.integer({ min: 0, max: 5 }),
    scale: fc.constantFrom(1, 4, 10, 30, 100),
    linked: fc.boolean(),
  });

function matchesOld(shape: Shape, k: number): void {
  const summary = summaryOf(shape);
  expect(planSuppression(summary, k)).toEqual(oraclePlanSuppression(summary, k));
}

describe("planSuppression: the same plan as the old algorithm", () => {
  test("on random summaries of up to 40 groups", () => {
    fc.assert(
      fc.property(shapes({ min: 0, max: 40 }), fc.integer({ min: 2, max: 10 }), matchesOld),
      { numRuns: runs(150) },
    );
  });

  test("on random summaries of 100 to 200 groups", () => {
    fc.assert(
      fc.property(shapes({ min: 100, max: 200 }), fc.integer({ min: 2, max: 10 }), matchesOld),
      { numRuns: runs(8) },
    );
  });
});
