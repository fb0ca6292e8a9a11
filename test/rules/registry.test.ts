import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";
import { ruleTable } from "../../src/rules/rule-table.js";
import { ruleCall } from "../../bench/_rule-sql.mjs";
import { documentedCodes, rulePage } from "../helpers/rule-pages.mjs";
import { ruleFile, ruleFolders } from "./_folders.js";

const RUBRIC_DOC = fileURLToPath(new URL("../../docs/rubric.md", import.meta.url));
/** What a rule's folder holds: the rule, its doc page, its fixture, its test, its check in SQL and its bundled cases' defects. */
const FOLDER = ["rule.ts", "README.md", "fixture.csv", "rule.test.ts", "rule.sql", "fixture-defects.mjs"];

const registry = BUILT_IN_RULES.map((rule) => rule.id);

test("the registry lists every rule folder, once", () => {
  expect([...registry].sort()).toEqual(ruleFolders());
  expect(new Set(registry).size).toBe(registry.length);
});

test.each(ruleFolders())("src/rules/%s/ holds its rule, doc page, fixture, test, SQL and fixture defects", (id) => {
  expect(FOLDER.filter((name) => !existsSync(ruleFile(id, name)))).toEqual([]);
});

test.each(ruleFolders())("src/rules/%s/rule.ts defines the rule its folder names", async (id) => {
  const module = (await import(pathToFileURL(ruleFile(id, "rule.ts")).href)) as Record<string, Rule>;
  expect(Object.values(module).map((rule) => rule.id)).toEqual([id]);
});

test.each(registry)("src/rules/%s/rule.sql states the rule's rating as the macro its id names, for the benchmark's queries", (id) => {
  expect(ruleCall(id)).toMatch(new RegExp(`^${id.replaceAll("-", "_")}\\(\\w+(, \\w+)*\\)$`));
});

test("a rule without its SQL stops the benchmark's queries, naming the file to write", () => {
  expect(() => ruleCall("no-such-rule")).toThrow("src/rules/no-such-rule/rule.sql is missing: it states the rule's rating as the macro no_such_rule(...)");
});

test("docs/rubric.md links every rule's page, in report order, as docs/make-rule-table.mjs writes the table", () => {
  expect(readFileSync(RUBRIC_DOC, "utf8"), "docs/rubric.md's table of rules is stale: run `npm run build && node docs/make-rule-table.mjs`").toContain(ruleTable());
  expect(ruleTable().match(/src\/rules\/[a-z0-9-]+\/README\.md/g)).toEqual(registry.map((id) => `src/rules/${id}/README.md`));
});

test.each(BUILT_IN_RULES.map((rule) => [rule.id, rule] as const))("src/rules/%s/README.md documents the rule and every finding code it declares", (id, rule) => {
  expect(rulePage(id).split("\n")[0]).toBe(`# \`${id}\``);
  expect(documentedCodes(id).map(({ code }) => code)).toEqual(rule.codes);
});

/** A table row's cells, without the backticks around a name or value. */
const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim().replace(/^`(.*)`$/, "$1"));
/** An option's default as its row gives it: the value after the name, or a `{ good, adequate }` pair as the row's last two cells. */
const documentedValue = (wanted: unknown, rest: string[]): unknown =>
  typeof wanted === "object" && wanted !== null && "good" in wanted ? { good: Number(rest.at(-2)), adequate: Number(rest.at(-1)) } : JSON.parse(rest[0]!);

test.each(BUILT_IN_RULES.map((rule) => [rule.id, rule] as const))("src/rules/%s/README.md gives each option with the rule's default", (id, rule) => {
  const defaults = rule.options.parse({}) as Record<string, unknown>;
  const rows = rulePage(id).split("\n").filter((line) => line.startsWith("| `")).map(cells).filter(([name]) => name! in defaults);
  expect(Object.fromEntries(rows.map(([name, ...rest]) => [name, documentedValue(defaults[name!], rest)]))).toEqual(defaults);
});
