import type { Case, CaseDate } from "../../input/case.js";
import { TYPED_FIELDS, type FieldKind } from "../../input/fields.js";
import { CelDate, celInt, NotRecorded } from "./_values.js";

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
export class CaseScope {
  [RECORD]!: Case;

  bind(record: Case): this {
    this[RECORD] = record;
    return this;
  }
}

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
