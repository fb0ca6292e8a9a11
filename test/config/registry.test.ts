import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";

const RULES_DIR = fileURLToPath(new URL("../../src/rules/", import.meta.url));
const README = fileURLToPath(new URL("../../README.md", import.meta.url));
const NOT_RULES = new Set(["define-rule.ts", "index.ts"]);

const registry = BUILT_IN_RULES.map((rule) => rule.id);
const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith(".ts") && !name.startsWith("_") && !NOT_RULES.has(name));

/** The `### \`id\`` headings of the README's first section about the rubric or its rules. */
function readmeRuleIds(): string[] {
  const text = readFileSync(README, "utf8");
  const start = text.search(/^## .*(rubric|rules)/im);
  expect(start, "README.md has a section on the rubric").toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + 3);
  const section = rest.slice(0, rest.search(/^## /m) === -1 ? undefined : rest.search(/^## /m));
  return [...section.matchAll(/^### `([a-z0-9-]+)`/gm)].map((m) => m[1]!);
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

test("the README documents the same rules, in the same order", () => {
  expect(readmeRuleIds()).toEqual(registry);
});
