import { analyse, type Analysis } from "../engine/analysis.js";
import { describeRubric, rubricHash } from "../engine/rubric.js";
import type { CaseResult } from "../engine/score.js";
import type { ReportSections } from "./_analysis-schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";
import type { CaseFrame, ReportMeta, Reporter } from "./types.js";

/** The rubric a report was graded with, and its hash: reports with equal hashes are comparable. */
export function rubricDescription(meta: Pick<ReportMeta, "rubric">) {
  return { ...describeRubric(meta.rubric), hash: rubricHash(meta.rubric) };
}

/** The report's head (schemaVersion to rubric), opening the `cases` array. */
export function reportHeadText(head: object): string {
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "cases": [`;
}

/** What goes before the entry at `index` of the `cases` array. */
const caseSeparator = (index: number) => (index === 0 ? "\n    " : ",\n    ");
const [FIRST_SEPARATOR, SEPARATOR] = [0, 1].map((index) => Buffer.from(caseSeparator(index))) as [Buffer, Buffer];
const NOTHING = new Uint8Array(0);

/** One entry of the `cases` array; `index` is its place in the array. */
export function reportCaseText(result: CaseResult | string, index: number): string {
  return `${caseSeparator(index)}${typeof result === "string" ? result : JSON.stringify(result)}`;
}

const indented = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");

/** Closes `cases` and writes the invalid records, each as its JSON text. */
function casesClosedText(caseCount: number, invalid: readonly string[]): string {
  const invalidList = invalid.map((json) => `    ${json}`).join(",\n");
  return `${caseCount ? "\n  " : ""}],\n  "invalid": [${invalid.length ? `\n${invalidList}\n  ` : ""}],\n`;
}

/** Closes `cases` and writes the invalid records (each as its JSON text) and the sections derived from the summary. */
export function reportEndText(caseCount: number, invalid: readonly string[], analysis: Analysis): string {
  const { summary, breakdown, agreement }: ReportSections = analysis;
  return (
    casesClosedText(caseCount, invalid) +
    `  "summary": ${indented(summary)},\n  "breakdown": ${indented(breakdown)},\n  "agreement": ${indented(agreement)}\n}\n`
  );
}

/**
 * The JSON report of rubric.md, written as it goes: the head, then one case at
 * a time, then invalid records and the summary. No run is ever held in one string.
 */
export function jsonReporter(options: { suppressBelow?: number } = {}): Reporter {
  // Kept as their JSON text until the end: a few hundred bytes each, not an object graph of about twice that.
  const invalid: string[] = [];
  let cases = 0;
  const frame: CaseFrame = { before: FIRST_SEPARATOR, from: 0, after: NOTHING };
  return {
    start(meta) {
      return reportHeadText({
        schemaVersion: SCHEMA_VERSION,
        tool: { name: "audit", version: meta.toolVersion },
        input: meta.input,
        groupBy: meta.groupBy,
        rubric: rubricDescription(meta),
      });
    },
    case(result) {
      return reportCaseText(result, cases++);
    },
    caseJson(json) {
      return reportCaseText(json, cases++);
    },
    caseFrame(_json, start) {
      frame.before = cases++ === 0 ? FIRST_SEPARATOR : SEPARATOR;
      frame.from = start;
      return frame;
    },
    invalid(record) {
      invalid.push(JSON.stringify(record));
      return "";
    },
    end(summary, meta) {
      return reportEndText(cases, invalid, analyse(summary, { ...options, strategy: meta.rubric.strategy.name }));
    },
    // The cases and invalid records read before the run stopped, and why it stopped: no summary.
    stopped(message) {
      return `${casesClosedText(cases, invalid)}  "error": ${JSON.stringify(message)}\n}\n`;
    },
  };
}
