import { z } from "zod";
import { fieldCheck, type RecordCheck } from "./check.js";
import type { Case } from "./case.js";
import { TYPED_FIELDS, type FieldSpec } from "./fields.js";

function fieldSchema(spec: FieldSpec): z.ZodType<unknown> {
  const check = fieldCheck(spec);
  return z.unknown().optional().transform((raw, ctx) => {
    const checked = check(raw);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: "custom", message: checked.reason });
    return z.NEVER;
  });
}

/**
 * The zod schema of a case record whose keys are already field names: the reference path's check,
 * kept as the plain csv-parse + zod path the fast path is proven against (its workers check with
 * `checkFields`, the same field checks without zod).
 */
export const caseRecordSchema = z.object(Object.fromEntries(TYPED_FIELDS.map((spec) => [spec.name, fieldSchema(spec)])));

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
