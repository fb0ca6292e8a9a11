import { GRADES, type Grade } from "../input/fields.js";
import { assertCount } from "./_counts.js";

/** One case graded twice: by the human auditor (inspector) and by this tool. */
export interface GradePair {
  inspector: Grade;
  tool: Grade;
}

/** matrix[i][j]: cases the inspector graded GRADES[i] and the tool graded GRADES[j] (good < adequate < inadequate). */
export type ConfusionMatrix = readonly (readonly number[])[];

export type KappaWeighting = "unweighted" | "linear";

export interface Kappa {
  n: number;
  /** Observed (weighted) agreement, 0–1. */
  observed: number;
  /** (Weighted) agreement expected by chance from the two raters' marginal totals, 0–1. */
  expected: number;
  /** Undefined when expected agreement is 1: both raters put every case in one and the same category. */
  kappa: number | undefined;
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969), not under the null; undefined with kappa. */
  standardError: number | undefined;
}

export function confusionMatrix(pairs: Iterable<GradePair>): number[][] {
  const matrix = GRADES.map(() => GRADES.map(() => 0));
  for (const { inspector, tool } of pairs) {
    const row = matrix[GRADES.indexOf(inspector)];
    const column = GRADES.indexOf(tool);
    if (!row || column < 0) throw new RangeError(`not a grade pair: ${inspector} / ${tool}`);
    row[column] = (row[column] ?? 0) + 1;
  }
  return matrix;
}

/** Cases graded the same by both, as a percentage; undefined for an empty matrix. */
export function percentAgreement(matrix: ConfusionMatrix): number | undefined {
  const k = categoryCount(matrix);
  const n = total(matrix);
  if (n === 0) return undefined;
  let agreed = 0;
  for (let i = 0; i < k; i++) agreed += cell(matrix, i, i);
  return (agreed / n) * 100;
}

/**
 * Cohen's kappa over ordered categories, unweighted or with linear weights 1 - |i-j|/(k-1); undefined for an
 * empty matrix. Sums are kept in whole numbers (weights scaled by k-1) so that the degenerate case, expected
 * agreement exactly 1, is recognised exactly rather than as 0/0 rounding to noise.
 */
export function cohensKappa(matrix: ConfusionMatrix, weighting: KappaWeighting = "unweighted"): Kappa | undefined {
  const k = categoryCount(matrix);
  const n = total(matrix);
  if (n === 0) return undefined;
  const scale = k - 1;
  const weight = (i: number, j: number): number =>
    weighting === "linear" ? scale - Math.abs(i - j) : i === j ? scale : 0;
  const rows = indices(k).map((i) => indices(k).reduce((sum, j) => sum + cell(matrix, i, j), 0));
  const columns = indices(k).map((j) => indices(k).reduce((sum, i) => sum + cell(matrix, i, j), 0));

  let agreed = 0;
  let chance = 0;
  for (const i of indices(k)) {
    for (const j of indices(k)) {
      agreed += weight(i, j) * cell(matrix, i, j);
      chance += weight(i, j) * (rows[i] ?? 0) * (columns[j] ?? 0);
    }
  }
  const observed = agreed / (scale * n);
  const expected = chance / (scale * n * n);
  if (chance === scale * n * n) return { n, observed, expected, kappa: undefined, standardError: undefined };
  const kappa = (n * agreed - chance) / (scale * n * n - chance);

  const w = (i: number, j: number) => weight(i, j) / scale;
  const shares = { rows: rows.map((r) => r / n), columns: columns.map((c) => c / n) };
  return { n, observed, expected, kappa, standardError: standardError(matrix, n, w, shares, kappa, expected) };
}

/**
 * Fleiss, Cohen & Everitt (1969): variance = [Σ pᵢⱼ (wᵢⱼ - (w̄ᵢ. + w̄.ⱼ)(1-κ))² - (κ - pₑ(1-κ))²] / n(1-pₑ)²,
 * where w̄ᵢ. and w̄.ⱼ are the weights averaged over the other rater's marginal shares.
 */
function standardError(
  matrix: ConfusionMatrix,
  n: number,
  w: (i: number, j: number) => number,
  shares: { rows: number[]; columns: number[] },
  kappa: number,
  expected: number,
): number {
  const k = matrix.length;
  const rowMean = indices(k).map((i) => indices(k).reduce((sum, j) => sum + w(i, j) * (shares.columns[j] ?? 0), 0));
  const columnMean = indices(k).map((j) => indices(k).reduce((sum, i) => sum + w(i, j) * (shares.rows[i] ?? 0), 0));
  let spread = 0;
  for (const i of indices(k)) {
    for (const j of indices(k)) {
      const deviation = w(i, j) - ((rowMean[i] ?? 0) + (columnMean[j] ?? 0)) * (1 - kappa);
      spread += (cell(matrix, i, j) / n) * deviation * deviation;
    }
  }
  const variance = (spread - (kappa - expected * (1 - kappa)) ** 2) / (n * (1 - expected) ** 2);
  return Math.sqrt(Math.max(0, variance));
}

function categoryCount(matrix: ConfusionMatrix): number {
  const k = matrix.length;
  if (k < 2 || matrix.some((row) => row.length !== k)) {
    throw new RangeError("a confusion matrix must be square, at least 2×2");
  }
  for (const row of matrix) for (const count of row) assertCount(count, "a confusion matrix cell");
  return k;
}

const indices = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
const cell = (matrix: ConfusionMatrix, i: number, j: number): number => matrix[i]?.[j] ?? 0;
const total = (matrix: ConfusionMatrix): number => matrix.flat().reduce((sum, count) => sum + count, 0);
