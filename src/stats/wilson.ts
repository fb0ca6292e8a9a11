import { assertProportion } from "./_counts.js";

export interface Interval {
  low: number;
  high: number;
}

/** Φ⁻¹(0.975): the normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959964;

/**
 * The Wilson score interval for a binomial proportion (95% by default).
 *
 * Returns undefined when n = 0: with no cases there is no estimate, and a report should say so rather than
 * print "0–100%" as if it had measured something. The ends are exactly 0 when successes = 0 and exactly 1
 * when successes = n (where the formula lands there only up to rounding).
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | undefined {
  assertProportion(successes, n);
  if (n === 0) return undefined;
  const interval = wilsonScoreInterval(successes / n, n, z);
  return {
    low: successes === 0 ? 0 : interval.low,
    high: successes === n ? 1 : interval.high,
  };
}

/**
 * The Wilson score interval about a share `p` of `n` cases, where `n` need not be whole: a weighted share
 * with Kish's effective sample size as `n` (see `src/stats/weighted.ts`).
 */
export function wilsonScoreInterval(p: number, n: number, z = Z_95): Interval {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a share must be within 0..1, got ${p}`);
  if (!(n > 0 && Number.isFinite(n))) throw new RangeError(`n must be a positive number, got ${n}`);
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError(`z must be a positive number, got ${z}`);
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const halfWidth = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: p === 0 ? 0 : Math.max(0, centre - halfWidth), high: p === 1 ? 1 : Math.min(1, centre + halfWidth) };
}
