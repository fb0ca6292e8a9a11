import type { Finding, Rating, RuleResult } from "../define-rule.js";
import type { OnMissing } from "./definition.js";
import type { CompiledExpression } from "./_expression.js";
import { messageText, NotRecorded } from "./_values.js";
import type { KeyedScope } from "./_verdicts.js";

export interface CompiledEntry {
  /** Where the entry is in the rule, for a failure's message: `inadequate[0]`. */
  where: string;
  when: CompiledExpression;
  code: string;
  message: (string | CompiledExpression)[];
  /** The fields its `when` reads, in contract order. */
  fields: string[];
}

export interface CompiledRule {
  applies: CompiledExpression;
  inadequate: CompiledEntry[];
  adequate: CompiledEntry[];
  onMissing: OnMissing;
}

/**
 * A failure that is not a field not recorded: a division by zero, a conversion that fails. The
 * case is listed as invalid, as when a plugin rule throws; the message names only where and
 * what, never a value (carried-through columns are free text).
 */
function failure(error: unknown, where: string): Error {
  const code = (error as { code?: unknown })?.code;
  const reason = typeof code === "string" ? code.replace(/_/g, " ") : error instanceof RangeError ? "too deep or too large" : "failed";
  return new Error(`${where} could not be evaluated on this case: ${reason}`);
}

/** True or false, or the field whose absence left it undecided; a failure is thrown. */
function judge(expression: CompiledExpression, scope: KeyedScope, where: string): boolean | string {
  const verdict = expression.verdicts.decide(scope, () => {
    let value: unknown;
    try {
      value = expression.run(scope);
    } catch (error) {
      return error instanceof NotRecorded ? error.field : failure(error, where);
    }
    return typeof value === "boolean" ? value : failure({ code: "not_true_or_false" }, where);
  });
  if (verdict instanceof Error) throw verdict;
  return verdict;
}

function messageOf(entry: CompiledEntry, scope: object): string {
  let text = "";
  for (const part of entry.message) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    try {
      text += messageText(part.run(scope));
    } catch (error) {
      if (error instanceof NotRecorded) text += "not recorded";
      else throw failure(error, `${entry.where}.message`);
    }
  }
  return text;
}

/** The code of the finding a rule written in the config gives for a field it needs that is not recorded. */
export const NOT_RECORDED = "not-recorded";

const notRecorded = (field: string): Finding => ({ code: NOT_RECORDED, message: `${field} not recorded`, fields: [field] });

/** The entries whose `when` holds, and the fields that left others undecided (added to `missing`). */
function holding(entries: readonly CompiledEntry[], scope: KeyedScope, missing: string[]): CompiledEntry[] {
  const held: CompiledEntry[] = [];
  for (const entry of entries) {
    const verdict = judge(entry.when, scope, `${entry.where}.when`);
    if (verdict === true) held.push(entry);
    else if (typeof verdict === "string" && !missing.includes(verdict)) missing.push(verdict);
  }
  return held;
}

/**
 * n/a unless `applies`; else inadequate with every inadequate entry that holds, else adequate
 * likewise, else good. A field not recorded that leaves an expression undecided rates the rule
 * `on_missing` where no entry holds that rates it worse (n/a only when nothing holds), with a
 * not-recorded finding unless an entry holding at that rating already says what was found; when
 * `applies` itself is undecided the rule rates `on_missing`. Findings are made only when `explain`.
 */
export function rateRule(rule: CompiledRule, scope: KeyedScope, explain: boolean): RuleResult {
  const findings: Finding[] = [];
  const result = (rating: Rating, held: readonly CompiledEntry[], missing: readonly string[]): RuleResult => {
    if (!explain || rating === "n/a") return { rating, findings };
    for (const entry of held) findings.push({ code: entry.code, message: messageOf(entry, scope), fields: entry.fields });
    if (held.length === 0) for (const field of missing) findings.push(notRecorded(field));
    return { rating, findings };
  };
  const applies = judge(rule.applies, scope, "applies");
  if (applies === false) return result("n/a", [], []);
  if (typeof applies === "string") return result(rule.onMissing, [], [applies]);
  const missing: string[] = [];
  const inadequate = holding(rule.inadequate, scope, missing);
  if (inadequate.length || (missing.length && rule.onMissing === "inadequate")) return result("inadequate", inadequate, missing);
  const adequate = holding(rule.adequate, scope, missing);
  if (adequate.length || (missing.length && rule.onMissing === "adequate")) return result("adequate", adequate, missing);
  if (missing.length && rule.onMissing === "inadequate") return result("inadequate", [], missing);
  return result(missing.length ? "n/a" : "good", [], []);
}
