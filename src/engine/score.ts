import type { Case } from "../input/case.js";
import type { Grade } from "../input/fields.js";
import type { Finding, Rating } from "../rules/define-rule.js";
import { gradeWorst } from "./grade.js";
import type { Rubric } from "./rubric.js";

export interface RuleOutcome {
  id: string;
  rating: Rating;
  findings: Finding[];
}

export interface CaseResult {
  case_id: string;
  group: string;
  grade: Grade;
  reported_on: string;
  rules: RuleOutcome[];
}

export function scoreCase(record: Case, rubric: Rubric, group: string = record.force): CaseResult {
  const rules = rubric.rules.map(({ rule, options }): RuleOutcome => {
    const { rating, findings } = rule.evaluate(record, options);
    return { id: rule.id, rating, findings };
  });
  return {
    case_id: record.case_id,
    group,
    grade: gradeWorst(rules.map((r) => r.rating)),
    reported_on: record.reported_on.text,
    rules,
  };
}
