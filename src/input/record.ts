import { z } from "zod";
import type { Case } from "./case.js";
import { FIELDS, type FieldSpec } from "./fields.js";
import { parseBoolean, parseDate, parseEnum, parseInteger, parseList, parseText, type Parsed } from "./values.js";

export interface FieldProblem {
  field: string;
  reason: string;
}

/** The value parser of a field, by its kind. */
export function parserFor(spec: FieldSpec): (raw: unknown) => Parsed<unknown> {
  switch (spec.kind) {
    case "text":
      return parseText;
    case "date":
      return parseDate;
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

function fieldSchema(spec: FieldSpec): z.ZodType<unknown> {
  const parse = parserFor(spec);
  return z.unknown().optional().transform((raw, ctx) => {
    const parsed = parse(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    }
    if (spec.required && parsed.value === undefined) {
      ctx.addIssue({ code: "custom", message: "required value is missing" });
      return z.NEVER;
    }
    return parsed.value;
  });
}

const typedFields = FIELDS.filter((spec) => !spec.private);

/** The zod schema of a case record whose keys are already field names. */
export const caseRecordSchema = z.object(Object.fromEntries(typedFields.map((spec) => [spec.name, fieldSchema(spec)])));

export type RecordCheck = { ok: true; record: Case } | { ok: false; problems: FieldProblem[] };

/**
 * Validates one record given as field name → raw value (CSV text or JSON value).
 * `extra` holds carried-through columns and is attached untouched.
 */
export function checkRecord(fields: Record<string, unknown>, extra: Record<string, string>): RecordCheck {
  const result = caseRecordSchema.safeParse(fields);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "record"), reason: issue.message })),
    };
  }
  const record = { ...result.data, extra } as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return { ok: true, record: record as unknown as Case };
}
