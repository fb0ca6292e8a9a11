import type { BuiltInRule } from "./_built-in.js";
import { childFirst } from "./child-first.js";
import { multiAgency } from "./multi-agency.js";
import { riskAssessment } from "./risk-assessment.js";
import { timeliness } from "./timeliness.js";
import { voiceOfChild } from "./voice-of-child.js";

/** The reference rubric's rules, in report order, without zod: src/rules/index.ts makes them `Rule`s. */
export const BUILT_IN_DEFINITIONS: readonly BuiltInRule[] = [riskAssessment, timeliness, childFirst, multiAgency, voiceOfChild];
