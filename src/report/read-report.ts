import { gradeCase } from "../engine/grade.js";
import { descriptionHash } from "../engine/rubric.js";
import { DEFAULT_WEIGHT } from "../engine/strategy.js";
import type { ApartCase, GradeCounts, RuleCounts, Summary } from "../engine/summary.js";
import { InputError } from "../input/errors.js";
import { reportSchema, type Report } from "./schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";
import { quoteName } from "../text/quote.js";

/** A JSON report read back: checked against the published schema, or an InputError naming the file and the problem. */
export function parseReport(text: string, name: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(`${name}: not valid JSON; expected a report from audit score -f json`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version !== SCHEMA_VERSION) {
    throw new InputError(`${name}: a schemaVersion ${version} report; this audit reads ${SCHEMA_VERSION} (score the data again)`);
  }
  const checked = reportSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new InputError(`${name}: not an audit JSON report (${where}${issue.message})`);
  }
  matchRubric(checked.data, name);
  return checked.data;
}

const sameIds = (rules: readonly { id: string }[], ids: readonly string[]) => rules.length === ids.length && rules.every((rule, i) => rule.id === ids[i]);

/**
 * A report's rubric must be the one its hash names, and its contents what that rubric gives: every case
 * rated by the rubric's rules, in its order, and graded as its strategy grades those ratings; the rule
 * breakdown by the same rules. A report edited after `audit` wrote it fails one of these.
 */
function matchRubric(report: Report, name: string): void {
  const { hash, ...description } = report.rubric;
  const changed = (what: string) => new InputError(`${name}: ${what}; the report was changed after audit wrote it (score the data again)`);
  if (descriptionHash(description) !== hash) throw changed("its rubric does not match its hash");
  const ids = description.rules.map((rule) => rule.id);
  const { strategy: described } = description;
  const weights = Object.fromEntries(description.rules.map((rule) => [rule.id, rule.weight ?? DEFAULT_WEIGHT]));
  const strategy = described.name === "points" ? { ...described, weights } : described;
  report.cases.forEach((result, i) => {
    if (!sameIds(result.rules, ids)) throw changed(`cases[${i}] is rated by rules other than its rubric's`);
    const rated = result.rules.map((rule, r) => ({ rating: rule.rating, weight: weights[rule.id]!, critical: description.rules[r]!.critical }));
    if (gradeCase(rated, strategy) !== result.grade) throw changed(`cases[${i}] is graded ${result.grade}, which its rubric does not give its ratings`);
  });
  const breakdowns = [report.breakdown.overall, ...report.breakdown.groups];
  if (!breakdowns.every((breakdown) => sameIds(breakdown.rules, ids))) throw changed("its rule breakdown is by rules other than its rubric's");
}

function count(value: number | null, name: string): number {
  if (value === null) throw new InputError(`${name}: written with --suppress-below; merge and diff need the report without it`);
  return value;
}

/**
 * The additive counts a report was derived from, rebuilt from its summary, breakdown and agreement sections.
 * A suppressed report has lost them, and a report whose counts disagree with its own case lists is refused.
 */
export function summaryOfReport(report: Report, name: string): Summary {
  if (report.summary.suppression) count(null, name);
  const counts = (row: Report["summary"]["overall"]): GradeCounts => ({
    graded: count(row.graded, name),
    good: count(row.good, name),
    adequate: count(row.adequate, name),
    inadequate: count(row.inadequate, name),
    invalid: count(row.invalid, name),
  });
  const rules = (rows: Report["breakdown"]["overall"]["rules"]): RuleCounts[] =>
    rows.map((row) => ({
      id: row.id,
      good: count(row.good, name),
      adequate: count(row.adequate, name),
      inadequate: count(row.inadequate, name),
      notApplicable: count(row.notApplicable, name),
      decisive: count(row.decisive, name),
    }));
  const matrix = (cells: (number | null)[][]) => cells.map((row) => row.map((cell) => count(cell, name)));
  const names = report.summary.groups.map((group) => group.name);
  const byName = <T extends { name: string }>(list: T[], what: string) =>
    names.map((groupName) => {
      const found = list.find((entry) => entry.name === groupName);
      if (!found) throw new InputError(`${name}: group ${quoteName(groupName)} is missing from the report's ${what}`);
      return found;
    });
  const apart = report.agreement.apart;
  if (!apart) count(null, name);
  const overall = counts(report.summary.overall);
  if (report.cases.length !== overall.graded || report.invalid.length !== overall.invalid) {
    throw new InputError(
      `${name}: its summary counts ${overall.graded} graded and ${overall.invalid} invalid, but it lists ${report.cases.length} cases and ${report.invalid.length} invalid records`,
    );
  }
  const apartCases = inFileOrder(report, [
    ...apart!.inspectorGoodToolInadequate.map((c) => ({ ...c, inspector: "good" as const, tool: "inadequate" as const })),
    ...apart!.inspectorInadequateToolGood.map((c) => ({ ...c, inspector: "inadequate" as const, tool: "good" as const })),
  ]);
  return {
    overall,
    groups: report.summary.groups.map((group) => ({ name: group.name, ...counts(group) })),
    rules: {
      overall: rules(report.breakdown.overall.rules),
      groups: byName(report.breakdown.groups, "breakdown").map((group) => ({ name: group.name, rules: rules(group.rules) })),
    },
    agreement: {
      overall: matrix(report.agreement.overall.matrix),
      groups: byName(report.agreement.groups, "agreement").map((group) => ({ name: group.name, matrix: matrix(group.matrix) })),
      apart: apartCases,
    },
  };
}

/**
 * The cases apart in the order of the report's cases (the order they were graded in), as the summary holds
 * them: the report lists them by group and id, and merging keeps the first of each direction in file order.
 */
function inFileOrder(report: Report, apart: ApartCase[]): ApartCase[] {
  const at = new Map(apart.map((c) => [c.case_id, Infinity]));
  report.cases.forEach(({ case_id }, i) => {
    if (at.get(case_id) === Infinity) at.set(case_id, i);
  });
  const ranked = apart.map((c, i) => ({ c, i, rank: at.get(c.case_id)! }));
  ranked.sort((x, y) => (x.rank === y.rank ? x.i - y.i : x.rank < y.rank ? -1 : 1));
  return ranked.map(({ c }) => c);
}
