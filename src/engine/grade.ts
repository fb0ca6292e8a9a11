import type { Grade } from "../input/fields.js";
import type { Rating } from "../rules/define-rule.js";

const ORDER: Record<Grade, number> = { good: 0, adequate: 1, inadequate: 2 };

export function worseGrade(a: Grade, b: Grade): Grade {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** The `worst` strategy: inadequate if any applicable rule is; good if every one is good. */
export function gradeWorst(ratings: readonly Rating[]): Grade {
  let grade: Grade = "good";
  for (const rating of ratings) if (rating !== "n/a") grade = worseGrade(grade, rating);
  return grade;
}
