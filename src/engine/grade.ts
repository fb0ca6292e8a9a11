import type { Grade } from "../input/fields.js";
import type { Rating } from "../rules/define-rule.js";
import type { Strategy } from "./strategy.js";

const ORDER: Record<Grade, number> = { good: 0, adequate: 1, inadequate: 2 };

export const POINTS: Record<Grade, number> = { good: 2, adequate: 1, inadequate: 0 };

/** Absorbs rounding in a weighted mean, so that exactly 1.75 compares as at least 1.75. */
const EPSILON = 1e-9;

export function worseGrade(a: Grade, b: Grade): Grade {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** The `worst` strategy: inadequate if any applicable rule is; good if every one is good. */
export function gradeWorst(ratings: readonly Rating[]): Grade {
  let grade: Grade = "good";
  for (const rating of ratings) if (rating !== "n/a") grade = worseGrade(grade, rating);
  return grade;
}

export interface RatedRule {
  rating: Rating;
  weight: number;
  critical: boolean;
}

/** The weighted mean of good = 2, adequate = 1, inadequate = 0 over applicable rules; undefined when none weighs. */
export function meanPoints(rated: readonly RatedRule[]): number | undefined {
  let total = 0;
  let weights = 0;
  for (const { rating, weight } of rated) {
    if (rating === "n/a") continue;
    total += POINTS[rating] * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : undefined;
}

/** The `points` strategy: the mean against the cut-offs; a case with nothing to weigh is good, as under `worst`. */
export function gradePoints(rated: readonly RatedRule[], cutOffs: { good: number; adequate: number }): Grade {
  const mean = meanPoints(rated);
  if (mean === undefined || mean + EPSILON >= cutOffs.good) return "good";
  return mean + EPSILON >= cutOffs.adequate ? "adequate" : "inadequate";
}

/** A case's grade under a strategy; an inadequate critical rule caps it at inadequate under either. */
export function gradeCase(rated: readonly RatedRule[], strategy: Strategy): Grade {
  if (rated.some((r) => r.critical && r.rating === "inadequate")) return "inadequate";
  return strategy.name === "points" ? gradePoints(rated, strategy) : gradeWorst(rated.map((r) => r.rating));
}
