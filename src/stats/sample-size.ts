import { Z_95 } from "./wilson.js";

/** Floating-point error allowed before a size is rounded up: 96.00000000000001 cases is 96. */
const ROUNDING = 1e-9;

function assertShare(value: number, what: string): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${what} must be between 0 and 1, got ${value}`);
}

/**
 * The cases to draw from a group of `population` to estimate a share to within ±`margin` (95% by
 * default): n₀ = z²·p(1−p)/E², then the finite-population correction n = n₀ / (1 + (n₀ − 1)/N),
 * rounded up, and never more than N.
 */
export function sampleSizeForMargin(margin: number, expected: number, population: number, z = Z_95): number {
  assertShare(margin, "the margin");
  assertShare(expected, "the expected share");
  if (population === 0) return 0;
  const n0 = (z * z * expected * (1 - expected)) / (margin * margin);
  const n = n0 / (1 + (n0 - 1) / population);
  return Math.min(population, Math.ceil(n - ROUNDING));
}

/**
 * The margin (half the width of a 95% interval, as a share) that `n` cases drawn from `population`
 * give for a share near `expected`: the formula above solved for E, z·√(p(1−p)·(N−n) / (n·(N−1))),
 * times √designEffect for a design whose unequal weights cost precision (Kish). 0 when every case is
 * drawn; undefined when none is.
 */
export function marginOfSample(n: number, population: number, expected: number, designEffect = 1, z = Z_95): number | undefined {
  assertShare(expected, "the expected share");
  if (n === 0) return undefined;
  if (n >= population) return 0;
  return z * Math.sqrt((designEffect * expected * (1 - expected) * (population - n)) / (n * (population - 1)));
}
