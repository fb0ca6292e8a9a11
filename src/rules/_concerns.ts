import type { Case } from "../input/case.js";
import type { Concern } from "../input/fields.js";

const SEXUAL_CONCERNS: readonly Concern[] = ["sexual_abuse", "cse", "online_abuse"];
const SIGNIFICANT_HARM_CONCERNS: readonly Concern[] = ["sexual_abuse", "physical_abuse", "cse"];

export function isSexualConcern(record: Pick<Case, "concern">): boolean {
  return record.concern.some((c) => SEXUAL_CONCERNS.includes(c));
}

export function isSignificantHarmConcern(record: Pick<Case, "concern" | "risk_level">): boolean {
  return record.risk_level === "high" || significantHarmConcerns(record).length > 0;
}

export function significantHarmConcerns(record: Pick<Case, "concern">): Concern[] {
  return record.concern.filter((c) => SIGNIFICANT_HARM_CONCERNS.includes(c));
}

/** A concern in the auditor's words: `physical_abuse` → "physical abuse". */
export function concernLabel(concern: Concern): string {
  return concern === "cse" ? "child sexual exploitation" : concern.replace(/_/g, " ");
}

/** "a physical abuse concern", "sexual abuse and child sexual exploitation concerns". */
export function concernsPhrase(concerns: readonly Concern[]): string {
  const labels = concerns.map(concernLabel).join(" and ");
  return concerns.length === 1 ? `a ${labels} concern` : `${labels} concerns`;
}
