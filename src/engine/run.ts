import type { Case } from "../input/case.js";
import type { InvalidRecord, Location, ReadItem } from "../input/read.js";
import type { Rubric } from "./rubric.js";
import { scoreCase, type CaseResult, type RuleFailure } from "./score.js";
import { SummaryBuilder, type Summary } from "./summary.js";

export const NOT_RECORDED_GROUP = "(not recorded)";

export interface ScoredInvalid extends InvalidRecord {
  group: string;
}

export interface RunSink {
  case(result: CaseResult): void | Promise<void>;
  invalid(record: ScoredInvalid): void | Promise<void>;
}

/** The value a record is grouped by: a contract field or a carried-through column. */
export function groupValue(record: Partial<Case> | Record<string, unknown>, extra: Record<string, string>, groupBy: string): string {
  // Own keys only: `--group-by constructor` must not find Object's constructor.
  const own = (from: object) => (Object.hasOwn(from, groupBy) ? (from as Record<string, unknown>)[groupBy] : undefined);
  const value = own(record) ?? own(extra);
  if (value === undefined || value === null) return NOT_RECORDED_GROUP;
  if (Array.isArray(value)) {
    const words = value.filter((item) => typeof item === "string" || typeof item === "number");
    return words.length ? words.join(";") : NOT_RECORDED_GROUP;
  }
  if (typeof value === "object") return "text" in value ? String(value.text) : NOT_RECORDED_GROUP;
  const text = String(value).trim();
  return text === "" ? NOT_RECORDED_GROUP : text;
}

/** A case whose rules could not all be run: listed as invalid, against the first failing rule. */
export function failedCase(location: Location, case_id: string, group: string, failures: readonly RuleFailure[]): ScoredInvalid {
  const errors = failures.map(({ id, message }) => ({ field: `rule:${id}`, reason: `rule ${id} failed: ${message}` }));
  return { ...location, case_id, group, field: errors[0]!.field, reason: errors[0]!.reason, errors };
}

/** Scores every record, hands each result to the sink as it comes, and returns the tallies. */
export async function runAudit(items: AsyncIterable<ReadItem>, rubric: Rubric, sink: RunSink, groupBy = "force"): Promise<Summary> {
  const summary = new SummaryBuilder(rubric.rules.map(({ rule }) => rule.id));
  for await (const item of items) {
    if (item.kind === "case") {
      const scored = scoreCase(item.record, rubric, groupValue(item.record, item.record.extra, groupBy));
      if (scored.ok) {
        summary.addCase(scored.result);
        await sink.case(scored.result);
      } else {
        summary.addInvalid(scored.group);
        await sink.invalid(failedCase(item.location, scored.case_id, scored.group, scored.failures));
      }
    } else {
      const group = groupValue(item.raw, item.rawExtra, groupBy);
      summary.addInvalid(group);
      await sink.invalid({ ...item.invalid, group });
    }
  }
  return summary.build();
}
