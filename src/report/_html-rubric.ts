import { z } from "zod";
import { POINTS } from "../engine/grade.js";
import { FLAG_TEST } from "../engine/grade-table.js";
import type { GradeLabels, RubricDescription } from "../engine/rubric.js";
import { BUILT_IN } from "../engine/strategy.js";
import { GRADES } from "../input/fields.js";
import type { DeclarativeDefinition } from "../rules/_declarative/definition.js";
import type { Rule } from "../rules/define-rule.js";
import { flattenOptions } from "../config/rule-docs.js";
import { element, escapeHtml, htmlTable, isolate, section } from "./_html.js";
import { gradeLabel } from "./grade-labels.js";

/** What a rule says of itself, for the rubric in words: from the rule's own definition. */
export interface RuleWords {
  description: string;
  /** The case fields it reads. */
  fields: readonly string[];
  /** Its options' defaults, to show beside any the config changed. */
  defaults: unknown;
  /** Each option's description, by dotted name, where its schema gives one. */
  notes: ReadonlyMap<string, string>;
}

/** Descriptions of an options schema's leaves, by dotted name, read from its JSON Schema. */
function optionNotes(schema: Rule["options"]): Map<string, string> {
  const notes = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (node === null || typeof node !== "object") return;
    const { description, properties } = node as { description?: unknown; properties?: Record<string, unknown> };
    if (prefix && typeof description === "string") notes.set(prefix, description);
    for (const [key, inner] of Object.entries(properties ?? {})) walk(inner, prefix ? `${prefix}.${key}` : key);
  };
  try {
    walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), "");
  } catch {
    // A plugin's schema made with another copy of zod may not convert: its options are still listed.
  }
  return notes;
}

/** A rule's words from its definition. */
export function ruleWords(rule: Rule): RuleWords {
  return { description: rule.description, fields: rule.fields, defaults: rule.options.safeParse({}).data, notes: optionNotes(rule.options) };
}

const showValue = (value: unknown): string => {
  if (Array.isArray(value)) return value.length ? value.map(showValue).join(", ") : "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
};

/** The grading strategy in a sentence or two. */
export function strategyText(rubric: RubricDescription): string {
  const { strategy } = rubric;
  const [good, adequate, inadequate] = GRADES.map((grade) => gradeLabel(grade, rubric.grades));
  const critical = rubric.rules.filter((rule) => rule.critical).map((rule) => rule.id);
  const base =
    strategy.name === "points"
      ? `Each rule that applies to a case scores ${GRADES.map((grade) => `${POINTS[grade]} for ${gradeLabel(grade, rubric.grades)}`).join(", ")}, ` +
        `weighted as below; the case is ${good} when its weighted mean is ${strategy.good} or more, ` +
        `${adequate} at ${strategy.adequate} or more, and ${inadequate} below that.`
      : `Each case takes the grade of its worst rule: ${inadequate} if any rule that applies rates it so, ` +
        `${good} if every rule that applies rates it so, and ${adequate} otherwise.`;
  const notApplicable = ` A rule that does not apply to a case (n/a) plays no part in its grade; a case no rule applies to is graded ${good}.`;
  const capped = critical.length
    ? ` Critical rules (${critical.join(", ")}): an ${inadequate} rating from one of them makes the case ${inadequate} whatever the others say.`
    : "";
  return base + notApplicable + capped;
}

type RubricRule = RubricDescription["rules"][number];

