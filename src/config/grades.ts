import { z } from "zod";
import type { GradeLabels } from "../engine/rubric.js";
import { GRADES } from "../input/fields.js";
import { showsAsItself } from "../text/terminal.js";

const LABEL = "expected a label of 1 to 40 characters on one line, each shown as itself (no control, bidi or zero-width character)";
const label = z.string(LABEL).trim().min(1, LABEL).max(40, LABEL).refine(showsAsItself, LABEL);

/**
 * `grades`: the words the table, Markdown, HTML, JUnit and `agree` show for each grade, e.g.
 * `{ "adequate": "requires improvement" }`. Grades keep their keys in JSON, NDJSON and CSV.
 */
export const gradesSchema = z
  .object({ good: label.optional(), adequate: label.optional(), inadequate: label.optional() })
  .strict()
  .transform((given, ctx): GradeLabels | undefined => {
    const labels = Object.fromEntries(GRADES.map((grade) => [grade, given[grade] ?? grade])) as GradeLabels;
    GRADES.forEach((grade, i) => {
      const same = GRADES.slice(0, i).find((other) => labels[other].toLowerCase() === labels[grade].toLowerCase());
      if (same) ctx.addIssue({ code: "custom", path: [grade], message: `the same label as ${same}; each grade needs its own` });
    });
    return GRADES.some((grade) => labels[grade] !== grade) ? labels : undefined;
  });
