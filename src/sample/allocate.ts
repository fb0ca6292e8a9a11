/** One of the units a sample is shared among: a group, or a stratum within a group. */
export interface AllocationUnit {
  name: string;
  /** Cases it has: the most it can be given. */
  cases: number;
  /** The fewest it must be given. */
  least: number;
  /** Its share is in proportion to this whole number (cases, or cases × an oversampling factor). */
  measure: bigint;
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Shares `total` cases among `units` in proportion to their measures, each within [least, cases]:
 * nᵢ = clamp(λ·mᵢ, leastᵢ, casesᵢ) with λ such that they sum to `total`, then rounded by largest
 * remainder (Hamilton's method). Arithmetic is exact (BigInt), so ties are real ties: they go to the
 * unit with more cases, then to the name first in code-unit order, on every machine.
 *
 * λ is found by fixing units at a bound: at the proportional share of the units still free, if those
 * over their most exceed by at least as much as those under their least fall short, the solution's λ
 * is no smaller, so every unit over stays over and is fixed at its most; otherwise every unit under is
 * fixed at its least. Each round fixes at least one unit.
 */
export function allocate(total: number, units: readonly AllocationUnit[]): number[] {
  const least = units.reduce((sum, unit) => sum + unit.least, 0);
  const most = units.reduce((sum, unit) => sum + unit.cases, 0);
  if (!Number.isSafeInteger(total) || total < least || total > most) {
    throw new RangeError(`cannot share ${total} cases among units that take ${least} to ${most}`);
  }
  for (const unit of units) {
    if (unit.least < 0 || unit.least > unit.cases || unit.measure < 0n || (unit.measure === 0n && unit.cases > 0)) {
      throw new RangeError(`${unit.name}: bounds ${unit.least}..${unit.cases} and measure ${unit.measure} do not fit`);
    }
  }
  const fixed: (number | undefined)[] = units.map((unit) => (unit.cases === 0 ? 0 : undefined));
  for (;;) {
    const free = units.flatMap((unit, i) => (fixed[i] === undefined ? [{ unit, i }] : []));
    const remaining = BigInt(total - fixed.reduce<number>((sum, n) => sum + (n ?? 0), 0));
    const measure = free.reduce((sum, { unit }) => sum + unit.measure, 0n);
    if (free.length === 0) break;
    // Scaled by `measure`: unit i's share is remaining·mᵢ/measure.
    const over = free.filter(({ unit }) => remaining * unit.measure > BigInt(unit.cases) * measure);
    const under = free.filter(({ unit }) => remaining * unit.measure < BigInt(unit.least) * measure);
    if (over.length === 0 && under.length === 0) {
      roundShares(remaining, measure, free, fixed);
      break;
    }
    const excess = over.reduce((sum, { unit }) => sum + remaining * unit.measure - BigInt(unit.cases) * measure, 0n);
    const shortfall = under.reduce((sum, { unit }) => sum + BigInt(unit.least) * measure - remaining * unit.measure, 0n);
    if (excess >= shortfall) for (const { unit, i } of over) fixed[i] = unit.cases;
    else for (const { unit, i } of under) fixed[i] = unit.least;
  }
  return fixed.map((n) => n ?? 0);
}

/** Largest remainder: each free unit gets the whole part of its share, and the cases left go to the largest fractions. */
function roundShares(remaining: bigint, measure: bigint, free: readonly { unit: AllocationUnit; i: number }[], fixed: (number | undefined)[]): void {
  const shares = free.map(({ unit, i }) => ({ unit, i, whole: (remaining * unit.measure) / measure, fraction: (remaining * unit.measure) % measure }));
  const left = Number(remaining - shares.reduce((sum, share) => sum + share.whole, 0n));
  shares.sort((a, b) => (a.fraction > b.fraction ? -1 : a.fraction < b.fraction ? 1 : b.unit.cases - a.unit.cases || compareNames(a.unit.name, b.unit.name)));
  shares.forEach((share, rank) => (fixed[share.i] = Number(share.whole) + (rank < left ? 1 : 0)));
}
