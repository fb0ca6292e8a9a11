import type { BuiltInRule } from "./_built-in.js";
import { childFirst } from "./child-first/rule.js";
import { multiAgency } from "./multi-agency/rule.js";
import { riskAssessment } from "./risk-assessment/rule.js";
import { timeliness } from "./timeliness/rule.js";
import { voiceOfChild } from "./voice-of-child/rule.js";

/**
 * The built-in rules, one folder each (src/rules/<id>/), in report order: the reference rubric.
 * Without zod: src/rules/index.ts makes them `Rule`s.
 */
export const BUILT_IN_DEFINITIONS: readonly BuiltInRule[] = [riskAssessment, timeliness, childFirst, multiAgency, voiceOfChild];