function optionsTable(rule: RubricRule, words: RuleWords | undefined): string {
  const options = flattenOptions(rule.options);
  if (options.length === 0) return element("p", "No options.", ' class="muted"');
  const defaults = new Map(flattenOptions(words?.defaults));
  const changed = options.some(([name, value]) => defaults.has(name) && showValue(defaults.get(name)) !== showValue(value));
  const described = options.some(([name]) => words?.notes.has(name));
  return htmlTable({
    caption: `${rule.id}: its options`,
    columns: ["Option", "Setting", ...(changed ? ["Default"] : []), ...(described ? ["What it sets"] : [])],
    rows: options.map(([name, value]) => {
      const fallback = defaults.has(name) ? showValue(defaults.get(name)) : "";
      return {
        header: name,
        cells: [
          showValue(value),
          ...(changed ? [fallback === showValue(value) ? "same" : fallback] : []),
          ...(described ? [words?.notes.get(name) ?? ""] : []),
        ],
      };
    }),
    className: "options",
  });
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** A rule written in the config, in words: when it applies, and what it rates a case and why. */
function definitionHtml(rule: RubricRule, definition: DeclarativeDefinition, grades: GradeLabels | undefined): string {
  const [good, adequate, inadequate] = GRADES.map((grade) => gradeLabel(grade, grades));
  const entries = (["inadequate", "adequate"] as const).flatMap((rating) =>
    definition[rating].map((entry) => ({ header: gradeLabel(rating, grades), cells: [entry.when, `${entry.code}: ${entry.message}`] })),
  );
  return [
    definition.applies === "true" ? "" : `<p>Applies where ${code(definition.applies)} holds; n/a elsewhere.</p>`,
    htmlTable({
      caption:
        `${rule.id}: how it rates a case: ${inadequate} where one of its ${inadequate} entries holds, else ${adequate} where one of its ${adequate} entries holds, ` +
        `else ${good}; each entry that holds gives its finding`,
      columns: ["Rating", "When", "Finding"],
      rows: entries,
      className: "problems",
    }),
    element("p", `Where a field an expression needs is not recorded, the rule rates the case ${definition.on_missing === "n/a" ? "n/a" : gradeLabel(definition.on_missing, grades)}.`),
  ].join("\n");
}

function ruleHtml(rule: RubricRule, words: RuleWords | undefined, rubric: RubricDescription, index: number): string {
  const inadequate = gradeLabel("inadequate", rubric.grades);
  const description = words?.description ?? rule.definition?.description;
  const standing = [
    rule.source === BUILT_IN ? "Built in." : rule.definition ? "Written in the config." : `From the plugin ${isolate(rule.source)}.`,
    words?.fields.length ? `Reads ${words.fields.map(code).join(", ")}.` : "",
    rubric.strategy.name === "points" ? `Weight ${rule.weight ?? 1}.` : "",
    rule.critical ? `<strong>Critical</strong>: an ${escapeHtml(inadequate)} rating makes the case ${escapeHtml(inadequate)}.` : "",
  ].filter(Boolean);
  return [
    `<div class="rule" id="rule-${index + 1}">`,
    `<h3><bdi>${escapeHtml(rule.id)}</bdi></h3>`,
    description ? `<p class="rule-description"><bdi>${escapeHtml(description)}</bdi></p>` : element("p", "Its description is in its plugin, which this report does not carry."),
    `<p class="muted">${standing.join(" ")}</p>`,
    rule.definition ? definitionHtml(rule, rule.definition, rubric.grades) : optionsTable(rule, words),
    "</div>",
  ].join("\n");
}

/** The rubric in words: the strategy, each rule with what it checks and its options, plugins, and the hash. */
export function rubricSection(rubric: RubricDescription & { hash: string }, words: (rule: RubricRule) => RuleWords | undefined): string {
  const plugins = rubric.plugins.map(
    (plugin) => `<li>${isolate(plugin.path)}: ${isolate(plugin.ids.join(", "))}, file SHA-256 <code class="hash">${escapeHtml(plugin.sha256)}</code></li>`,
  );
  const ratings = GRADES.map((grade) => gradeLabel(grade, rubric.grades));
  const renamed = rubric.grades ? " (as this rubric names the three grades)" : "";
  return section("rubric", "The rubric used", [
    element("p", strategyText(rubric)),
    element("p", `${rubric.rules.length} rules were applied, each rating every case ${ratings.join(", ")}${renamed}, or n/a when it does not apply:`),
    ...rubric.rules.map((rule, i) => ruleHtml(rule, words(rule), rubric, i)),
    plugins.length ? `<p>Rules from plugins:</p><ul class="plugins">${plugins.join("")}</ul>` : "",
    `<p>Rubric hash <code class="hash">${escapeHtml(rubric.hash)}</code>: reports with the same hash were graded by the same rules with the same options.</p>`,
  ]);
}

const METHOD = [
  "Intervals are 95% Wilson score intervals for a binomial proportion: the range of shares the cases are consistent with, allowing for chance.",
  `A group is flagged when its inadequate share differs from that of all other groups' cases together: a pooled two-proportion z-test per group, with Holm's correction across the groups tested, at ${FLAG_TEST.alpha}. ` +
    `A group is tested only when, at the overall share, it and the rest would each expect at least ${FLAG_TEST.minExpected} inadequate and ${FLAG_TEST.minExpected} other cases; below that the test is not reliable, and the group is marked as not tested.`,
  "Percent agreement counts cases the inspector and the audit graded alike. Cohen's kappa corrects it for the agreement the two graders' own totals would give by chance; the weighted kappa gives half credit to grades one step apart (linear weights). Kappa intervals are ±1.96 large-sample standard errors.",
];

/** How the figures were worked out. */
export const methodSection = (): string => section("method", "Method", METHOD.map((text) => element("p", text)));
