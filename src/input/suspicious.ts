import { isoDate } from "../calendar/working-days.js";
import type { Case, CaseDate } from "./case.js";
import type { FieldProblem } from "./check.js";

const MILESTONES = [
  "risk_assessed_on",
  "social_care_referred_on",
  "strategy_discussion_on",
  "interviewed_on",
  "suspect_arrested_on",
  "outcome_on",
] as const;

/** How far before the report a milestone may plausibly fall before it looks like a typing error. */
const LONG_BEFORE_DAYS = 365;

/**
 * Values that are valid but probably wrong: the rules would grade them, yet an
 * auditor should look. `today` is a day number, so the check is reproducible in tests.
 */
export function suspiciousValues(record: Case, today: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reported = record.reported_on.day;
  const dates: [string, CaseDate][] = [["reported_on", record.reported_on]];
  for (const field of MILESTONES) {
    const date = record[field];
    if (!date) continue;
    dates.push([field, date]);
    const before = reported - date.day;
    if (before > LONG_BEFORE_DAYS) {
      const years = (before / 365.25).toFixed(1);
      problems.push({ field, reason: `${date.text} is ${years} years before the report (${record.reported_on.text}); a typing error?` });
    } else if (before > 0) {
      problems.push({ field, reason: `${date.text} is before the report (${record.reported_on.text}); it counts as no delay` });
    }
  }
  for (const [field, date] of dates) {
    if (date.day > today) problems.push({ field, reason: `${date.text} is in the future (today is ${isoDate(today)})` });
  }
  if (record.arrest_minor === true && record.child_arrested !== true) {
    problems.push({ field: "arrest_minor", reason: "a minor-matter arrest is recorded, but child_arrested is not yes" });
  }
  return problems;
}
