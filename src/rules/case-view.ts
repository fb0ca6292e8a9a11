import type { Case, CaseDate } from "../input/case.js";
import { FIELDS, type FieldSpec } from "../input/fields.js";

/**
 * A value as one number, as a rule's rating reads it: a date's day, 1 or 0, a whole number, an
 * enum's index in its values, a list's bit mask of its values. NaN is "not recorded".
 */
export function compactFor(spec: FieldSpec): (value: unknown) => number {
  const values = spec.values ?? [];
  switch (spec.kind) {
    case "date":
      return (value) => (value as CaseDate).day;
    case "boolean":
      return (value) => (value ? 1 : 0);
    case "integer":
      return (value) => value as number;
    case "enum":
      return (value) => values.indexOf(value as string);
    case "list":
      return (value) => (value as string[]).reduce((mask, item) => mask | (1 << values.indexOf(item)), 0);
    case "text":
      return () => NaN;
  }
}

const COMPACT = FIELDS.map(compactFor);
const FIELD_AT = new Map(FIELDS.map((spec, f) => [spec.name, f]));

/** A case's values as numbers, one per field of FIELDS (compactFor). */
export function compactCase(record: Case): Float64Array {
  const values = new Float64Array(FIELDS.length).fill(NaN);
  const fields = record as unknown as Record<string, unknown>;
  // The case's own keys, not every field's: a parsed case holds few of them, and looking up one it
  // lacks cost about 2 µs (35 µs a case, the reference path's largest cost, against 2.6).
  for (const name in fields) {
    const f = FIELD_AT.get(name);
    const value = fields[name];
    if (f !== undefined && value !== undefined) values[f] = COMPACT[f]!(value);
  }
  return values;
}

type Value<K extends keyof Case> = NonNullable<Case[K]>;
type NamesOf<T> = { [K in keyof Case]-?: Value<K> extends T ? K : never }[keyof Case];
/** Fields whose values are some of a fixed list of words (an enum), not any text. */
type EnumName = { [K in keyof Case]-?: Value<K> extends string ? (string extends Value<K> ? never : K) : never }[keyof Case];
type ListName = { [K in keyof Case]-?: Value<K> extends readonly string[] ? K : never }[keyof Case];

/** Where a field sits among a case's compact values; made once, when a rule module loads. */
interface At<Kind extends string> {
  readonly kind: Kind;
  readonly name: string;
  readonly at: number;
}
export type DateField = At<"date">;
export type IntegerField = At<"integer">;
export type BooleanField = At<"boolean">;
export interface EnumField<Word extends string> extends At<"enum"> {
  readonly words: readonly Word[];
}
export interface ListField<Word extends string> extends At<"list"> {
  readonly words: readonly Word[];
  /** Some of the list's words as a set, for `CaseView.includes`. */
  items(words: readonly Word[]): number;
}

function at<Kind extends string>(name: string, kind: Kind): At<Kind> {
  const index = FIELDS.findIndex((spec) => spec.name === name);
  if (index < 0 || FIELDS[index]!.kind !== kind) throw new Error(`${name} is not a ${kind} field of the contract`);
  return { kind, name, at: index };
}

export const dateField = (name: NamesOf<CaseDate>): DateField => at(name, "date");
export const integerField = (name: NamesOf<number>): IntegerField => at(name, "integer");
export const booleanField = (name: NamesOf<boolean>): BooleanField => at(name, "boolean");

export function enumField<K extends EnumName>(name: K): EnumField<Value<K>> {
  return { ...at(name, "enum"), words: FIELDS.find((spec) => spec.name === name)!.values as readonly Value<K>[] };
}

export function listField<K extends ListName>(name: K): ListField<Value<K>[number]> {
  const words = FIELDS.find((spec) => spec.name === name)!.values as readonly Value<K>[number][];
  return { ...at(name, "list"), words, items: (some) => some.reduce((mask, word) => mask | (1 << words.indexOf(word)), 0) };
}

/**
 * A case as a rule's rating reads it: each field as one number (compactFor), the same whether the
 * case was parsed whole (`CaseView.of`) or read by the fast path's workers, which keep only these
 * numbers for a case and build the whole of it only when a message needs it.
 */
export class CaseView {
  /**
   * `field`, where given, reads one field's value without the whole case: the fast path's workers
   * would otherwise build every field of a case for a message that names one list.
   */
  constructor(
    public values: Float64Array,
    private readonly whole: () => Case,
    private readonly field: (at: number) => unknown = (at) => (whole() as unknown as Record<string, unknown>)[FIELDS[at]!.name],
  ) {}

  static of(record: Case): CaseView {
    return new CaseView(compactCase(record), () => record);
  }

  /** The whole case, for a finding's message: lists keep the order they were written in. */
  get record(): Case {
    return this.whole();
  }

  /** A list's words in the order they were written, for a finding's message. */
  list<Word extends string>(field: ListField<Word>): readonly Word[] {
    return this.field(field.at) as readonly Word[];
  }

  recorded(field: DateField | IntegerField | BooleanField | EnumField<string>): boolean {
    const value = this.values[field.at]!;
    return value === value;
  }

  /** A date as a day number; NaN when not recorded. */
  day(field: DateField): number {
    return this.values[field.at]!;
  }

  /** A whole number; NaN when not recorded, so that every comparison with it is false. */
  number(field: IntegerField): number {
    return this.values[field.at]!;
  }

  /** Recorded as yes. */
  yes(field: BooleanField): boolean {
    return this.values[field.at] === 1;
  }

  /** Recorded as no. */
  no(field: BooleanField): boolean {
    return this.values[field.at] === 0;
  }

  /** The word recorded, or undefined. */
  word<Word extends string>(field: EnumField<Word>): Word | undefined {
    return field.words[this.values[field.at]!];
  }

  /** Whether the list holds any of `items` (made by `field.items`). */
  includes(field: ListField<string>, items: number): boolean {
    return (this.values[field.at]! & items) !== 0;
  }
}
