import { assertProportion } from "./_counts.js";
import { twoSidedP } from "./normal.js";
import { wilsonInterval, Z_95, type Interval } from "./wilson.js";

/** What a comparison needs from a group; `GroupSummary` from the engine fits as it is. */
export interface GroupTally {
  name: string;
  graded: number;
  inadequate: number;
}

export type Direction = "higher" | "lower";

export interface TwoProportionTest {
  /** p₁ - p₂. */
  difference: number;
  z: number;
  /** Two-sided. */
  p: number;
}

/**
 * A group's inadequate share set against every other group's graded cases taken together. The fields after
 * `share` are undefined when there is nothing to compare: the group graded nothing (`share` undefined too),
 * or it holds every graded case (`restShare` undefined). Such groups are left out of the Holm family.
 */
export interface GroupComparison {
  name: string;
  share: number | undefined;
  restShare: number | undefined;
  /** share - restShare. */
  difference: number | undefined;
  z: number | undefined;
  p: number | undefined;
  /** Holm–Bonferroni adjusted p-value, comparable with alpha directly. */
  pAdjusted: number | undefined;
  flagged: boolean;
  /** Undefined when the shares are equal, so it is always set on a flagged group. */
  direction: Direction | undefined;
  /** Why the group was left out of the test; undefined when it was tested. */
  untested: Untested | undefined;
}

/** Why a group was not tested: `testable` left it out, it graded nothing, it holds every graded case, or the test's minimum counts are not met. */
export type Untested = "left out" | "nothing graded" | "no other cases" | "too few cases";

/**
 * The pooled two-proportion z-test of x₁/n₁ against x₂/n₂; undefined when either sample is empty.
 * When the pooled share is 0 or 1 both shares are equal and the standard error is 0: z = 0 and p = 1.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTest | undefined {
  assertProportion(x1, n1);
  assertProportion(x2, n2);
  if (n1 === 0 || n2 === 0) return undefined;
  const difference = x1 / n1 - x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (standardError === 0) return { difference, z: 0, p: 1 };
  const z = difference / standardError;
  return { difference, z, p: twoSidedP(z) };
}

/**
 * Holm–Bonferroni adjusted p-values, in the order given: the i-th smallest p becomes the running maximum of
 * (m - i + 1)·p, capped at 1. Rejecting where the adjusted value is ≤ alpha is Holm's step-down procedure.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, index }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[index] = runningMax;
  });
  return adjusted;
}

/**
 * Tests every group's inadequate share against the rest, Holm-corrected across the groups at `alpha`.
 * With `minExpected`, a group is tested only when the counts the pooled share predicts (inadequate and not,
 * in the group and in the rest) are all at least that: below it the normal approximation does not hold, so
 * the group is left out of the Holm family, like a group with nothing graded. `testable`, when given, leaves
 * out of the family every group it rejects; such a group still counts in the rest of every other group.
 */
export function compareGroups(
  groups: readonly GroupTally[],
  alpha = 0.05,
  minExpected = 0,
  testable: (group: GroupTally, index: number) => boolean = () => true,
): GroupComparison[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie between 0 and 1, got ${alpha}`);
  for (const group of groups) assertProportion(group.inadequate, group.graded);
  const totalGraded = groups.reduce((sum, group) => sum + group.graded, 0);
  const totalInadequate = groups.reduce((sum, group) => sum + group.inadequate, 0);
  const pooled = totalGraded === 0 ? 0 : totalInadequate / totalGraded;
  const enough = (n: number) => Math.min(n * pooled, n * (1 - pooled)) >= minExpected;

  const left = groups.map((group, index) => !testable(group, index));
  const tests = groups.map((group, index) =>
    !left[index] && enough(group.graded) && enough(totalGraded - group.graded)
      ? twoProportionZTest(group.inadequate, group.graded, totalInadequate - group.inadequate, totalGraded - group.graded)
      : undefined,
  );
  const tested = tests.flatMap((test, index) => (test ? [{ index, p: test.p }] : []));
  const adjusted = new Map(holmAdjust(tested.map((t) => t.p)).map((pAdjusted, i) => [tested[i]?.index, pAdjusted]));

  return groups.map((group, index) => {
    const test = tests[index];
    const restGraded = totalGraded - group.graded;
    const pAdjusted = adjusted.get(index);
    return {
      name: group.name,
      share: group.graded === 0 ? undefined : group.inadequate / group.graded,
      restShare: restGraded === 0 ? undefined : (totalInadequate - group.inadequate) / restGraded,
      difference: test?.difference,
      z: test?.z,
      p: test?.p,
      pAdjusted,
      flagged: pAdjusted !== undefined && pAdjusted <= alpha,
      direction: !test || test.difference === 0 ? undefined : test.difference > 0 ? "higher" : "lower",
      untested: test ? undefined : left[index] ? "left out" : group.graded === 0 ? "nothing graded" : restGraded === 0 ? "no other cases" : "too few cases",
    };
  });
}

/**
 * An interval for p₁ - p₂ by Newcombe's hybrid score method (method 10 of Newcombe, Stat. Med. 1998),
 * built from the two Wilson intervals; undefined when either sample is empty.
 */
export function differenceInterval(x1: number, n1: number, x2: number, n2: number, z = Z_95): Interval | undefined {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (!first || !second) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    low: Math.max(-1, difference - Math.hypot(p1 - first.low, second.high - p2)),
    high: Math.min(1, difference + Math.hypot(first.high - p1, p2 - second.low)),
  };
}
