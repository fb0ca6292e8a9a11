import { SummaryBuilder, type Summary } from "../engine/summary.js";
import { InputError } from "../input/errors.js";
import { summaryOfReport } from "./read-report.js";
import type { Report } from "./schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";

export interface NamedReport {
  name: string;
  report: Report;
  /** SHA-256 of the report file's bytes, in hex, as read. */
  sha256?: string;
}

export interface MergedReport {
  head: Pick<Report, "schemaVersion" | "tool" | "input" | "sources" | "groupBy" | "rubric">;
  cases: Report["cases"];
  invalid: Report["invalid"];
  /** The sum of the reports' counts: everything else is derived from it, as for one run. */
  summary: Summary;
}

const SHOWN_IDS = 5;

/** Case ids a report holds: its graded cases and its invalid records that have one. */
const idsOf = (report: Report) => [...report.cases.map((c) => c.case_id), ...report.invalid.flatMap((r) => (r.case_id === undefined ? [] : [r.case_id]))];

function refuseOverlaps(reports: readonly NamedReport[]): void {
  const owner = new Map<string, string>();
  for (const { name, report } of reports) {
    const shared = new Map<string, string[]>();
    for (const id of new Set(idsOf(report))) {
      const first = owner.get(id);
      if (first === undefined) owner.set(id, name);
      else shared.set(first, [...(shared.get(first) ?? []), id]);
    }
    for (const [first, ids] of shared) {
      const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : "";
      throw new InputError(
        `merge: ${first} and ${name} both hold case ids ${ids.slice(0, SHOWN_IDS).join(", ")}${more}; merge takes reports of disjoint case sets`,
      );
    }
  }
}

/**
 * Reports of disjoint case sets (one per force, say) as one: their cases and invalid records one after the
 * other, and their counts added. Refuses reports graded with different rubrics or grouped differently, and
 * reports that share a case id.
 */
export function mergeReports(reports: readonly NamedReport[], toolVersion: string): MergedReport {
  const [first, ...rest] = reports;
  if (!first) throw new InputError("merge: no reports to merge");
  for (const { name, report } of rest) {
    if (report.groupBy !== first.report.groupBy) {
      throw new InputError(`merge: ${name} groups by ${report.groupBy} but ${first.name} by ${first.report.groupBy}; score both with the same --group-by`);
    }
    if (report.rubric.hash !== first.report.rubric.hash) {
      throw new InputError(
        `merge: ${name} was graded with rubric ${report.rubric.hash.slice(0, 19)}… but ${first.name} with ${first.report.rubric.hash.slice(0, 19)}…; only reports of one rubric can be merged`,
      );
    }
  }
  const summaries = reports.map(({ name, report }) => summaryOfReport(report, name));
  refuseOverlaps(reports);
  const builder = new SummaryBuilder(first.report.rubric.rules.map((rule) => rule.id));
  for (const summary of summaries) builder.addSummary(summary);
  return {
    head: {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: "audit", version: toolVersion },
      input: { name: reports.map((r) => r.name).join(" + "), format: "merged" },
      sources: reports.flatMap(({ report }) => report.sources ?? [report.input]),
      groupBy: first.report.groupBy,
      rubric: first.report.rubric,
    },
    cases: reports.flatMap(({ report }) => report.cases),
    invalid: reports.flatMap(({ report }) => report.invalid),
    summary: builder.build(),
  };
}
