export { defineRule } from "./rules/define-rule.js";
export type { Finding, Rating, Rule, RuleExample, RuleResult } from "./rules/define-rule.js";
export type { Case, CaseDate } from "./input/case.js";
export { AGENCIES, ASSESSMENT_QUALITIES, CHILD_ROLES, CONCERNS, GRADES, RISK_LEVELS } from "./input/fields.js";
export type { Agency, AssessmentQuality, ChildRole, Concern, Grade, RiskLevel } from "./input/fields.js";
