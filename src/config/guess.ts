import { FIELDS, type FieldSpec } from "../input/fields.js";
import { normaliseHeader } from "../input/header.js";
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

const STRENGTH: Record<MatchKind, number> = { exact: 4, normalised: 3, alias: 2, fuzzy: 1 };
/** Units and formats that decorate headers: `Child Age (yrs)`, `Arrested Y/N`. */
const NOISE = /\([^)]*\)|\[[^\]]*\]|\b(yrs|years|y\/n|yes\/no|dd\/mm\/yyyy)\b/g;

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const words = (text: string) => text.toLowerCase().replace(NOISE, " ").replace(/[^a-z0-9]+/g, " ").trim();

function similarity(a: string, b: string): number {
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);
}

/** How one header matches one field, if it does; fuzzy matches carry a score. */
function matchField(header: string, field: string): { kind: MatchKind; score: number } | undefined {
  if (header === field) return { kind: "exact", score: 1 };
  if (normaliseHeader(header) === field || compact(header) === compact(field)) return { kind: "normalised", score: 1 };
  const cleaned = words(header);
  const names = [field.replace(/_/g, " "), ...(ALIASES[field] ?? [])];
  if (names.some((name) => compact(name) === compact(cleaned))) return { kind: "alias", score: 1 };
  const score = Math.max(...names.map((name) => similarity(compact(cleaned), compact(name))));
  return score >= 0.8 ? { kind: "fuzzy", score } : undefined;
}

/** Places each header on at most one field and each field on at most one header, strongest match first. */
export function guessColumns(headers: readonly string[]): { placed: ColumnGuess[]; unplaced: string[] } {
  const candidates = headers.flatMap((header) =>
    FIELDS.flatMap((spec) => {
      const match = matchField(header, spec.name);
      return match ? [{ header, field: spec.name, ...match }] : [];
    }),
  );
  candidates.sort((a, b) => STRENGTH[b.kind] - STRENGTH[a.kind] || b.score - a.score);
  const placed: ColumnGuess[] = [];
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (taken.has(candidate.header) || taken.has(`field:${candidate.field}`)) continue;
    taken.add(candidate.header).add(`field:${candidate.field}`);
    placed.push({ header: candidate.header, field: candidate.field, kind: candidate.kind });
  }
  placed.sort((a, b) => headers.indexOf(a.header) - headers.indexOf(b.header));
  return { placed, unplaced: headers.filter((header) => !taken.has(header)) };
}

/** `std` is a subsequence of `standard`, starting with its first letter. */
function abbreviates(short: string, word: string): boolean {
  if (short[0] !== word[0]) return false;
  let i = 0;
  for (const char of word) if (char === short[i]) i++;
  return i === short.length;
}

/** The one value a rule picks out; of `victim` and `victim_and_suspect`, the shorter one both start with. */
function single(values: readonly string[]): string | undefined {
  const shortest = [...values].sort((a, b) => a.length - b.length)[0];
  return shortest !== undefined && values.every((value) => value.startsWith(shortest)) ? shortest : undefined;
}

/** `VS` → `victim_and_suspect`: the word a code stands for, by initials, start, abbreviation or spelling. */
export function guessWord(code: string, values: readonly string[]): string | undefined {
  const folded = code.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (folded === "") return undefined;
  const initials = (value: string) => value.split("_").filter((w) => w !== "and").map((w) => w[0]).join("");
  const tests = [
    (value: string) => initials(value) === folded,
    (value: string) => value.startsWith(folded),
    (value: string) => abbreviates(folded, value),
    (value: string) => similarity(folded, value) >= 0.75,
  ];
  for (const matches of tests) {
    const found = single(values.filter(matches));
    if (found) return found;
  }
  return undefined;
}

export interface ValueGuesses {
  table: Record<string, string>;
  unplaced: string[];
}

/** For an enum or list field, a mapping for each distinct cell the reader would not accept as it is. */
export function guessValues(spec: FieldSpec, cells: Iterable<string>, accepts: (cell: string) => boolean): ValueGuesses {
  const table: Record<string, string> = {};
  const unplaced: string[] = [];
  const values = [...(spec.values ?? []), ...Object.keys(spec.aliases ?? {})];
  for (const cell of new Set([...cells].map((c) => c.trim()))) {
    if (cell === "" || accepts(cell)) continue;
    const items = spec.kind === "list" ? cell.split(";") : [cell];
    const mapped = items.map((item) => guessWord(item, values));
    if (mapped.every((word) => word !== undefined)) table[cell] = mapped.join(";");
    else unplaced.push(cell);
  }
  return { table, unplaced };
}
