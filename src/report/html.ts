import { analyse, type Analysis } from "../engine/analysis.js";
import type { RubricDescription } from "../engine/rubric.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";
import { GRADES } from "../input/fields.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import { element, escapeHtml, htmlTable } from "./_html.js";
import { agreementSection, breakdownSection } from "./_html-sections.js";
import { HTML_STYLE } from "./_html-style.js";
import { FLAG_TEXT, gradeTableCells, gradeTableNotes } from "./_figures.js";
import { gradeChart } from "./_svg.js";
import { rubricDescription } from "./json.js";
import type { Reporter } from "./types.js";

/** What the HTML report says about where its figures came from. */
export interface HtmlHead {
  toolVersion: string;
  input: { name: string; format: string };
  groupBy: string;
  rubric: RubricDescription & { hash: string };
}

function gradesSection(analysis: Analysis, head: HtmlHead, groupTitle: string): string {
  const { summary } = analysis;
  const note = (flag: "higher" | "lower" | null) => (flag ? FLAG_TEXT[flag] : "");
  const { grades } = head.rubric;
  const [good, adequate, inadequate] = GRADES.map((grade) => gradeLabel(grade, grades));
  const chart = gradeChart(
    summary.groups.map((group) => ({ label: group.name, figures: group, note: note(group.flag) })),
    { label: "Overall", figures: summary.overall, note: "" },
    `Case grades by ${groupTitle.toLowerCase()}: shares of graded cases`,
    `A stacked bar per group and one overall: ${good} (solid), ${adequate} (striped), ${inadequate} (cross-hatched). ` +
      `Whiskers show 95% intervals: the ${good} share's above each bar, the ${inadequate} share's below it. The table below holds every figure.`,
    grades,
  );
  const [columns = [], ...cells] = gradeTableCells(analysis, head.groupBy, { ci: true, grades });
  const rows = cells.map((row) => row.map((cell) => cell.replace(" [", "\n[")));
  const overall = rows.pop() ?? [];
  const table = htmlTable({
    caption: `Case grades by ${groupTitle.toLowerCase()}: count, share of graded cases and its 95% interval`,
    columns,
    rows: rows.map(([header = "", ...cells]) => ({ header, cells })),
    foot: [{ header: overall[0] ?? "Overall", cells: overall.slice(1), className: "overall" }],
    className: "numbers grades",
  });
  const notes = gradeTableNotes(analysis, { ci: true, grades }).map((text) => element("p", text, ' class="note"'));
  return [
    '<section id="grades" aria-labelledby="grades-title">',
    element("h2", `Grades by ${groupTitle.toLowerCase()}`, ' id="grades-title"'),
    `<figure>${chart}<figcaption>${escapeHtml(`${gradeTitle("good", grades)}, ${adequate} and ${inadequate} as shares of each group's graded cases, with 95% intervals. The same figures are in the table below.`)}</figcaption></figure>`,
    table,
    ...notes,
    "</section>",
  ].join("\n");
}

const DESCRIPTIONS = new Map<string, string>(BUILT_IN_RULES.map((rule) => [rule.id, rule.description]));

function rubricSection(rubric: HtmlHead["rubric"]): string {
  const { strategy } = rubric;
  const strategyText =
    strategy.name === "points"
      ? `points: good at a mean of ${strategy.good} or more, adequate at ${strategy.adequate} or more (good = 2, adequate = 1, inadequate = 0)`
      : "worst: inadequate if any applicable rule rates inadequate; good if every applicable rule rates good; adequate otherwise";
  const rules = htmlTable({
    caption: `The ${rubric.rules.length} rules applied`,
    columns: ["Rule", "What it checks", "Options", "Critical", ...(strategy.name === "points" ? ["Weight"] : []), "Source"],
    rows: rubric.rules.map((rule) => ({
      header: rule.id,
      cells: [
        rule.source === "built-in" ? (DESCRIPTIONS.get(rule.id) ?? "") : (rule.definition?.description ?? ""),
        JSON.stringify(rule.options),
        rule.critical ? "yes" : "no",
        ...(strategy.name === "points" ? [String(rule.weight ?? 1)] : []),
        rule.source,
      ],
    })),
    className: "rubric",
  });
  const plugins = rubric.plugins.map((plugin) => `<li>${escapeHtml(plugin.path)}: ${escapeHtml(plugin.ids.join(", "))} <code>sha256:${escapeHtml(plugin.sha256)}</code></li>`);
  return [
    '<section id="rubric" aria-labelledby="rubric-title">',
    '<h2 id="rubric-title">The rubric used</h2>',
    element("p", `Strategy ${strategyText}.`),
    rules,
    plugins.length ? `<p>Rule plugins:</p><ul>${plugins.join("")}</ul>` : "",
    `<p>Rubric hash <code>${escapeHtml(rubric.hash)}</code>: reports with the same hash were graded alike.</p>`,
    "</section>",
  ].join("\n");
}

const METHOD = [
  "Intervals are 95% Wilson score intervals for a binomial proportion.",
  "A group is flagged when its inadequate share differs from that of all other groups' cases together: a pooled two-proportion z-test per group, with Holm's correction across the groups tested, at 0.05.",
  "Percent agreement counts cases the inspector and the audit graded alike. Cohen's kappa corrects it for the agreement the two graders' own totals would give by chance; the weighted kappa gives half credit to grades one step apart (linear weights). Kappa intervals are ±1.96 large-sample standard errors.",
];

/** One self-contained HTML file: inline CSS and SVG, no script, nothing fetched; readable offline and printable. */
export function renderHtml(analysis: Analysis, head: HtmlHead): string {
  const groupTitle = head.groupBy === "force" ? "Force" : head.groupBy;
  const { overall, suppression } = analysis.summary;
  const count = (value: number | null) => (value === null ? "[c]" : String(value));
  const lead = `${head.input.name}: ${count(overall.graded)} cases graded, ${count(overall.invalid)} invalid records, grouped by ${head.groupBy}.`;
  const suppressed = suppression
    ? element("p", `Counts below ${suppression.below} are suppressed and shown as [c], with further counts hidden so that none can be worked back from the totals.`, ' class="note"')
    : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    element("title", `Case audit: ${head.input.name}`),
    `<style>${HTML_STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    "<h1>Case audit</h1>",
    element("p", lead, ' class="lead"'),
    element("p", `Made by audit ${head.toolVersion}. Rubric ${head.rubric.hash.slice(0, 19)}….`, ' class="muted"'),
    suppressed,
    "</header>",
    "<main>",
    gradesSection(analysis, head, groupTitle),
    breakdownSection(analysis, groupTitle, head.rubric.strategy.name, head.rubric.grades),
    agreementSection(analysis, groupTitle, head.rubric.grades),
    rubricSection(head.rubric),
    `<section id="method" aria-labelledby="method-title"><h2 id="method-title">Method</h2>${METHOD.map((text) => element("p", text)).join("")}</section>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** `--format html`: the whole report at the end of the run. */
export function htmlReporter(options: { suppressBelow?: number } = {}): Reporter {
  return {
    end: (summary, meta) =>
      renderHtml(analyse(summary, options), {
        toolVersion: meta.toolVersion,
        input: meta.input,
        groupBy: meta.groupBy,
        rubric: rubricDescription(meta),
      }),
  };
}
