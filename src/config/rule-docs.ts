import { ruleWeight } from "../engine/strategy.js";
import { CONFIG_SOURCE, type DeclarativeDefinition, type DeclarativeEntry } from "../rules/_declarative/definition.js";
import type { LoadedConfig } from "./load.js";
import { codeLines } from "./print.js";
import { runExample } from "./rule-examples.js";
import { didYouMean } from "../text/suggest.js";
import { quoteValue } from "../text/quote.js";

type Entry = LoadedConfig["rules"][number];

/** `referral.good = 1`: each leaf of an options object with its dotted path. */
export function flattenOptions(options: unknown, prefix = ""): [string, unknown][] {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return prefix ? [[prefix, options]] : [];
  return Object.entries(options).flatMap(([key, value]) => flattenOptions(value, prefix ? `${prefix}.${key}` : key));
}

const show = (value: unknown) => (Array.isArray(value) ? value.join(";") || "(none)" : JSON.stringify(value));

/** Each option as `name = value`, with the default beside any the config changed. */
function optionLines(entry: Entry): string[] {
  const defaults = new Map(flattenOptions(entry.rule.options.safeParse({}).data));
  const current = entry.enabled ? flattenOptions(entry.options) : [...defaults];
  return current.map(([name, value]) => {
    const fallback = defaults.get(name);
    const changed = defaults.has(name) && show(fallback) !== show(value);
    return `${name} = ${show(value)}${changed ? ` (default ${show(fallback)})` : ""}`;
  });
}

function standing(entry: Entry, config: Omit<LoadedConfig, "path">): string {
  if (!entry.enabled) return "off";
  const active = config.rubric.rules.find((r) => r.rule.id === entry.rule.id)!;
  const parts = [entry.source === "built-in" ? "built-in" : entry.source === CONFIG_SOURCE ? "written in the config" : `from ${entry.source}`];
  if (config.rubric.strategy.name === "points") parts.push(`weight ${ruleWeight(config.rubric.strategy, entry.rule.id)}`);
  if (active.critical) parts.push("critical");
  return parts.join(", ");
}

/** Joins items with ", ", breaking lines before `width` and indenting the ones after the first. */
function wrap(items: readonly string[], indent: string, width = 100): string {
  const lines = [""];
  for (const item of items) {
    const last = lines[lines.length - 1]!;
    if (last === "") lines[lines.length - 1] = item;
    else if (indent.length + last.length + item.length + 2 > width) lines.push(item);
    else lines[lines.length - 1] = `${last}, ${item}`;
  }
  return lines.join(`,\n${indent}`);
}

/** `audit rules`: every active rule with what it reads and its options. */
export function listRules(config: LoadedConfig): string {
  const blocks = config.rules
    .filter((entry) => entry.enabled)
    .map((entry) => {
      const options = optionLines(entry);
      return [
        `${entry.rule.id}  (${standing(entry, config)})`,
        `  ${entry.rule.description}`,
        `  reads:   ${entry.rule.fields.join(", ") || "(no fields)"}`,
        entry.rule.definition
          ? `  applies: ${entry.rule.definition.applies.replace(/\s+/g, " ")}`
          : `  options: ${options.length ? wrap(options, "           ") : "(none)"}`,
      ].join("\n");
    });
  const off = config.rules.filter((entry) => !entry.enabled).map((entry) => entry.rule.id);
  const footer = [`strategy: ${config.rubric.strategy.name}`, ...(off.length ? [`off: ${off.join(", ")}`] : []), ...codeLines(config)];
  return `${blocks.join("\n\n")}\n\n${footer.join("\n")}\n`;
}

/** An expression on its own lines, each indented. */
const indented = (text: string, indent: string) => text.split("\n").map((line) => `${indent}${line.trim()}`);

const ON_MISSING_WORDS: Record<DeclarativeDefinition["on_missing"], string> = {
  "n/a": "n/a (unless an entry holds)",
  adequate: 'adequate, with the finding "<field> not recorded"',
  inadequate: 'inadequate, with the finding "<field> not recorded"',
};

/** A rule written in the config, as its expressions say it. */
function definitionLines(definition: DeclarativeDefinition): string[] {
  const entries = (title: string, list: readonly DeclarativeEntry[]) =>
    list.length === 0
      ? []
      : ["", title, ...list.flatMap((e) => [`  ${e.code}:`, ...indented(e.when, "    "), ...indented(`→ ${e.message}`, "      ")])];
  return [
    "Applies when:",
    ...indented(definition.applies, "  "),
    ...entries("Inadequate when any of these holds:", definition.inadequate),
    ...entries("Adequate, if none of those, when any of these holds:", definition.adequate),
    "",
    "Good otherwise.",
    `A field an expression needs that is not recorded: ${ON_MISSING_WORDS[definition.on_missing]} (on_missing).`,
  ];
}

/** `audit rules <id>`: one rule in full, with what it makes of an example of each rating. */
export function explainRule(config: Omit<LoadedConfig, "path">, id: string): string | { unknown: string } {
  const entry = config.rules.find((e) => e.rule.id === id);
  if (!entry) return { unknown: `unknown rule ${quoteValue(id)}${didYouMean(id, config.rules.map((e) => e.rule.id))}` };
  const options = entry.enabled ? entry.options : entry.rule.options.safeParse({}).data;
  const optionList = optionLines(entry);
  const lines = [
    `${entry.rule.id}  (${standing(entry, config)})`,
    entry.rule.description,
    "",
    `Reads: ${entry.rule.fields.join(", ") || "(no fields)"}`,
    "",
    ...(entry.rule.definition
      ? definitionLines(entry.rule.definition)
      : ["Options:", ...(optionList.length ? optionList.map((line) => `  ${line}`) : ["  (none)"])]),
  ];
  const examples = entry.rule.examples ?? [];
  if (examples.length) {
    lines.push("", `Examples (reported Thursday 2 July 2015${entry.rule.definition ? "" : ", with the options above"}):`);
    for (const example of examples) {
      const result = runExample(entry.rule, options, example);
      if ("error" in result) {
        lines.push(`  ${example.summary}`, `    the rule failed: ${result.error}`);
        continue;
      }
      lines.push(`  ${result.rating.padEnd(10)}  ${example.summary}`);
      for (const finding of result.findings) lines.push(`${" ".repeat(14)}- ${finding.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
