import { FIELDS, type FieldSpec } from "../input/fields.js";
import { matchField, similarity, STRENGTH, type ColumnGuess } from "../input/column-names.js";

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
