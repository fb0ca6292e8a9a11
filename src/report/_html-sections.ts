import type { Analysis } from "../engine/analysis.js";
import type { AgreementScope, KappaFigure } from "../engine/agreement.js";
import type { BreakdownScope, RuleRow } from "../engine/breakdown.js";
import type { Shown } from "../engine/grade-table.js";
import type { GradeLabels } from "../engine/rubric.js";
import { GRADES } from "../input/fields.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";
import { element, escapeHtml, htmlTable } from "./_html.js";
import { apartCount, intervalText, MARKER, percent } from "./_figures.js";

const count = (value: Shown) => (value === null ? MARKER : String(value));

function decisiveText(rule: RuleRow): string {
  if (rule.decisive === null) return MARKER;
  return rule.decisiveShare === null ? String(rule.decisive) : `${rule.decisive} (${percent(rule.decisiveShare)})`;
}

function driversSentence(scope: BreakdownScope, grades: GradeLabels | undefined): string {
  const inadequate = gradeLabel("inadequate", grades);
  if (scope.drivers.length === 0) return `No rule rated an ${inadequate} case ${inadequate} (or the counts are suppressed).`;
  const named = scope.drivers.map((id) => {
    const rule = scope.rules.find((r) => r.id === id)!;
    return `${id} (${decisiveText(rule).replace(" (", "; ").replace(")", "")})`;
  });
  return `Most often ${inadequate} because of: ${named.join(", ")}.`;
}

function scopeTable(name: string, scope: BreakdownScope, graded: Shown, grades: GradeLabels | undefined): string {
  const caption = `${name}: how each rule rated the ${graded === null ? MARKER : graded} graded cases`;
  return htmlTable({
    caption,
    columns: ["Rule", ...GRADES.map((grade) => gradeTitle(grade, grades)), "n/a", `In ${gradeLabel("inadequate", grades)} cases (share of them)`],
    rows: scope.rules.map((rule) => ({
      header: rule.id,
      cells: [count(rule.good), count(rule.adequate), count(rule.inadequate), count(rule.notApplicable), decisiveText(rule)],
    })),
    className: "numbers",
  });
}

/** The rule breakdown: an overview of what made cases inadequate per group, then each group's rule table. */
export function breakdownSection(analysis: Analysis, groupTitle: string, strategy: "worst" | "points", grades?: GradeLabels): string {
  const inadequate = gradeLabel("inadequate", grades);
  const { breakdown, summary } = analysis;
  const ids = breakdown.overall.rules.map((rule) => rule.id);
  const overview = htmlTable({
    caption: `${gradeTitle("inadequate", grades)} cases by the rules that rated them ${inadequate}, per ${groupTitle.toLowerCase()}: count (share of the group's ${inadequate} cases)`,
    columns: [groupTitle, `${gradeTitle("inadequate", grades)} cases`, ...ids],
    rows: breakdown.groups.map((group, i) => ({
      header: group.name,
      cells: [count(summary.groups[i]?.inadequate ?? null), ...group.rules.map(decisiveText)],
    })),
    foot: [{ header: "Overall", cells: [count(summary.overall.inadequate), ...breakdown.overall.rules.map(decisiveText)] }],
    className: "numbers",
  });
  const scopes = [
    { name: "Overall", scope: breakdown.overall, graded: summary.overall.graded },
    ...breakdown.groups.map((group, i) => ({ name: group.name, scope: group, graded: summary.groups[i]?.graded ?? null })),
  ];
  const details = scopes.map(({ name, scope, graded }) =>
    `<div class="scope">${element("h3", name)}${element("p", driversSentence(scope, grades))}${scopeTable(name, scope, graded, grades)}</div>`,
  );
  return [
    '<section id="breakdown" aria-labelledby="breakdown-title">',
    '<h2 id="breakdown-title">What drives the grades: the rule breakdown</h2>',
    element("p", strategy === "worst"
      ? `A case is ${inadequate} when any rule rates it ${inadequate}, so a case can count under several rules.`
      : `A case counts under a rule when the rule rated it ${inadequate} and the case was graded ${inadequate}; a case can count under several rules.`),
    overview,
    ...details,
    "</section>",
  ].join("\n");
}

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
  const items = shown.map((c) => `<li>${escapeHtml(c.case_id)} <span class="muted">(${escapeHtml(c.group)})</span></li>`);
  const where = all > cases.length ? `the JSON report lists the first ${limit} in file order` : "every one is in the JSON report";
  const more = all > shown.length ? `<p>… and ${all - shown.length} more; ${where}.</p>` : "";
  const body = cases.length ? `<ul class="cases">${items.join("")}</ul>${more}` : "<p>None.</p>";
  return `<div class="apart">${element("h3", `${title} (${count(all)})`)}${body}</div>`;
}

/** The agreement section: the inspector-by-tool matrix, agreement and kappa, per group, and the cases furthest apart. */
export function agreementSection(analysis: Analysis, groupTitle: string, grades?: GradeLabels): string {
  const { agreement } = analysis;
  const { overall } = agreement;
  const open = ['<section id="agreement" aria-labelledby="agreement-title">', '<h2 id="agreement-title">Agreement with the inspectors</h2>'];
  if (overall.n === 0) return [...open, element("p", "No record carries an inspector grade, so agreement cannot be measured."), "</section>"].join("\n");
  const title = (grade: (typeof GRADES)[number]) => gradeTitle(grade, grades);
  const matrix = htmlTable({
    caption: `Inspector's grade (rows) against the audit's grade (columns), ${count(overall.n)} cases with an inspector grade`,
    columns: ["Inspector \\ audit", ...GRADES.map(title)],
    rows: GRADES.map((grade, i) => ({ header: title(grade), cells: (overall.matrix[i] ?? []).map(count) })),
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
  return [...open, matrix, list, perGroup, ...apart, "</section>"].join("\n");
}
