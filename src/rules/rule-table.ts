import { BUILT_IN_RULES } from "./index.js";

/** Where docs/rubric.md holds the table of built-in rules, which docs/make-rule-table.mjs writes. */
export const TABLE_START = "<!-- the rules, written by docs/make-rule-table.mjs from src/rules/ -->";
export const TABLE_END = "<!-- end of the rules -->";

/** The table of built-in rules for docs/rubric.md: each linked to its page in its folder, in report order. */
export function ruleTable(): string {
  const rows = BUILT_IN_RULES.map((rule) => `| [\`${rule.id}\`](../src/rules/${rule.id}/README.md) | ${rule.description} |`);
  return [TABLE_START, "| rule | what it checks |", "| --- | --- |", ...rows, TABLE_END].join("\n");
}
