import { childFirst } from "./child-first.js";
import type { Rule } from "./define-rule.js";
import { multiAgency } from "./multi-agency.js";
import { riskAssessment } from "./risk-assessment.js";
import { timeliness } from "./timeliness.js";
import { voiceOfChild } from "./voice-of-child.js";

/** The reference rubric's rules, in report order. */
export const BUILT_IN_RULES = [
  riskAssessment,
  timeliness,
  childFirst,
  multiAgency,
  voiceOfChild,
] as const satisfies readonly Rule<unknown>[];
