import type { Case } from "../input/case.js";
import type { InvalidRecord, ReadItem } from "../input/read.js";
import type { Rubric } from "./rubric.js";
import { scoreCase, type CaseResult } from "./score.js";
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
  const value = (record as Record<string, unknown>)[groupBy] ?? extra[groupBy];
  if (value === undefined || value === null) return NOT_RECORDED_GROUP;
  if (Array.isArray(value)) return value.length ? value.join(";") : NOT_RECORDED_GROUP;
  if (typeof value === "object" && "text" in value) return String(value.text);
  const text = String(value).trim();
  return text === "" ? NOT_RECORDED_GROUP : text;
}

/** Scores every record, hands each result to the sink as it comes, and returns the tallies. */
export async function runAudit(items: AsyncIterable<ReadItem>, rubric: Rubric, sink: RunSink, groupBy = "force"): Promise<Summary> {
  const summary = new SummaryBuilder();
  for await (const item of items) {
    if (item.kind === "case") {
      const result = scoreCase(item.record, rubric, groupValue(item.record, item.record.extra, groupBy));
      summary.addGraded(result.group, result.grade);
      await sink.case(result);
    } else {
      const group = groupValue(item.raw, item.rawExtra, groupBy);
      summary.addInvalid(group);
      await sink.invalid({ ...item.invalid, group });
    }
  }
  return summary.build();
}
