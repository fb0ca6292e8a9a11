import { describeRubric, rubricHash } from "../engine/rubric.js";
import type { ScoredInvalid } from "../engine/run.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { ReportMeta, Reporter } from "./types.js";

/** The rubric a report was graded with, and its hash: reports with equal hashes are comparable. */
export function rubricDescription(meta: ReportMeta) {
  return { ...describeRubric(meta.rubric), hash: rubricHash(meta.rubric) };
}

/**
 * The JSON report of rubric.md, written as it goes: the head, then one case at
 * a time, then invalid records and the summary. No run is ever held in one string.
 */
export function jsonReporter(): Reporter {
  const invalid: ScoredInvalid[] = [];
  let cases = 0;
  return {
    start(meta) {
      const head = {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: "audit", version: meta.toolVersion },
        input: meta.input,
        groupBy: meta.groupBy,
        rubric: rubricDescription(meta),
      };
      return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "cases": [`;
    },
    case(result) {
      return `${cases++ === 0 ? "\n" : ",\n"}    ${JSON.stringify(result)}`;
    },
    invalid(record) {
      invalid.push(record);
      return "";
    },
    end(summary) {
      const invalidList = invalid.map((record) => `    ${JSON.stringify(record)}`).join(",\n");
      const summaryText = JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ");
      return (
        `${cases ? "\n  " : ""}],\n  "invalid": [${invalid.length ? `\n${invalidList}\n  ` : ""}],\n` +
        `  "summary": ${summaryText}\n}\n`
      );
    },
  };
}
