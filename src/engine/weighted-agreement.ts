import { GRADES, type Grade } from "../input/fields.js";
import { kishEffectiveSize, weightedShare, type WeightedShare } from "../stats/weighted.js";

/** A case both graded, with the design weight its sample gave it. */
export interface WeightedComparison {
  group: string;
  inspector: Grade;
  tool: Grade;
  weight: number;
}

export interface WeightedScope {
  /** Cases compared. */
  n: number;
  /** The sum of their weights: how many cases of the population they stand for. */
  weight: number;
  /** Kish's effective sample size, (Σw)²/Σw²: what the intervals take as n. */
  effectiveN: number;
  /** Each grade's design-weighted share of the inspectors' grades, with its interval. */
  inspector: Record<Grade, WeightedShare>;
  /** The design-weighted share of cases both graded alike. */
  agreement: WeightedShare;
}

/**
 * Estimates for the population a weighted sample was drawn from: each share is Σw over its cases
 * divided by Σw, with Wilson's 95% interval at Kish's effective sample size.
 */
export interface WeightedAgreement {
  /** The column the weights came from. */
  column: string;
  /** Null when withheld under --suppress-below. */
  overall: WeightedScope | null;
  /** Empty when withheld under --suppress-below. */
  groups: (WeightedScope & { name: string })[];
  withheld: boolean;
}

function weightedScope(cases: readonly WeightedComparison[]): WeightedScope {
  const weights = cases.map((c) => c.weight);
  const shareOf = (counted: (c: WeightedComparison) => boolean) => weightedShare(weights, cases.map(counted))!;
  const inspector = Object.fromEntries(GRADES.map((grade) => [grade, shareOf((c) => c.inspector === grade)])) as Record<Grade, WeightedShare>;
  return {
    n: cases.length,
    weight: weights.reduce((sum, weight) => sum + weight, 0),
    effectiveN: kishEffectiveSize(weights),
    inspector,
    agreement: shareOf((c) => c.inspector === c.tool),
  };
}

/**
 * The weighted estimates overall and for each group that has compared cases, in `groupOrder`. Under
 * suppression, per-group estimates are withheld as per-group agreement is, and the overall ones are
 * shown only where the overall agreement matrix is shown whole (`overallShown`): a weighted share with
 * few distinct weights would give back the counts it was made of.
 */
export function weightedAgreement(
  cases: readonly WeightedComparison[],
  column: string,
  groupOrder: readonly string[],
  suppression?: { overallShown: boolean },
): WeightedAgreement | null {
  if (cases.length === 0) return null;
  const byGroup = new Map<string, WeightedComparison[]>();
  for (const c of cases) {
    const group = byGroup.get(c.group);
    if (group) group.push(c);
    else byGroup.set(c.group, [c]);
  }
  const groups = suppression ? [] : groupOrder.flatMap((name) => (byGroup.has(name) ? [{ name, ...weightedScope(byGroup.get(name)!) }] : []));
  const overall = suppression && !suppression.overallShown ? null : weightedScope(cases);
  return { column, overall, groups, withheld: suppression !== undefined };
}
