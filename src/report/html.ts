import { analyse, type Analysis } from "../engine/analysis.js";
import type { RubricDescription } from "../engine/rubric.js";
import { BUILT_IN } from "../engine/strategy.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import type { Rule } from "../rules/define-rule.js";
import { element } from "./_html.js";
import { gradesSection } from "./_html-grades.js";
import { headerHtml, reportTitle, type Provenance } from "./_html-head.js";
import { InvalidTally, invalidSection } from "./_html-invalid.js";
import { methodSection, rubricSection, ruleWords, type RuleWords } from "./_html-rubric.js";
import { agreementSection } from "./_html-agreement.js";
import { breakdownSection } from "./_html-breakdown.js";
import { HTML_STYLE } from "./_html-style.js";
import { CASES_SCRIPT_HASH, CASES_STYLE, CaseList, casesSection } from "./_html-cases.js";
import { MARKER } from "./_figures.js";
import { rubricDescription } from "./json.js";
import type { MergedReport } from "./merge.js";
import type { CaseResult } from "../engine/score.js";
import type { ReportLabels, ReportMeta, Reporter } from "./types.js";

/** Everything the HTML report shows beyond the figures derived from the summary. */
export interface HtmlReport {
  provenance: Provenance;
  rubric: RubricDescription & { hash: string };
  /** A rule's description, fields and options' defaults, from its definition; undefined when the report has none (a merged plugin rule). */
  words(rule: RubricDescription["rules"][number]): RuleWords | undefined;
  invalid: InvalidTally;
  /** Case ids were replaced by keyed hashes (--redact). */
  redacted: boolean;
  /** Every case, for the drill-down (`html-cases`); undefined in the report for publication. */
  cases?: CaseList;
}

const BUILT_IN_WORDS = new Map(BUILT_IN_RULES.map((rule) => [rule.id, ruleWords(rule)]));

/** The built-in rules' words, for a report that has only the rubric's description (a merge). */
export const builtInWords = (rule: { id: string; source: string }): RuleWords | undefined =>
  rule.source === BUILT_IN ? BUILT_IN_WORDS.get(rule.id) : undefined;

const CONTENTS: [string, string][] = [
  ["grades", "Grades"],
  ["breakdown", "The rule breakdown"],
  ["agreement", "Agreement with the inspectors"],
  ["invalid", "Invalid records"],
  ["cases", "Every case"],
  ["rubric", "The rubric used"],
  ["method", "Method"],
];

const contents = (cases: boolean) =>
  `<nav aria-label="Contents"><ol class="contents">${CONTENTS.filter(([id]) => cases || id !== "cases").map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`).join("")}</ol></nav>`;

/**
 * One self-contained HTML file: inline CSS, nothing fetched; readable offline and printable. The report for
 * publication runs no script; the drill-down runs one, its own, allowed by its hash.
 */
export function renderHtml(analysis: Analysis, report: HtmlReport): string {
  const { provenance } = report;
  const groupTitle = provenance.groupBy === "force" ? "Force" : provenance.groupBy;
  const { suppression } = analysis.summary;
  const suppressed = suppression
    ? element("p", `Counts below ${suppression.below} are suppressed and shown as ${MARKER}, with further counts hidden so that none can be worked back from the totals.`, ' class="note"')
    : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${report.cases ? `; script-src '${CASES_SCRIPT_HASH}'` : ""}">`,
    '<meta name="color-scheme" content="light dark">',
    element("title", reportTitle(provenance)),
    `<style>${HTML_STYLE}${report.cases ? CASES_STYLE : ""}</style>`,
    "</head>",
    "<body>",
    headerHtml(provenance, analysis.summary.overall),
    suppressed,
    report.cases ? element("p", "For internal review, not for publication: this report lists every case.", ' class="internal"') : "",
    contents(report.cases !== undefined),
    "<main>",
    gradesSection(analysis, provenance.groupBy, groupTitle, report.rubric.grades),
    breakdownSection(analysis, groupTitle, report.rubric.strategy.name, report.rubric.grades),
    agreementSection(analysis, groupTitle, report.rubric.grades),
    invalidSection(report.invalid, { suppressed: suppression !== undefined, listWithheld: suppression !== undefined || report.redacted }),
    report.cases ? casesSection(report.cases, groupTitle, report.rubric.grades, report.redacted) : "",
    rubricSection(report.rubric, report.words),
    methodSection(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export interface HtmlOptions {
  suppressBelow?: number;
  labels?: ReportLabels;
  /** When the report was made; default now. */
  generated?: Date;
  /** Case ids in the report are keyed hashes (--redact): no invalid record is listed by location. */
  redacted?: boolean;
  /** Add every case, for internal review (`html-cases`). */
  cases?: boolean;
}

const provenanceOf = (options: HtmlOptions, fields: Omit<Provenance, "labels" | "generated">): Provenance => ({
  labels: options.labels ?? {},
  generated: options.generated ?? new Date(),
  ...fields,
});

/** The HTML report of `audit merge`: the rule words of built-in rules only (a plugin's are not in the reports). */
export function mergedHtml(analysis: Analysis, merged: Pick<MergedReport, "head" | "invalid">, inputs: Provenance["inputs"], options: HtmlOptions): string {
  const { head } = merged;
  const invalid = new InvalidTally();
  for (const record of merged.invalid) invalid.add(record);
  return renderHtml(analysis, {
    provenance: provenanceOf(options, { toolVersion: head.tool.version, inputs, format: head.input.format, rubricHash: head.rubric.hash, groupBy: head.groupBy }),
    rubric: head.rubric,
    words: builtInWords,
    invalid,
    redacted: options.redacted ?? false,
  });
}

/** `--format html`: the whole report at the end of the run, invalid records tallied as they come. */
export function htmlReporter(options: HtmlOptions = {}): Reporter {
  const invalid = new InvalidTally();
  // Made at the start of the run, when the rubric's rules are known; only the drill-down keeps cases.
  let cases: CaseList | undefined;
  return {
    showsInputDigest: true,
    ...(options.cases && {
      start(meta: ReportMeta) {
        cases = new CaseList(meta.rubric.rules.map(({ rule }) => rule.id));
        return "";
      },
      case(result: CaseResult) {
        cases!.add(result);
        return "";
      },
    }),
    invalid(record) {
      invalid.add(record);
      return "";
    },
    end: (summary, meta) => {
      // A rubric's rule other than a built-in one came from a config, as a `Rule` with its options schema.
      const words = new Map(meta.rubric.rules.map(({ rule, source }) => [rule.id, builtInWords({ id: rule.id, source }) ?? ruleWords(rule as Rule)]));
      const rubric = rubricDescription(meta);
      return renderHtml(analyse(summary, { suppressBelow: options.suppressBelow, strategy: meta.rubric.strategy.name }), {
        provenance: provenanceOf(options, {
          toolVersion: meta.toolVersion,
          inputs: [{ name: meta.input.name, sha256: meta.inputSha256 }],
          format: meta.input.format,
          rubricHash: rubric.hash,
          groupBy: meta.groupBy,
        }),
        rubric,
        words: (rule) => words.get(rule.id),
        invalid,
        redacted: options.redacted ?? false,
        cases,
      });
    },
  };
}
