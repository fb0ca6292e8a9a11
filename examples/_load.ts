import { fileURLToPath } from "node:url";
import { loadConfig, parseConfig } from "../src/config/load.js";
import { runExample } from "../src/config/rule-examples.js";
import { runAudit } from "../src/engine/run.js";
import type { CaseResult } from "../src/engine/score.js";
import { readCases } from "../src/input/read.js";
import type { Rule, RuleExample } from "../src/index.js";

export const HERE = fileURLToPath(new URL(".", import.meta.url));

/** Loads examples/audit.config.json as `audit --config examples/audit.config.json` would. */
export const loadExampleConfig = () => loadConfig({ configPath: "audit.config.json", useConfig: true, cwd: HERE });

/** Parses a config as if it were a file in examples/ (so that its plugin paths resolve here). */
export const parseExampleConfig = (raw: unknown) => parseConfig(raw, HERE, "audit.config.json");

/** Grades examples/cases.csv with examples/audit.config.json, by case id. */
export async function gradeExampleCases(): Promise<Map<string, CaseResult>> {
  const { rubric, mapping } = await loadExampleConfig();
  const cases = new Map<string, CaseResult>();
  await runAudit(readCases(`${HERE}cases.csv`, { mapping }), rubric, { case: (r) => void cases.set(r.case_id, r), invalid: () => {} });
  return cases;
}

/** A plugin rule from the example config, with the options the config gave it. */
export async function exampleRule(id: string): Promise<{ rule: Rule<unknown>; options: unknown }> {
  const active = (await loadExampleConfig()).rubric.rules.find((r) => r.rule.id === id);
  if (!active) throw new Error(`no rule ${id} in examples/audit.config.json`);
  return active;
}

export const ratingOf = (rule: Rule<unknown>, options: unknown, example: RuleExample) => {
  const result = runExample(rule, options, example);
  return "error" in result ? result.error : result.rating;
};
