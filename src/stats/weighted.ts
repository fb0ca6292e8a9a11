import { wilsonScoreInterval, Z_95, type Interval } from "./wilson.js";

/** A weight must be a finite number above 0: a case drawn with probability π carries 1/π. */
function assertWeights(weights: readonly number[]): void {
  for (const weight of weights) {
    if (!(weight > 0 && Number.isFinite(weight))) throw new RangeError(`a weight must be a positive number, got ${weight}`);
  }
}

/**
 * Kish's effective sample size, (Σw)² / Σw²: the number of cases drawn with equal weights that would
 * give a share as precise as these. It is n when every weight is equal, and less the more they differ.
 */
export function kishEffectiveSize(weights: readonly number[]): number {
  assertWeights(weights);
  let sum = 0;
  let squares = 0;
  for (const weight of weights) {
    sum += weight;
    squares += weight * weight;
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}

export interface WeightedShare {
  /** Σ w over the cases counted, Σ w over all: the design-weighted estimate of the share. */
  share: number;
  /** Wilson's 95% interval about `share`, with Kish's effective size in place of n. */
  interval: Interval;
}

/**
 * The design-weighted share of the cases for which `counted` is true, and its interval, or undefined
 * with no cases. With equal weights this is the plain share and its Wilson interval.
 */
export function weightedShare(weights: readonly number[], counted: readonly boolean[], z = Z_95): WeightedShare | undefined {
  if (weights.length !== counted.length) throw new RangeError("one weight per case");
  if (weights.length === 0) return undefined;
  const effective = kishEffectiveSize(weights);
  let total = 0;
  let part = 0;
  weights.forEach((weight, i) => {
    total += weight;
    if (counted[i]) part += weight;
  });
  const share = Math.min(1, part / total);
  return { share, interval: wilsonScoreInterval(share, effective, z) };
}
