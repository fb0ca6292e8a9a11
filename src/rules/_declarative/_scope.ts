import type { Case, CaseDate } from "../../input/case.js";
import { FIELD_NAMES, FIELDS, TYPED_FIELDS, type FieldKind } from "../../input/fields.js";
import type { CaseView } from "../case-view.js";
import { CelDate, celInt, NotRecorded } from "./_values.js";
import type { KeyedScope } from "./_verdicts.js";

const VIEW = Symbol("view");

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
  [VIEW]!: CaseView;

  bind(view: CaseView): this {
    this[VIEW] = view;
    return this;
  }

  /**
   * What a field holds, as one plain value (src/rules/_declarative/_verdicts.ts): a typed field's
   * compact value (a day, an index, a list's bit mask), which a worker has without building the
   * case; text, and carried-through columns, from the whole case.
   */
  keyOf(field: string): unknown {
    const at = COMPACT_AT.get(field);
    if (at !== undefined) return this[VIEW].values[at];
    const record = this[VIEW].record;
    return FIELD_NAMES.has(field) ? record[field as keyof Case] : record.extra[field]?.trim() || undefined;
  }
}

/** Where each field that is not text sits among a case's compact values (src/rules/case-view.ts). */
const COMPACT_AT: ReadonlyMap<string, number> = new Map(FIELDS.flatMap((spec, at) => (spec.kind === "text" ? [] : [[spec.name, at]])));

for (const spec of TYPED_FIELDS) {
  const convert = FROM_CASE[spec.kind];
  const name = spec.name as keyof Case;
  Object.defineProperty(CaseScope.prototype, spec.name, {
    get(this: CaseScope) {
      const value = this[VIEW].record[name];
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
        const text = this[VIEW].record.extra[name]?.trim();
        if (!text) throw NotRecorded.of(name);
        return text;
      },
    });
  }
  return scope;
}
