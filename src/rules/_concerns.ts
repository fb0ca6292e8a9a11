import type { Concern } from "../input/fields.js";
import { enumField, listField, type CaseView } from "./case-view.js";

/** A sexual concern: `concern` includes one of these. */
export const SEXUAL_CONCERNS: readonly Concern[] = ["sexual_abuse", "cse", "online_abuse"];
/** A significant-harm concern: `concern` includes one of these, or the risk is high. */
export const SIGNIFICANT_HARM_CONCERNS: readonly Concern[] = ["sexual_abuse", "physical_abuse", "cse"];

export const CONCERN = listField("concern");
const RISK_LEVEL = enumField("risk_level");
const SEXUAL = CONCERN.items(SEXUAL_CONCERNS);
const SIGNIFICANT_HARM = CONCERN.items(SIGNIFICANT_HARM_CONCERNS);

export const isSexualConcern = (view: CaseView): boolean => view.includes(CONCERN, SEXUAL);

export const isSignificantHarmConcern = (view: CaseView): boolean => view.word(RISK_LEVEL) === "high" || view.includes(CONCERN, SIGNIFICANT_HARM);

/** The case's significant-harm concerns, in the order they were recorded. */
export function significantHarmConcerns(concerns: readonly Concern[]): Concern[] {
  return concerns.filter((c) => SIGNIFICANT_HARM_CONCERNS.includes(c));
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
