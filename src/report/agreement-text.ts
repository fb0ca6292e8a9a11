import type { Agreement, AgreementScope, KappaFigure } from "../engine/agreement.js";
import type { Shown } from "../engine/grade-table.js";
import type { WeightedAgreement, WeightedScope } from "../engine/weighted-agreement.js";
import type { GradeLabels } from "../engine/rubric.js";
import { GRADES } from "../input/fields.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";
import { terminalText } from "../text/terminal.js";
import { apartCount, intervalText, MARKER, percent } from "./_figures.js";
import type { WeightedShare } from "../stats/weighted.js";
import { alignedTable } from "./table.js";

const LISTED = 50;
const count = (value: Shown) => (value === null ? MARKER : String(value));
const hidden = (scope: AgreementScope) => scope.n === null || scope.matrix.flat().some((cell) => cell === null);

const kappaText = (figure: KappaFigure | null, scope: AgreementScope) =>
  figure === null
    ? hidden(scope) ? MARKER : "-"
    : `${figure.kappa.toFixed(2)} [${figure.interval.low.toFixed(2)}, ${figure.interval.high.toFixed(2)}]`;

const agreementText = (scope: AgreementScope) =>
  scope.share === null ? (hidden(scope) ? MARKER : "-") : `${percent(scope.share)}${scope.interval ? ` [${intervalText(scope.interval)}]` : ""}`;

const scopeRow = (name: string, scope: AgreementScope) => [
  name,
  count(scope.n),
  agreementText(scope),
  kappaText(scope.kappa, scope),
  kappaText(scope.weightedKappa, scope),
];

/** Up to LISTED of a list of cases apart; `total` is the matrix's count, which the JSON report's list (of at most `limit`) may fall short of. */
function apartLines(title: string, cases: readonly { case_id: string; group: string }[], total: Shown, limit: number): string[] {
  if (cases.length === 0) return [`${title}: none.`];
  const all = apartCount(cases, total);
  const where = all > cases.length ? `-f json lists the first ${limit} in file order` : "-f json lists them all";
  const more = all > LISTED ? [`  ... and ${all - LISTED} more (${where})`] : [];
  return [`${title} (${count(all)}):`, ...cases.slice(0, LISTED).map((c) => `  ${terminalText(c.case_id)} (${terminalText(c.group)})`), ...more];
}

/** `audit agree` at a terminal: the inspector-by-tool matrix, agreement and kappa overall and per group, the cases furthest apart. */
export function renderAgreement(agreement: Agreement, groupBy: string, graded: Shown, grades?: GradeLabels): string {
  const { overall } = agreement;
  const title = (grade: (typeof GRADES)[number]) => gradeTitle(grade, grades);
  const [good, inadequate] = [gradeLabel("good", grades), gradeLabel("inadequate", grades)];
  const matrix = alignedTable(
    [["Inspector \\ audit", ...GRADES.map(title)], ...GRADES.map((grade, i) => [title(grade), ...(overall.matrix[i] ?? []).map(count)])],
    false,
    {},
    false,
  );
  const groups = alignedTable([
    [groupBy === "force" ? "Force" : groupBy, "Compared", "Agreement", "Kappa", "Weighted kappa"],
    ...(agreement.apart ? agreement.groups.map((group) => scopeRow(group.name, group)) : []),
    scopeRow("Overall", overall),
  ]);
  const lines = [
    `Cases with an inspector grade: ${count(overall.n)} of ${count(graded)} graded.`,
    "",
    matrix.trimEnd(),
    "",
    groups.trimEnd(),
    ...(agreement.apart ? [] : ["Per-group agreement and the cases furthest apart are withheld under --suppress-below."]),
    "",
    "Agreement: cases graded alike, with its 95% Wilson interval. Kappa: Cohen's, unweighted; weighted kappa: linear weights (half credit one grade apart); each with ±1.96 standard errors.",
  ];
  if (agreement.apart) {
    lines.push(
      "",
      ...apartLines(`Inspector ${good}, audit ${inadequate}`, agreement.apart.inspectorGoodToolInadequate, overall.matrix[0]?.[2] ?? null, agreement.apart.limit),
      ...apartLines(`Inspector ${inadequate}, audit ${good}`, agreement.apart.inspectorInadequateToolGood, overall.matrix[2]?.[0] ?? null, agreement.apart.limit),
    );
  }
  return `${lines.join("\n")}\n`;
}

const shareText = ({ share, interval }: WeightedShare) => `${percent(share)} [${intervalText(interval)}]`;

const weightedRow = (name: string, scope: WeightedScope) => [
  name,
  String(scope.n),
  scope.weight.toFixed(1),
  scope.effectiveN.toFixed(1),
  ...GRADES.map((grade) => shareText(scope.inspector[grade])),
  shareText(scope.agreement),
];

/** `audit agree` on a weighted sample: the inspectors' grades and the agreement, estimated for the population the sample was drawn from. */
export function renderWeightedAgreement(weighted: WeightedAgreement, groupBy: string): string {
  const title = (grade: string) => `Inspector ${grade}`;
  const rows = [...weighted.groups.map((group) => weightedRow(group.name, group)), ...(weighted.overall ? [weightedRow("Overall", weighted.overall)] : [])];
  const lines = [`Design-weighted estimates, with the weights in ${weighted.column}:`, ""];
  if (rows.length) {
    const header = [groupBy === "force" ? "Force" : groupBy, "Compared", "Stands for", "Effective n", ...GRADES.map(title), "Agreement"];
    lines.push(alignedTable([header, ...rows], false, {}, weighted.overall !== null).trimEnd());
  }
  if (weighted.withheld) lines.push(weighted.overall ? "Per-group estimates are withheld under --suppress-below." : "Withheld under --suppress-below.");
  lines.push(
    "",
    "Each share is the sum of the weights of its cases over the sum of all weights, with a 95% Wilson interval taking Kish's effective sample size, (Σw)²/Σw², as n. Stands for: the sum of the weights.",
  );
  return `${lines.join("\n")}\n`;
}
