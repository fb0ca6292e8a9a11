import { createHash } from "node:crypto";
import type { GradeLabels } from "../engine/rubric.js";
import type { CaseResult } from "../engine/score.js";
import { GRADES } from "../input/fields.js";
import type { Rating } from "../rules/define-rule.js";
import { element, escapeHtml, scriptJson, section } from "./_html.js";
import { drillDown, type CaseData } from "./_html-cases-script.js";
import { gradeLabel, gradeTitle } from "./grade-labels.js";

/** Cases shown per page of the drill-down: a page a screen reader can take in, and that renders at once. */
export const CASES_PER_PAGE = 50;

const LETTER: Record<Rating, string> = { good: "g", adequate: "a", inadequate: "i", "n/a": "n" };

/** Every graded case, kept compactly as it comes (indexes and one letter per rating), for the drill-down. */
export class CaseList {
  private readonly groups = new Map<string, number>();
  private readonly findings = new Map<string, number>();
  private readonly rows: CaseData["cases"] = [];

  constructor(private readonly rules: readonly string[]) {}

  private static index(map: Map<string, number>, key: string): number {
    let at = map.get(key);
    if (at === undefined) map.set(key, (at = map.size));
    return at;
  }

  add(result: CaseResult): void {
    const outcomes = new Map(result.rules.map((rule) => [rule.id, rule]));
    const ratings = this.rules.map((id) => LETTER[outcomes.get(id)?.rating ?? "n/a"]).join("");
    const findings = this.rules.flatMap((id, r) => (outcomes.get(id)?.findings ?? []).flatMap((f) => [r, CaseList.index(this.findings, `${f.code}: ${f.message}`)]));
    const inspector = result.inspector_grade === undefined ? -1 : GRADES.indexOf(result.inspector_grade);
    this.rows.push([result.case_id, CaseList.index(this.groups, result.group), GRADES.indexOf(result.grade), inspector, ratings, findings]);
  }

  data(grades: GradeLabels | undefined): CaseData {
    return {
      rules: [...this.rules],
      ratings: { ...Object.fromEntries(GRADES.map((grade) => [LETTER[grade], gradeLabel(grade, grades)])), n: "n/a" },
      grades: GRADES.map((grade) => gradeLabel(grade, grades)),
      groups: [...this.groups.keys()],
      findings: [...this.findings.keys()],
      cases: this.rows,
      pageSize: CASES_PER_PAGE,
    };
  }
}

/** The script as the page carries it, and its hash for the Content-Security-Policy: the one script the page may run. */
export const CASES_SCRIPT = `(${drillDown.toString()})();`;
export const CASES_SCRIPT_HASH = `sha256-${createHash("sha256").update(CASES_SCRIPT).digest("base64")}`;

const option = (value: string, text: string) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`;

const select = (id: string, label: string, options: string[]) =>
  `<div class="field"><label for="${id}">${escapeHtml(label)}</label><select id="${id}">${options.join("")}</select></div>`;

/** The drill-down: every case, filterable by group, grade and rule, searchable by id, each opening onto its rules' ratings and findings. */
export function casesSection(list: CaseList, groupTitle: string, grades: GradeLabels | undefined, redacted: boolean): string {
  const data = list.data(grades);
  const ratingOptions = [option("", "any rating"), ...GRADES.map((grade) => option(LETTER[grade], gradeLabel(grade, grades))), option("n", "n/a")];
  const filters = [
    `<div class="field"><label for="case-search">Case id contains</label><input type="search" id="case-search" autocomplete="off"></div>`,
    select("case-group", groupTitle, [option("", `every ${groupTitle.toLowerCase()}`), ...data.groups.map((name, i) => option(String(i), name))]),
    select("case-grade", "Grade", [option("", "any grade"), ...GRADES.map((grade, i) => option(String(i), gradeTitle(grade, grades)))]),
    select("case-rule", "Rule", [option("", "any rule"), ...data.rules.map((id, i) => option(String(i), id))]),
    select("case-rating", "rated", ratingOptions),
  ];
  const head = ["Case id", groupTitle, "Grade", "Inspector's grade", "Findings"].map((title) => `<th scope="col">${escapeHtml(title)}</th>`).join("");
  return section("cases", "Every case, for internal review", [
    element(
      "p",
      "This section lists every case with each rule's rating and findings: it is for internal review, not for publication. " +
        'Narrow the list by case id, group, grade, or by what a rule rated (with "any rule", cases some rule rated so); open a case to see its rules.' +
        (redacted ? " Case ids are keyed hashes (--redact): search for the hash, not the case's own id." : ""),
      ' class="internal"',
    ),
    '<noscript><p class="internal">The case list needs JavaScript, which this browser has switched off; the JSON report holds every case.</p></noscript>',
    `<form id="case-filters" class="filters" role="search" aria-label="Filter the cases" hidden>${filters.join("")}</form>`,
    '<p id="case-status" role="status" aria-live="polite"></p>',
    '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="case-caption">',
    '<table class="cases">',
    `<caption id="case-caption">Cases, ${CASES_PER_PAGE} to a page: choose a case id to see its rules</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    '<tbody id="case-rows"></tbody>',
    "</table>",
    "</div>",
    '<nav class="pages" aria-label="Pages of cases"><button type="button" id="case-previous">Previous page</button> <span id="case-page"></span> <button type="button" id="case-next">Next page</button></nav>',
    `<script type="application/json" id="case-data">${scriptJson(data)}</script>`,
    `<script>${CASES_SCRIPT}</script>`,
  ]);
}

export const CASES_STYLE = `
.internal { border-left: 4px solid var(--inadequate-ink); padding: 0.4rem 0.75rem; background: var(--head); }
form.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 1rem 0 0.5rem; }
form.filters .field { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; max-width: 100%; }
form.filters label { font-weight: 600; font-size: 0.92rem; }
form.filters input, form.filters select, nav.pages button { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--rule); padding: 0.25rem 0.4rem; max-width: 100%; }
table.cases th button { font: inherit; font-weight: 600; color: var(--link); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; text-align: left; overflow-wrap: anywhere; }
table.cases th button[aria-expanded="true"]::before { content: "▾ "; }
table.cases th button[aria-expanded="false"]::before { content: "▸ "; }
table.cases > tbody > tr > td:last-child:not([colspan]) { text-align: right; }
tr.case-detail > td { background: var(--head); }
table.case-rules { margin: 0.25rem 0; }
table.case-rules ul { margin: 0; padding-left: 1.1rem; }
nav.pages { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0 1rem; }
nav.pages button:disabled { opacity: 0.6; }
@media print { form.filters { display: none; } }
`;
