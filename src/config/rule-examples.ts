import type { Case } from "../input/case.js";
import { targetOf } from "../input/header.js";
import { checkRecord } from "../input/record.js";
import type { Rule, RuleExample, RuleResult } from "../rules/define-rule.js";

/** An example's columns as a validated case; the required fields default. */
export function exampleCase(example: RuleExample): Case {
  const fields: Record<string, unknown> = { case_id: "EXAMPLE-1", force: "Example", reported_on: "2015-07-02" };
  const extra: Record<string, string> = {};
  for (const [column, value] of Object.entries(example.record)) {
    const target = targetOf(column);
    if (target.kind === "field") fields[target.name] = value;
    else if (target.kind === "extra") extra[target.name] = value;
  }
  const checked = checkRecord(fields, extra);
  if (!checked.ok) {
    const [problem] = checked.problems;
    throw new Error(`the example "${example.summary}" is not a valid case: ${problem!.field}: ${problem!.reason}`);
  }
  return checked.record;
}

/** What the rule makes of its example under the given options; a rule that throws is shown as such. */
export function runExample(rule: Rule<unknown>, options: unknown, example: RuleExample): RuleResult | { error: string } {
  try {
    return rule.evaluate(exampleCase(example), options);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
