import type { Analysis } from "../engine/analysis.js";
import type { BreakdownScope, RuleRow } from "../engine/breakdown.js";
import type { Shown } from "../engine/grade-table.js";
import { collapsed, element, escapeHtml, htmlTable, isolate, section } from "./_html.js";
import { barChart, chartLegend, type BarRow } from "./_html-chart.js";
import type { GradeLabels } from "../engine/rubric.js";
import { GRADES } from "../input/fields.js";
import { MARKER, percent } from "./_figures.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";

const count = (value: Shown) => (value === null ? MARKER : String(value));

function decisiveText(rule: RuleRow): string {
  if (rule.decisive === null) return MARKER;
  return rule.decisiveShare === null ? String(rule.decisive) : `${rule.decisive} (${percent(rule.decisiveShare)})`;
}

function driversSentence(scope: BreakdownScope, grades: GradeLabels | undefined): string {
  const inadequate = escapeHtml(gradeLabel("inadequate", grades));
  if (scope.drivers.length === 0) return `No rule rated an ${inadequate} case ${inadequate} (or the counts are suppressed).`;
  const named = scope.drivers.map((id) => {
    const rule = scope.rules.find((r) => r.id === id)!;
    return `${isolate(id)} (${decisiveText(rule).replace(" (", "; ").replace(")", "")})`;
  });
  return `Most often ${inadequate} because of: ${named.join(", ")}.`;
}

function scopeTable(name: string, scope: BreakdownScope, graded: Shown, grades: GradeLabels | undefined): string {
  return htmlTable({
    caption: `${name}: how each rule rated the ${count(graded)} graded cases`,
    columns: ["Rule", ...GRADES.map((grade) => gradeTitle(grade, grades)), "n/a", `In ${gradeLabel("inadequate", grades)} cases (share of them)`],
    rows: scope.rules.map((rule) => ({
      header: rule.id,
      cells: [count(rule.good), count(rule.adequate), count(rule.inadequate), count(rule.notApplicable), decisiveText(rule)],
    })),
    className: "numbers",
  });
}

/** A rule's ratings in one group as a bar: shares of the cases it applied to. */
function ratingBar(label: string, rule: RuleRow | undefined, overall = false): BarRow {
  const rated = rule && rule.good !== null && rule.adequate !== null && rule.inadequate !== null ? rule.good + rule.adequate + rule.inadequate : null;
  const share = (value: Shown) => (rated && value !== null ? value / rated : null);
  return {
    label,
    shares: { good: share(rule?.good ?? null), adequate: share(rule?.adequate ?? null), inadequate: share(rule?.inadequate ?? null) },
    empty: rated === 0 ? "applied to no case" : `${MARKER} suppressed`,
    note: rated === null ? MARKER : `of ${rated}`,
    overall,
  };
}

/** One small chart per rule, a bar per group: how the rule rated the cases it applied to. */
function smallMultiples(analysis: Analysis, groupTitle: string, grades: GradeLabels | undefined): string {
  const { breakdown } = analysis;
  const panels = breakdown.overall.rules.map((rule, r) => {
    const rows = [
      ...breakdown.groups.map((group) => ratingBar(group.name, group.rules[r])),
      ratingBar("Overall", rule, true),
    ];
    const name = `${rule.id}: how it rated the cases it applied to, per ${groupTitle.toLowerCase()}; the figures are in the tables below`;
    return `<div class="panel">${element("p", rule.id, ' class="panel-title"')}${barChart(rows, name, { whiskers: false, legend: false, grades, className: "compact" })}</div>`;
  });
  return `${chartLegend(false, grades)}<div class="multiples">${panels.join("\n")}</div>`;
}

/** The rule breakdown: what made cases inadequate per group, each rule's ratings as small charts, and the tables behind them collapsed. */
export function breakdownSection(analysis: Analysis, groupTitle: string, strategy: "worst" | "points", grades: GradeLabels | undefined): string {
  const { breakdown, summary } = analysis;
  const [good, adequate, inadequate] = GRADES.map((grade) => gradeLabel(grade, grades));
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
    ...breakdown.groups.map((group, i) => ({ name: group.name, scope: group as BreakdownScope, graded: summary.groups[i]?.graded ?? null })),
  ];
  const tables = scopes.map(({ name, scope, graded }) => `<div class="scope"><p>${isolate(name)}: ${driversSentence(scope, grades)}</p>${scopeTable(name, scope, graded, grades)}</div>`);
  return section("breakdown", "What drives the grades: the rule breakdown", [
    element(
      "p",
      strategy === "worst"
        ? `A case is ${inadequate} when any rule rates it ${inadequate}, so a case can count under several rules.`
        : `A case counts under a rule when the rule rated it ${inadequate} and the case was graded ${inadequate}; a case can count under several rules.`,
    ),
    overview,
    element("h3", "How each rule rated the cases it applied to"),
    element("p", `One chart per rule, a bar per group: ${good}, ${adequate} and ${inadequate} as shares of the cases the rule applied to (n/a left out), with that number beside the bar.`),
    smallMultiples(analysis, groupTitle, grades),
    collapsed(escapeHtml(`Each ${groupTitle.toLowerCase()}'s rule table, and overall (${scopes.length} tables)`), tables.join("\n"), "tables"),
  ]);
}
