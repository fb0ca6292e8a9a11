import { ruleWeight } from "../engine/strategy.js";
import { isJavaScript } from "./find.js";
import type { LoadedConfig } from "./load.js";

type Entry = LoadedConfig["rules"][number];

/** A rule's entry under `rules`: its options or "off", or, for a rule written in the config, its definition. */
function ruleEntry(entry: Entry): unknown {
  const { definition, examples } = entry.rule;
  if (!definition) return entry.enabled ? entry.options : "off";
  return { ...definition, ...(examples ? { examples } : {}), ...(entry.enabled ? {} : { enabled: false }) };
}

/**
 * The resolved rubric as a config file would say it, every default filled in:
 * feeding it back as a config gives the same rubric.
 */
export function resolvedConfig(config: Omit<LoadedConfig, "path">) {
  const { rubric, parsed } = config;
  const active = rubric.rules.map(({ rule }) => rule.id);
  const strategy =
    rubric.strategy.name === "points"
      ? {
          name: "points",
          good: rubric.strategy.good,
          adequate: rubric.strategy.adequate,
          weights: Object.fromEntries(active.map((id) => [id, ruleWeight(rubric.strategy, id)])),
          critical: parsed.strategy.critical,
        }
      : { name: "worst", critical: parsed.strategy.critical };
  return {
    rules: Object.fromEntries(config.rules.map((entry) => [entry.rule.id, ruleEntry(entry)])),
    strategy,
    plugins: parsed.plugins,
    columns: parsed.columns,
    values: parsed.values,
    list_separators: parsed.list_separators,
    report: parsed.report,
    ...(parsed.grades ? { grades: parsed.grades } : {}),
    date_formats: parsed.date_formats,
    two_digit_year_pivot: parsed.two_digit_year_pivot,
  };
}

/** The code a config runs, one line each: the config itself when it is JavaScript, and each plugin with its file's hash. */
export function codeLines(config: Pick<LoadedConfig, "path" | "rubric">): string[] {
  const lines = config.path !== undefined && isJavaScript(config.path) ? [`runs code: ${config.path} (the config itself is JavaScript)`] : [];
  for (const { path, ids, sha256 } of config.rubric.plugins) lines.push(`runs code: ${path} (rules ${ids.join(", ")}; sha256 ${sha256})`);
  return lines.length ? lines : ["runs no code"];
}
