import type { z } from "zod";
import { ADEQUATE, GOOD, INADEQUATE, type Level } from "./checks.js";

/** "1 working day", "3 working days". */
export function workingDays(count: number): string {
  return `${count} working day${count === 1 ? "" : "s"}`;
}

const WHOLE_WORKING_DAYS = "expected a whole number of working days";

/** A `{ good, adequate }` pair of working-day limits, defaulting to the rubric's values, made with the zod given. */
export function workingDayLimits(zod: typeof z, { good, adequate }: { good: number; adequate: number }) {
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

/** A delay of `days` working days against its limits: GOOD, ADEQUATE or INADEQUATE. */
export function delayLevel(days: number, limits: { good: number; adequate: number }): Level {
  if (days <= limits.good) return GOOD;
  return days <= limits.adequate ? ADEQUATE : INADEQUATE;
}
