import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, onTestFinished, test } from "vitest";
import { TYPED_FIELDS } from "../../src/input/fields.js";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";
import { ruleTable } from "../../src/rules/rule-table.js";
import { caseColumns, ruleCall } from "../../bench/_rule-sql.mjs";
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

test.each(BUILT_IN_RULES.map((rule) => [rule.id, rule] as const))("src/rules/%s/rule.sql reads only the fields its rule declares", (id, rule) => {
  const parameters = ruleCall(id).replace(/^\w+\((.*)\)$/, "$1").split(", ");
  const fields = parameters.map((column) => (column.startsWith("w_") ? column.slice(2) : column));
  expect(fields.filter((field) => !rule.fields.includes(field))).toEqual([]);
});

/** A rule.sql whose macro, `probe`, takes these parameters, in a folder of its own. */
function probeSql(parameters: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-rule-sql-"));
  onTestFinished(() => rmSync(dir, { recursive: true }));
  writeFileSync(join(dir, "rule.sql"), `CREATE OR REPLACE MACRO probe(${parameters.join(", ")}) AS 1;\n`);
  return join(dir, "rule.sql");
}

/** The form each kind of field takes in the cases the benchmark's queries grade (bench/_rule-sql.mjs). */
const KIND_TYPES = { date: "DATE", integer: "INTEGER", boolean: "BOOLEAN", enum: "VARCHAR", list: "VARCHAR", text: "VARCHAR" } as const;

test("the cases the benchmark's queries grade have a column for each field of the input contract but the private notes, a date's working-day number beside it", () => {
  const expected = TYPED_FIELDS.flatMap((field) => [
    { name: field.name, type: KIND_TYPES[field.kind] },
    ...(field.kind === "date" ? [{ name: `w_${field.name}`, type: "INTEGER" }] : []),
  ]);
  expect(caseColumns()).toEqual(expected);
  expect(caseColumns().map((column) => column.name)).not.toContain("notes");
});

test("a rule.sql may read any column of the cases the benchmark's queries grade: every field of the input contract", () => {
  const columns = caseColumns().map((column) => column.name);
  expect(ruleCall("probe", probeSql(columns))).toBe(`probe(${columns.join(", ")})`);
});

test.each([
  ["the private notes", "notes"],
  ["a field's old short name", "age"],
  ["a working-day number of a field that is no date", "w_child_age"],
])("a rule.sql reading %s stops the benchmark's queries, naming it", (_name, parameter) => {
  expect(() => ruleCall("probe", probeSql(["child_age", parameter]))).toThrow(
    `src/rules/probe/rule.sql: ${parameter} names no column of the cases (a field of the input contract, or w_ and a date field)`,
  );
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
