import type { Finding, RuleResult } from "./define-rule.js";

const RATINGS = new Set(["good", "adequate", "inadequate", "n/a"]);

/** What a value is, never what it says: a plugin's result may hold a case's free text. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return value === undefined ? "nothing" : `a ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

class Malformed extends Error {}

function finding(value: unknown, at: string): Finding {
  if (!isObject(value)) throw new Malformed(`${at}: expected { code, message, fields }, got ${kindOf(value)}`);
  for (const key of ["code", "message"] as const) {
    if (typeof value[key] !== "string") throw new Malformed(`${at}.${key}: expected a string, got ${kindOf(value[key])}`);
  }
  const { fields } = value;
  if (!Array.isArray(fields)) throw new Malformed(`${at}.fields: expected an array of field names, got ${kindOf(fields)}`);
  fields.forEach((field, i) => {
    if (typeof field !== "string") throw new Malformed(`${at}.fields.${i}: expected a string, got ${kindOf(field)}`);
  });
  return { code: value.code as string, message: value.message as string, fields: [...(fields as string[])] };
}

/**
 * A plugin rule's result as the engine keeps it, `{ rating, findings: [{ code, message, fields }] }`
 * with any other keys dropped, or what is wrong with it. Built-in rules are not checked. No zod:
 * the fast path's workers run plugin rules too, and load zod only if a plugin does.
 */
export function checkRuleResult(result: unknown): { ok: true; result: RuleResult } | { ok: false; message: string } {
  try {
    if (isObject(result) && typeof result.then === "function") {
      return { ok: false, message: "returned a Promise; evaluate must return its result synchronously" };
    }
    if (!isObject(result)) throw new Malformed(`expected { rating, findings }, got ${kindOf(result)}`);
    if (typeof result.rating !== "string" || !RATINGS.has(result.rating)) {
      throw new Malformed(`rating: expected good, adequate, inadequate or n/a, got ${typeof result.rating === "string" ? "another word" : kindOf(result.rating)}`);
    }
    if (!Array.isArray(result.findings)) throw new Malformed(`findings: expected an array, got ${kindOf(result.findings)}`);
    const findings = result.findings.map((value, i) => finding(value, `findings.${i}`));
    return { ok: true, result: { rating: result.rating as RuleResult["rating"], findings } };
  } catch (error) {
    // A getter of the result's own may throw while it is read.
    return { ok: false, message: `returned a malformed result (${error instanceof Malformed ? error.message : "it could not be read"})` };
  }
}
