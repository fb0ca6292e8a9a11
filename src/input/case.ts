import type { Agency, AssessmentQuality, ChildRole, Concern, Grade, RiskLevel } from "./fields.js";

/** A recorded date: `day` counts days since 1970-01-01; `text` keeps what was given, normalised to ISO. */
export interface CaseDate {
  readonly day: number;
  readonly text: string;
}

/**
 * One validated case record. A field that is `undefined` was not recorded,
 * which is not the same as "no". Lists are empty when not recorded.
 * `notes` is never kept; other columns are carried through in `extra`.
 */
export interface Case {
  case_id: string;
  force: string;
  reported_on: CaseDate;
  child_age?: number;
  concern: Concern[];
  child_role?: ChildRole;
  child_views_recorded?: boolean;
  child_disbelieved?: boolean;
  child_arrested?: boolean;
  arrest_minor?: boolean;
  suspect_age?: number;
  risk_assessed_on?: CaseDate;
  risk_assessment_quality?: AssessmentQuality;
  risk_level?: RiskLevel;
  social_care_referred_on?: CaseDate;
  strategy_discussion_on?: CaseDate;
  agencies_consulted: Agency[];
  interviewed_on?: CaseDate;
  suspect_arrested_on?: CaseDate;
  outcome_code?: number;
  outcome_on?: CaseDate;
  inspector_grade?: Grade;
  /** Columns that are not fields of the contract, by normalised header. */
  extra: Record<string, string>;
}
