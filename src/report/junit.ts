import { analyse } from "../engine/analysis.js";
import type { ScoredInvalid } from "../engine/invalid.js";
import type { GradeLabels } from "../engine/rubric.js";
import type { CaseResult } from "../engine/score.js";
import { gradeLabel } from "./grade-labels.js";
import type { Reporter } from "./types.js";
import { describeProblem, placeOf } from "../input/describe.js";

export interface JunitOptions {
  /** The lowest grade that fails a case: `inadequate` alone, or `adequate` and worse. */
  failOn: "inadequate" | "adequate";
}

/** What a suite needs of one case or invalid record: passes keep only their name. */
interface Entry {
  name: string;
  problem?: { tag: "failure" | "error"; type: string; message: string; detail: string };
}

/** Characters outside XML 1.0's Char production (controls, lone surrogates, U+FFFE/U+FFFF). */
const ILLEGAL_IN_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': "&quot;", "'": "&apos;", "\n": "&#10;", "\t": "&#9;" };

export function xmlText(text: string): string {
  return text.replace(ILLEGAL_IN_XML, "").replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

export function xmlAttribute(text: string): string {
  return text.replace(ILLEGAL_IN_XML, "").replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join("");

function caseEntry(result: CaseResult, failOn: JunitOptions["failOn"], grades: GradeLabels | undefined): Entry {
  const fails = result.grade === "inadequate" || (failOn === "adequate" && result.grade === "adequate");
  if (!fails) return { name: result.case_id };
  const findings = result.rules.flatMap((rule) => rule.findings.map((f) => ({ rule, text: `${rule.id}: ${f.message}` })));
  const message = [`graded ${gradeLabel(result.grade, grades)}`, ...findings.map((f) => f.text)].join("; ");
  const rating = (r: CaseResult["rules"][number]["rating"]) => (r === "n/a" ? r : gradeLabel(r, grades));
  const detail = findings.map((f) => `${f.text} (${rating(f.rule.rating)})`).join("\n");
  return { name: result.case_id, problem: { tag: "failure", type: result.grade, message, detail } };
}

function invalidEntry(record: ScoredInvalid): Entry {
  const where = placeOf(record);
  const name = record.case_id === undefined ? where : `${record.case_id} (${where})`;
  const detail = [`invalid record at ${where}`, ...record.errors.map(describeProblem)].join("\n");
  return { name, problem: { tag: "error", type: "invalid", message: describeProblem(record), detail } };
}

function renderCase(entry: Entry, suite: string): string {
  const head = `    <testcase${attributes({ name: entry.name, classname: suite })}`;
  const problem = entry.problem;
  if (!problem) return `${head}/>`;
  const inner = `<${problem.tag}${attributes({ message: problem.message, type: problem.type })}>${xmlText(problem.detail)}</${problem.tag}>`;
  return `${head}>\n      ${inner}\n    </testcase>`;
}

const tally = (entries: readonly Entry[]) => ({
  tests: entries.length,
  failures: entries.filter((e) => e.problem?.tag === "failure").length,
  errors: entries.filter((e) => e.problem?.tag === "error").length,
});

/**
 * JUnit XML: a test suite per group (sorted by name), a test case per case.
 * Failing grades are `<failure>`s listing the findings; invalid records are
 * `<error>`s in their group's suite. Cases are grouped into suites, so a
 * compact entry per case is held until the end. A group whose inadequate share stands out from the rest
 * (the flag of the grade tables) carries the property `inadequate-flag`, `higher` or `lower`. JUnit lists
 * every case, so --suppress-below does not apply to it.
 */
export function junitReporter(options: JunitOptions): Reporter {
  const suites = new Map<string, Entry[]>();
  const add = (group: string, entry: Entry) => {
    const entries = suites.get(group);
    if (entries) entries.push(entry);
    else suites.set(group, [entry]);
  };
  let grades: GradeLabels | undefined;
  return {
    start(meta) {
      grades = meta.rubric.grades;
      return "";
    },
    case(result) {
      add(result.group, caseEntry(result, options.failOn, grades));
      return "";
    },
    invalid(record) {
      add(record.group, invalidEntry(record));
      return "";
    },
    end(summary) {
      const flags = new Map(analyse(summary).summary.groups.map((group) => [group.name, group.flag]));
      const names = [...suites.keys()].sort((a, b) => a.localeCompare(b, "en"));
      const totals = { tests: 0, failures: 0, errors: 0 };
      const body = names.map((name) => {
        const entries = suites.get(name)!;
        const counts = tally(entries);
        totals.tests += counts.tests;
        totals.failures += counts.failures;
        totals.errors += counts.errors;
        const cases = entries.map((entry) => renderCase(entry, name)).join("\n");
        const flag = flags.get(name);
        const properties = flag ? `    <properties>\n      <property${attributes({ name: "inadequate-flag", value: flag })}/>\n    </properties>\n` : "";
        return `  <testsuite${attributes({ name, ...counts, skipped: 0 })}>\n${properties}${cases}\n  </testsuite>`;
      });
      const root = `<testsuites${attributes({ name: "audit", ...totals })}>`;
      return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...body, "</testsuites>", ""].join("\n");
    },
  };
}
