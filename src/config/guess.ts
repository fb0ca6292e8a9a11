import { FIELDS, type FieldSpec } from "../input/fields.js";
import { matchField, similarity, STRENGTH, type ColumnGuess } from "../input/column-names.js";
import { listSplitter, matchedAsWords, valueKey } from "../input/mapping.js";
import { normaliseWord } from "../input/values.js";
import { nearest } from "../text/suggest.js";

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

/** A cell of a list field split into items as the reader splits it: on `;` and on the export's own separator. */
export function listItems(cell: string, separator: string | undefined): string[] {
  return cell
    .split(listSplitter(separator))
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The separators init looks for in a list field, beside `;`. */
const LIST_SEPARATORS = [",", "|", "/"] as const;

/** The separator, beside `;`, that most of a list field's cells hold, if any cell holds one. */
export function detectSeparator(cells: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const cell of cells) for (const separator of LIST_SEPARATORS) if (cell.includes(separator)) counts.set(separator, (counts.get(separator) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== "" && word !== "and");

/**
 * The contract word a value most likely stands for, as a suggestion for the user to confirm: the
 * nearest spelling (`Neglekt` → `neglect`), else the word whose parts the value holds most of
 * (`Children's Social Care` → `social_care`, `Youth Offending` → `youth_justice`), when one stands out.
 */
export function suggestWord(value: string, words: readonly string[]): string | undefined {
  const close = nearest(normaliseWord(value), words);
  if (close !== undefined) return close;
  const held = new Set(wordsOf(value));
  const scored = words.map((word) => {
    const parts = wordsOf(word);
    return { word, share: parts.filter((part) => held.has(part)).length / Math.max(parts.length, 1) };
  });
  scored.sort((a, b) => b.share - a.share);
  const [best, next] = scored;
  return best && best.share >= 0.5 && best.share > (next?.share ?? 0) ? best.word : undefined;
}

/** A value init could not place, for the user to fill in, with the word it looks most like. */
export interface ToFill {
  value: string;
  nearest?: string;
}

export interface ValueGuesses {
  /** Values placed with confidence (a code's initials, start or spelling): written as mappings. */
  table: Record<string, string>;
  toFill: ToFill[];
}

/** The words a field's values may be written as: an enum's or list's words, a boolean's yes and no. */
function wordsFor(spec: FieldSpec): readonly string[] {
  if (spec.kind === "boolean") return ["yes", "no"];
  return [...(spec.values ?? []), ...Object.keys(spec.aliases ?? {})];
}

/**
 * For a typed field, a mapping for each distinct value it would not accept as it is (a list's items
 * one by one; values the reader cannot tell apart, once): an enum's or list's codes placed when
 * sure, everything else left to fill in.
 */
export function guessValues(spec: FieldSpec, values: Iterable<string>, accepts: (value: string) => boolean): ValueGuesses {
  const table: Record<string, string> = {};
  const toFill: ToFill[] = [];
  const words = wordsFor(spec);
  const coded = matchedAsWords(spec);
  const seen = new Set<string>();
  for (const written of values) {
    const value = written.trim();
    const key = valueKey(spec, value);
    if (value === "" || seen.has(key) || accepts(value)) continue;
    seen.add(key);
    const word = coded ? guessWord(value, words) : undefined;
    if (word !== undefined) table[value] = word;
    else {
      const close = words.length ? suggestWord(value, words) : undefined;
      toFill.push(close === undefined ? { value } : { value, nearest: close });
    }
  }
  return { table, toFill };
}
