import type { GradeLabels } from "../engine/rubric.js";
import type { Grade } from "../input/fields.js";

/**
 * The words a report shows for a grade: the config's `grades` label (say "requires improvement"
 * for adequate), else the grade's key. Every output that shows grades in words asks here; JSON,
 * NDJSON and CSV keep the keys, and record the labels in their rubric section.
 */
export function gradeLabel(grade: Grade, labels: GradeLabels | undefined): string {
  return labels?.[grade] ?? grade;
}

/** The label as a heading or at the start of a sentence: "Requires improvement". */
export function gradeTitle(grade: Grade, labels: GradeLabels | undefined): string {
  const label = gradeLabel(grade, labels);
  return `${label[0]!.toUpperCase()}${label.slice(1)}`;
}
