import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { referenceRubric } from "../../src/engine/rubric.js";
import type { ScoredInvalid } from "../../src/engine/invalid.js";
import { runAudit } from "../../src/engine/run.js";
import type { CaseResult } from "../../src/engine/score.js";
import type { Summary } from "../../src/engine/summary.js";
import { readCases } from "../../src/input/read.js";
import type { ReportMeta, Reporter } from "../../src/report/types.js";

export const HMIC = "fixtures/hmic-2015.csv";
export const INVALID = "fixtures/invalid.csv";

export type RunItem = { kind: "case"; result: CaseResult } | { kind: "invalid"; record: ScoredInvalid };

/** What the engine hands a reporter for one run, in the order it came. */
export interface AuditRun {
  meta: ReportMeta;
  items: RunItem[];
  cases: CaseResult[];
  invalid: ScoredInvalid[];
  summary: Summary;
}

export async function auditFile(path: string, groupBy = "force"): Promise<AuditRun> {
  const rubric = referenceRubric();
  const items: RunItem[] = [];
  const summary = await runAudit(
    readCases(path),
    rubric,
    { case: (result) => void items.push({ kind: "case", result }), invalid: (record) => void items.push({ kind: "invalid", record }) },
    groupBy,
  );
  return {
    meta: { toolVersion: "0.0.0-test", input: { name: path, format: "csv" }, groupBy, rubric },
    items,
    cases: items.flatMap((item) => (item.kind === "case" ? [item.result] : [])),
    invalid: items.flatMap((item) => (item.kind === "invalid" ? [item.record] : [])),
    summary,
  };
}

/** Drives a reporter as the CLI does: start, each item as it came, end; returns the whole text. */
export function render(reporter: Reporter, run: AuditRun): string {
  const parts = [reporter.start?.(run.meta) ?? ""];
  for (const item of run.items) {
    parts.push((item.kind === "case" ? reporter.case?.(item.result) : reporter.invalid?.(item.record)) ?? "");
  }
  parts.push(reporter.end(run.summary, run.meta));
  return parts.join("");
}

export const HEADER =
  "case_id,force,reported_on,child_age,concern,child_role,child_views_recorded,risk_assessed_on," +
  "risk_assessment_quality,risk_level,social_care_referred_on,strategy_discussion_on,agencies_consulted";

/** Writes a small case CSV (HEADER plus the given lines) to a temporary directory and audits it. */
export async function auditRows(lines: readonly string[], groupBy = "force"): Promise<AuditRun> {
  const path = join(mkdtempSync(join(tmpdir(), "audit-report-")), "cases.csv");
  writeFileSync(path, [HEADER, ...lines, ""].join("\n"));
  return auditFile(path, groupBy);
}

/** Good on every rule: assessed on the day, quality good, referred and discussed the next day. */
export const goodRow = (id: string, force: string) =>
  `${id},${force},2015-07-01,12,neglect,victim,yes,2015-07-01,good,medium,2015-07-01,2015-07-02,social_care;health`;
/** Inadequate: a risk assessment of poor quality; otherwise like goodRow. */
export const poorRow = (id: string, force: string) =>
  `${id},${force},2015-07-01,12,neglect,victim,yes,2015-07-01,poor,medium,2015-07-01,2015-07-02,social_care;health`;
/** Adequate: the child's views not recorded; otherwise like goodRow. */
export const adequateRow = (id: string, force: string) =>
  `${id},${force},2015-07-01,12,neglect,victim,no,2015-07-01,good,medium,2015-07-01,2015-07-02,social_care;health`;
