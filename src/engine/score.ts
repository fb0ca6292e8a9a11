import { z } from "zod";
import type { Case } from "../input/case.js";
import type { Grade } from "../input/fields.js";
import type { Finding, Rating, RuleResult } from "../rules/define-rule.js";
import { gradeCase, type RatedRule } from "./grade.js";
import type { ActiveRule, Rubric } from "./rubric.js";
import { BUILT_IN, ruleWeight } from "./strategy.js";

export interface RuleOutcome {
  id: string;
  rating: Rating;
  findings: Finding[];
}

export interface CaseResult {
  case_id: string;
  group: string;
  grade: Grade;
  reported_on: string;
  rules: RuleOutcome[];
  /** The human auditor's grade, when the record carries one: the other side of the agreement tables. */
  inspector_grade?: Grade;
}

/** A rule that threw or returned something that is not a rating and findings. */
export interface RuleFailure {
  id: string;
  message: string;
}

export type CaseScore = { ok: true; result: CaseResult } | { ok: false; case_id: string; group: string; failures: RuleFailure[] };

const ruleResultSchema = z.object({
  rating: z.enum(["good", "adequate", "inadequate", "n/a"]),
  findings: z.array(z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()) })),
});

const MAX_MESSAGE = 200;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 3)}...` : line;
}

type Evaluation = { ok: true; result: RuleResult } | { ok: false; failure: RuleFailure };

function checkResult(id: string, result: unknown): Evaluation {
  if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
    return { ok: false, failure: { id, message: "returned a Promise; evaluate must return its result synchronously" } };
  }
  const checked = ruleResultSchema.safeParse(result);
  if (checked.success) return { ok: true, result: checked.data };
  const issue = checked.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, failure: { id, message: `returned a malformed result (${where}${issue.message})` } };
}

/** Runs one rule; built-in rules are trusted to return a well-formed result, plugin rules are checked. */
function evaluateRule({ rule, options, source }: ActiveRule, record: Case): Evaluation {
  let result: RuleResult;
  try {
    result = rule.evaluate(record, options);
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message || error.name : String(error));
    return { ok: false, failure: { id: rule.id, message } };
  }
  return source === BUILT_IN ? { ok: true, result } : checkResult(rule.id, result);
}

export function scoreCase(record: Case, rubric: Rubric, group: string = record.force): CaseScore {
  const rules: RuleOutcome[] = [];
  const rated: RatedRule[] = [];
  const failures: RuleFailure[] = [];
  for (const active of rubric.rules) {
    const evaluation = evaluateRule(active, record);
    if (!evaluation.ok) {
      failures.push(evaluation.failure);
      continue;
    }
    const { rating, findings } = evaluation.result;
    rules.push({ id: active.rule.id, rating, findings });
    rated.push({ rating, critical: active.critical, weight: ruleWeight(rubric.strategy, active.rule.id) });
  }
  if (failures.length) return { ok: false, case_id: record.case_id, group, failures };
  return {
    ok: true,
    result: {
      case_id: record.case_id,
      group,
      grade: gradeCase(rated, rubric.strategy),
      reported_on: record.reported_on.text,
      rules,
      ...(record.inspector_grade === undefined ? {} : { inspector_grade: record.inspector_grade }),
    },
  };
}
