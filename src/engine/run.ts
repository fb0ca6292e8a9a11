import type { ReadItem } from "../input/read.js";
import { failedCase, type ScoredInvalid } from "./invalid.js";
import type { Rubric } from "./rubric.js";
import { scoreCase, type CaseResult } from "./score.js";
import { groupValue } from "./group.js";
import { SummaryBuilder, type Summary } from "./summary.js";

export interface RunSink {
  /** False when no one reads a case's findings (the tables alone): ratings without findings are much quicker. */
  explain?: boolean;
  case(result: CaseResult): void | Promise<void>;
  invalid(record: ScoredInvalid): void | Promise<void>;
}

/** Scores every record, hands each result to the sink as it comes, and returns the tallies. */
export async function runAudit(items: AsyncIterable<ReadItem>, rubric: Rubric, sink: RunSink, groupBy = "force"): Promise<Summary> {
  const summary = new SummaryBuilder(rubric.rules.map(({ rule }) => rule.id));
  for await (const item of items) {
    if (item.kind === "case") {
      const scored = scoreCase(item.record, rubric, groupValue(item.record, item.record.extra, groupBy), sink.explain !== false);
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
