import { ruleWeight } from "../engine/strategy.js";
import type { LoadedConfig } from "./load.js";

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
    rules: Object.fromEntries(config.rules.map((entry) => [entry.rule.id, entry.enabled ? entry.options : "off"])),
    strategy,
    plugins: parsed.plugins,
    columns: parsed.columns,
    values: parsed.values,
    list_separators: parsed.list_separators,
  };
}
