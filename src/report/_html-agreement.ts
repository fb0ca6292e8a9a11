import type { Analysis } from "../engine/analysis.js";
import type { AgreementScope, KappaFigure } from "../engine/agreement.js";
import type { Shown } from "../engine/grade-table.js";
import { GRADES } from "../input/fields.js";
import { element, htmlTable, isolate, section } from "./_html.js";
import type { GradeLabels } from "../engine/rubric.js";
import { apartCount, intervalText, MARKER, percent } from "./_figures.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";

const count = (value: Shown) => (value === null ? MARKER : String(value));

const kappaText = (figure: KappaFigure | null, hidden: boolean) =>
  figure === null ? (hidden ? MARKER : "-") : `${figure.kappa.toFixed(2)} (${figure.interval.low.toFixed(2)}–${figure.interval.high.toFixed(2)})`;

const isHidden = (scope: AgreementScope) => scope.matrix.flat().some((cell) => cell === null) || scope.n === null;

function agreementText(scope: AgreementScope): string {
  if (scope.share === null) return isHidden(scope) ? MARKER : "-";
  return `${percent(scope.share)}${scope.interval ? ` (${intervalText(scope.interval)})` : ""}`;
}

/** Up to 50 of a list of cases apart; `total` is the matrix's count, which the JSON report's list (of at most `limit`) may fall short of. */
function apartList(title: string, cases: readonly { case_id: string; group: string }[], total: Shown, limit: number): string {
  const LIMIT = 50;
  const all = apartCount(cases, total);
  const shown = cases.slice(0, LIMIT);
  const items = shown.map((c) => `<li>${isolate(c.case_id)} <span class="muted">(${isolate(c.group)})</span></li>`);
  const where = all > cases.length ? `the JSON report lists the first ${limit} in file order` : "every one is in the JSON report";
  const more = all > shown.length ? `<p>… and ${all - shown.length} more; ${where}.</p>` : "";
  const body = cases.length ? `<ul class="cases">${items.join("")}</ul>${more}` : "<p>None.</p>";
  return `<div class="apart">${element("h3", `${title} (${count(all)})`)}${body}</div>`;
}

/** The agreement section: the inspector-by-tool matrix, agreement and kappa, per group, and the cases furthest apart. */
export function agreementSection(analysis: Analysis, groupTitle: string, grades: GradeLabels | undefined): string {
  const { agreement } = analysis;
  const { overall } = agreement;
  const title = "Agreement with the inspectors";
  if (overall.n === 0) return section("agreement", title, [element("p", "No record carries an inspector grade, so agreement cannot be measured.")]);
  const matrix = htmlTable({
    caption: `Inspector's grade (rows) against the audit's grade (columns), ${count(overall.n)} cases with an inspector grade`,
    columns: ["Inspector \\ audit", ...GRADES.map((grade) => gradeTitle(grade, grades))],
    rows: GRADES.map((grade, i) => ({ header: gradeTitle(grade, grades), cells: (overall.matrix[i] ?? []).map(count) })),
    className: "numbers matrix",
  });
  const hidden = isHidden(overall);
  const figures = [
    ["Cases compared", count(overall.n)],
    ["Percent agreement (95% interval)", agreementText(overall)],
    ["Cohen's kappa, unweighted (95% interval)", kappaText(overall.kappa, hidden)],
    ["Cohen's kappa, linear weights (95% interval)", kappaText(overall.weightedKappa, hidden)],
  ];
  const list = `<dl class="figures">${figures.map(([term, value]) => `${element("dt", term!)}${element("dd", value!)}`).join("")}</dl>`;
  const perGroup = agreement.apart === null
    ? element("p", "Per-group agreement and the cases furthest apart are withheld under --suppress-below: their counts could be worked back.")
    : htmlTable({
        caption: `Agreement per ${groupTitle.toLowerCase()}`,
        columns: [groupTitle, "Cases compared", "Percent agreement (95% interval)", "Kappa (95% interval)", "Weighted kappa (95% interval)"],
        rows: agreement.groups.map((group) => ({
          header: group.name,
          cells: [count(group.n), agreementText(group), kappaText(group.kappa, isHidden(group)), kappaText(group.weightedKappa, isHidden(group))],
        })),
        className: "numbers",
      });
  const apart = agreement.apart
    ? [
        element("h3", "Where they differ most"),
        apartList(`Inspector ${gradeLabel("good", grades)}, audit ${gradeLabel("inadequate", grades)}`, agreement.apart.inspectorGoodToolInadequate, overall.matrix[0]?.[2] ?? null, agreement.apart.limit),
        apartList(`Inspector ${gradeLabel("inadequate", grades)}, audit ${gradeLabel("good", grades)}`, agreement.apart.inspectorInadequateToolGood, overall.matrix[2]?.[0] ?? null, agreement.apart.limit),
      ]
    : [];
  return section("agreement", title, [matrix, list, perGroup, ...apart]);
}
