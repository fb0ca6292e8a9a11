import type { Case } from "./case.js";
import { TYPED_FIELDS, type FieldSpec } from "./fields.js";
import { parseDate } from "./dates.js";
import { parseBoolean, parseEnum, parseInteger, parseList, parseText, type Parsed } from "./values.js";

export interface FieldProblem {
  field: string;
  reason: string;
}

export type RecordCheck = { ok: true; record: Case } | { ok: false; problems: FieldProblem[] };

/** The value parser of a field, by its kind. */
export function parserFor(spec: FieldSpec, dates: (raw: unknown) => Parsed<unknown> = parseDate): (raw: unknown) => Parsed<unknown> {
  switch (spec.kind) {
    case "text":
      return parseText;
    case "date":
      return dates;
    case "boolean":
      return parseBoolean;
    case "integer":
      return (raw) => parseInteger(raw, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
    case "enum":
      return (raw) => parseEnum(raw, spec.values ?? [], spec.aliases);
    case "list":
      return (raw) => parseList(raw, spec.values ?? []);
  }
}

export type FieldCheck = (raw: unknown) => Parsed<unknown>;

/** A field's check: its value parsed, or why it cannot be (a missing required value included). */
export function fieldCheck(spec: FieldSpec, parse = parserFor(spec)): FieldCheck {
  return (raw) => {
    const parsed = parse(raw);
    return parsed.ok && spec.required && parsed.value === undefined ? { ok: false, reason: "required value is missing" } : parsed;
  };
}

/** A typed field's name and check, in the order of TYPED_FIELDS. */
export interface NamedCheck {
  spec: FieldSpec;
  check: FieldCheck;
}

/** The checks of the contract as it stands, with no mapping. */
export const DEFAULT_CHECKS: readonly NamedCheck[] = TYPED_FIELDS.map((spec) => ({ spec, check: fieldCheck(spec) }));

/**
 * `checkRecord` (src/input/record.ts, the reference's zod schema) without zod, for the fast path's
 * worker threads: for a record object, the same record or the same problems in the same order.
 * test/input/check.test.ts holds the two equal.
 */
export function checkFields(fields: Record<string, unknown>, extra: Record<string, string>, checks = DEFAULT_CHECKS): RecordCheck {
  const record: Record<string, unknown> = {};
  let problems: FieldProblem[] | undefined;
  for (const { spec, check } of checks) {
    const checked = check(fields[spec.name]);
    if (!checked.ok) (problems ??= []).push({ field: spec.name, reason: checked.reason });
    else if (checked.value !== undefined) record[spec.name] = checked.value;
  }
  if (problems) return { ok: false, problems };
  record.extra = extra;
  return { ok: true, record: record as unknown as Case };
}
