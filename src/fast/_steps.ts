import type { Case } from "../input/case.js";

export const noExtra = (): Record<string, string> => Object.create(null);

/** Printable ASCII without a space at either end: a cell that trim() leaves as it is. */
export function plainAscii(buf: Uint8Array, start: number, end: number): boolean {
  if (end <= start || buf[start] === 0x20 || buf[end - 1] === 0x20) return false;
  for (let i = start; i < end; i++) if (buf[i]! < 0x20 || buf[i]! > 0x7e) return false;
  return true;
}

/**
 * A case with every contract field present, in one order, so that all cases share a hidden
 * class (rules read them about 3 times faster). test/fast/record.test.ts checks that it names
 * every field of FIELDS but notes.
 */
export function caseShape(v: (name: keyof Case) => unknown): Case {
  return {
    case_id: v("case_id"),
    force: v("force"),
    reported_on: v("reported_on"),
    child_age: v("child_age"),
    concern: v("concern"),
    child_role: v("child_role"),
    child_views_recorded: v("child_views_recorded"),
    child_disbelieved: v("child_disbelieved"),
    child_arrested: v("child_arrested"),
    arrest_minor: v("arrest_minor"),
    suspect_age: v("suspect_age"),
    risk_assessed_on: v("risk_assessed_on"),
    risk_assessment_quality: v("risk_assessment_quality"),
    risk_level: v("risk_level"),
    social_care_referred_on: v("social_care_referred_on"),
    strategy_discussion_on: v("strategy_discussion_on"),
    agencies_consulted: v("agencies_consulted"),
    interviewed_on: v("interviewed_on"),
    suspect_arrested_on: v("suspect_arrested_on"),
    outcome_code: v("outcome_code"),
    outcome_on: v("outcome_on"),
    inspector_grade: v("inspector_grade"),
    extra: {},
  } as Case;
}
