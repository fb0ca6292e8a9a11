import { normaliseHeader } from "./header.js";
import { levenshtein } from "../text/suggest.js";

/** Words real exports use for our fields, beside the field names themselves. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  case_id: [
    "crime reference", "crime ref", "crime number", "crime no", "case reference", "case ref", "case number",
    "case no", "reference", "urn", "occurrence number", "incident number",
  ],
  force: ["force name", "police force", "force area", "constabulary"],
  reported_on: ["date reported", "reported date", "report date", "date of report", "date recorded", "first reported"],
  child_age: ["age", "age of child", "child age", "victim age", "age at report"],
  concern: ["concern type", "concern category", "concerns", "abuse type", "category of abuse"],
  child_role: ["role", "child role", "role of child", "child recorded as", "involvement"],
  child_views_recorded: ["views recorded", "child views", "voice of child", "wishes and feelings recorded"],
  child_disbelieved: ["disbelieved", "child not believed", "allegation dismissed"],
  child_arrested: ["child arrested", "arrested"],
  arrest_minor: ["minor arrest", "arrest for minor matter", "minor matter"],
  suspect_age: ["suspect age", "age of suspect", "offender age", "perpetrator age"],
  risk_assessed_on: ["risk assessment date", "date of risk assessment", "ra date", "risk assessed", "dash date"],
  risk_assessment_quality: ["risk assessment quality", "ra quality", "quality of risk assessment"],
  risk_level: ["risk level", "risk", "dash risk", "risk grading"],
  social_care_referred_on: [
    "referral date", "date referred", "social care referral", "social care referral date",
    "csc referral date", "date of referral",
  ],
  strategy_discussion_on: [
    "strategy discussion date", "strategy meeting date", "strategy meeting", "strategy discussion",
    "strategy date",
  ],
  agencies_consulted: ["agencies", "agencies involved", "partner agencies", "agencies consulted"],
  interviewed_on: ["abe interview date", "abe date", "interview date", "date interviewed", "abe interview"],
  suspect_arrested_on: ["suspect arrest date", "date suspect arrested", "arrest date", "date of arrest"],
  outcome_code: ["outcome code", "outcome", "home office outcome", "ho outcome"],
  outcome_on: ["outcome date", "date of outcome", "finalised date"],
  inspector_grade: ["inspector grade", "audit grade", "grade", "hmic grade"],
  notes: ["notes", "officer notes", "comments", "narrative", "free text"],
};

export type MatchKind = "exact" | "normalised" | "alias" | "fuzzy";
export interface ColumnGuess {
  header: string;
  field: string;
  kind: MatchKind;
}

export const STRENGTH: Record<MatchKind, number> = { exact: 4, normalised: 3, alias: 2, fuzzy: 1 };
/** Units and formats that decorate headers: `Child Age (yrs)`, `Arrested Y/N`. */
const NOISE = /\([^)]*\)|\[[^\]]*\]|\b(yrs|years|y\/n|yes\/no|dd\/mm\/yyyy)\b/g;

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const words = (text: string) => text.toLowerCase().replace(NOISE, " ").replace(/[^a-z0-9]+/g, " ").trim();

/** A header at least this close to a field (see `closeness`) is placed on it, as a fuzzy match. */
export const FUZZY = 0.8;

export function similarity(a: string, b: string): number {
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);
}

/** How like a field's name, or a name exports use for it, a header is: 1 for one of them, down to 0. */
export function closeness(header: string, field: string): number {
  const cleaned = compact(words(header));
  return Math.max(...[field.replace(/_/g, " "), ...(ALIASES[field] ?? [])].map((name) => similarity(cleaned, compact(name))));
}

/** How one header matches one field, if it does; fuzzy matches carry a score. */
export function matchField(header: string, field: string): { kind: MatchKind; score: number } | undefined {
  if (header === field) return { kind: "exact", score: 1 };
  if (normaliseHeader(header) === field || compact(header) === compact(field)) return { kind: "normalised", score: 1 };
  const score = closeness(header, field);
  if (score === 1) return { kind: "alias", score };
  return score >= FUZZY ? { kind: "fuzzy", score } : undefined;
}

/**
 * The headers `audit init` would place on a field, best first, for a message about a missing column.
 * Only those: a header far from every field name may be a row of free text read as the header.
 */
export function closestColumns(field: string, headers: readonly string[], count = 2): string[] {
  const matches = headers.flatMap((header) => {
    const match = header.trim() === "" ? undefined : matchField(header, field);
    return match ? [{ header, score: STRENGTH[match.kind] + match.score }] : [];
  });
  return matches.sort((a, b) => b.score - a.score).slice(0, count).map(({ header }) => header);
}
