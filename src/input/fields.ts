export const CONCERNS = [
  "sexual_abuse",
  "physical_abuse",
  "neglect",
  "emotional_abuse",
  "cse",
  "online_abuse",
  "domestic_abuse",
  "missing",
  "other",
] as const;
export const CHILD_ROLES = ["victim", "suspect", "victim_and_suspect", "witness", "unknown"] as const;
export const AGENCIES = ["social_care", "health", "education", "youth_justice", "probation", "other"] as const;
export const ASSESSMENT_QUALITIES = ["good", "adequate", "poor"] as const;
export const RISK_LEVELS = ["standard", "medium", "high"] as const;
export const GRADES = ["good", "adequate", "inadequate"] as const;

export type Concern = (typeof CONCERNS)[number];
export type ChildRole = (typeof CHILD_ROLES)[number];
export type Agency = (typeof AGENCIES)[number];
export type AssessmentQuality = (typeof ASSESSMENT_QUALITIES)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type Grade = (typeof GRADES)[number];

export type FieldKind = "text" | "date" | "boolean" | "integer" | "enum" | "list";

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** Words an enum or list accepts, after normalisation. */
  readonly values?: readonly string[];
  /** Other words accepted for a value (`requires_improvement` → `adequate`). */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly min?: number;
  readonly max?: number;
  /** Free text: never stored, printed or echoed. */
  readonly private?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { name: "case_id", kind: "text", required: true },
  { name: "force", kind: "text", required: true },
  { name: "reported_on", kind: "date", required: true },
  { name: "child_age", kind: "integer", min: 0, max: 17 },
  { name: "concern", kind: "list", values: CONCERNS },
  { name: "child_role", kind: "enum", values: CHILD_ROLES },
  { name: "child_views_recorded", kind: "boolean" },
  { name: "child_disbelieved", kind: "boolean" },
  { name: "child_arrested", kind: "boolean" },
  { name: "arrest_minor", kind: "boolean" },
  { name: "suspect_age", kind: "integer", min: 0, max: 120 },
  { name: "risk_assessed_on", kind: "date" },
  { name: "risk_assessment_quality", kind: "enum", values: ASSESSMENT_QUALITIES },
  { name: "risk_level", kind: "enum", values: RISK_LEVELS },
  { name: "social_care_referred_on", kind: "date" },
  { name: "strategy_discussion_on", kind: "date" },
  { name: "agencies_consulted", kind: "list", values: AGENCIES },
  { name: "interviewed_on", kind: "date" },
  { name: "suspect_arrested_on", kind: "date" },
  { name: "outcome_code", kind: "integer", min: 1, max: 22 },
  { name: "outcome_on", kind: "date" },
  { name: "inspector_grade", kind: "enum", values: GRADES, aliases: { requires_improvement: "adequate" } },
  { name: "notes", kind: "text", private: true },
];

export const FIELD_NAMES: ReadonlySet<string> = new Set(FIELDS.map((f) => f.name));
/** The fields a record is checked for, in order: all but the private `notes`. */
export const TYPED_FIELDS = FIELDS.filter((f) => !f.private);
export const REQUIRED_FIELDS = FIELDS.filter((f) => f.required).map((f) => f.name);
