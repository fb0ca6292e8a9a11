import { z } from "zod";
import { DEFAULT_CHECKS, type NamedCheck, type RecordCheck } from "./check.js";
import type { Case } from "./case.js";

function fieldSchema({ check }: NamedCheck): z.ZodType<unknown> {
  return z.unknown().optional().transform((raw, ctx) => {
    const checked = check(raw);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: "custom", message: checked.reason });
    return z.NEVER;
  });
}

/**
 * The zod schema of a case record whose keys are already field names, for these field checks: the
 * reference path's check, kept as the plain csv-parse + zod path the fast path is proven against
 * (its workers check with `checkFields`, the same field checks without zod).
 */
export function caseRecordSchema(checks: readonly NamedCheck[]) {
  return z.object(Object.fromEntries(checks.map((named) => [named.spec.name, fieldSchema(named)])));
}

const schemas = new WeakMap<readonly NamedCheck[], ReturnType<typeof caseRecordSchema>>();

/**
 * Validates one record given as field name → raw value (CSV text or JSON value), mapped already.
 * `extra` holds carried-through columns and is attached untouched.
 */
export function checkRecord(fields: Record<string, unknown>, extra: Record<string, string>, checks = DEFAULT_CHECKS): RecordCheck {
  let schema = schemas.get(checks);
  if (!schema) schemas.set(checks, (schema = caseRecordSchema(checks)));
  const result = schema.safeParse(fields);
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
