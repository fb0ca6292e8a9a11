import type { SuppressionPlan } from "../../src/engine/_suppression.js";
import type { Summary } from "../../src/engine/summary.js";
import type { ForcedEntries, Suppression } from "../../src/stats/suppress.js";

export function oldPlanSuppression(summary: Summary, below: number): SuppressionPlan;
export function oldSuppress(counts: readonly (readonly number[])[], k: number, forced?: ForcedEntries): Suppression;
