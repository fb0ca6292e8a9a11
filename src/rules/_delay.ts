import type { z } from "zod";

/** "1 working day", "3 working days". */
export function workingDays(count: number): string {
  return `${count} working day${count === 1 ? "" : "s"}`;
}

const WHOLE_WORKING_DAYS = "expected a whole number of working days";

/** A `{ good, adequate }` pair of working-day limits, defaulting to the rubric's values, made with the zod given. */
export function workingDayLimits(zod: typeof z, good: number, adequate: number) {
  return zod
    .object({
      good: zod.int(WHOLE_WORKING_DAYS).min(0, WHOLE_WORKING_DAYS).default(good),
      adequate: zod.int(WHOLE_WORKING_DAYS).min(0, WHOLE_WORKING_DAYS).default(adequate),
    })
    .strict()
    .refine((limits) => limits.adequate >= limits.good, {
      message: "the adequate limit must be at least the good limit",
      path: ["adequate"],
    });
}

export type DelayRating = "good" | "adequate" | "inadequate";

export function rateDelay(days: number, limits: { good: number; adequate: number }): DelayRating {
  if (days <= limits.good) return "good";
  return days <= limits.adequate ? "adequate" : "inadequate";
}
