import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";

const RULES_DIR = fileURLToPath(new URL("../../src/rules/", import.meta.url));
const RUBRIC_DOC = fileURLToPath(new URL("../../docs/rubric.md", import.meta.url));
const NOT_RULES = new Set(["define-rule.ts", "index.ts"]);

const registry = BUILT_IN_RULES.map((rule) => rule.id);
const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith(".ts") && !name.startsWith("_") && !NOT_RULES.has(name));

/** The `## \`id\`` headings of docs/rubric.md, one per rule. */
function documentedRuleIds(): string[] {
  const text = readFileSync(RUBRIC_DOC, "utf8");
  return [...text.matchAll(/^## `([a-z0-9-]+)`/gm)].map((m) => m[1]!);
}

test("the registry lists every rule file, once, in report order", () => {
  expect([...registry].sort()).toEqual(ruleFiles.map((name) => name.replace(/\.ts$/, "")).sort());
  expect(new Set(registry).size).toBe(registry.length);
});

test.each(ruleFiles)("%s defines the rule its name says", async (name) => {
  const module = (await import(pathToFileURL(RULES_DIR + name).href)) as Record<string, Rule>;
  const ids = Object.values(module).map((rule) => rule.id);
  expect(ids).toEqual([name.replace(/\.ts$/, "")]);
});

test("docs/rubric.md documents the same rules, in the same order", () => {
  expect(documentedRuleIds()).toEqual(registry);
});
