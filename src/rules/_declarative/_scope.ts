import type { Case, CaseDate } from "../../input/case.js";
import { FIELD_NAMES, TYPED_FIELDS, type FieldKind } from "../../input/fields.js";
import { CelDate, celInt, NotRecorded } from "./_values.js";
import type { KeyedScope } from "./_verdicts.js";

const RECORD = Symbol("record");

/** How a parsed case's value becomes a CEL value. */
const FROM_CASE: Record<FieldKind, (value: unknown) => unknown> = {
  text: (value) => value,
  date: (value) => new CelDate((value as CaseDate).day),
  boolean: (value) => value,
  integer: (value) => celInt(value as number),
  enum: (value) => value,
  list: (value) => value,
};

/**
 * The variables of an expression, read from one case at a time: each field is read only when the
 * expression reaches it, and one that is not recorded throws NotRecorded (a list is never missing:
 * not recorded, it is empty).
 */
export class CaseScope implements KeyedScope {
  [RECORD]!: Case;

  bind(record: Case): this {
    this[RECORD] = record;
    return this;
  }

  /** What a field holds, as one plain value (src/rules/_declarative/_verdicts.ts). */
  keyOf(field: string): unknown {
    const words = LIST_WORDS.get(field);
    if (words) return (this[RECORD][field as keyof Case] as string[]).reduce((mask, word) => mask | (1 << words.indexOf(word)), 0);
    const value = FIELD_NAMES.has(field) ? this[RECORD][field as keyof Case] : this[RECORD].extra[field]?.trim() || undefined;
    return value !== null && typeof value === "object" ? (value as CaseDate).day : value;
  }
}

/** A list's words, so that a list's key is a bit mask rather than a string made per case. */
const LIST_WORDS: ReadonlyMap<string, readonly string[]> = new Map(TYPED_FIELDS.flatMap((spec) => (spec.kind === "list" ? [[spec.name, spec.values!]] : [])));

for (const spec of TYPED_FIELDS) {
  const convert = FROM_CASE[spec.kind];
  const name = spec.name as keyof Case;
  Object.defineProperty(CaseScope.prototype, spec.name, {
    get(this: CaseScope) {
      const value = this[RECORD][name];
      if (value === undefined) throw NotRecorded.of(spec.name);
      return convert(value);
    },
  });
}

/** A scope that also reads these carried-through columns, as trimmed text; a blank one is not recorded. */
export function scopeWith(extra: readonly string[]): CaseScope {
  const scope = new CaseScope();
  for (const name of extra) {
    Object.defineProperty(scope, name, {
      get(this: CaseScope) {
        const text = this[RECORD].extra[name]?.trim();
        if (!text) throw NotRecorded.of(name);
        return text;
      },
    });
  }
  return scope;
}
