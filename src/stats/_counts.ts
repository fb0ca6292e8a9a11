export function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
  }
}

/** Checks that `successes` out of `n` is a possible pair of counts. */
export function assertProportion(successes: number, n: number): void {
  assertCount(n, "n");
  assertCount(successes, "successes");
  if (successes > n) throw new RangeError(`successes (${successes}) cannot exceed n (${n})`);
}
