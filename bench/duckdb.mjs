// The reference rubric as one DuckDB query over a case file; prints its table as JSON, one object per
// group with its counts as numbers. The query is bench/rubric.sql (validates every value) unless
// another is named, such as bench/rubric-fast.sql (valid ISO-dated records only). It runs
// bench/rubric-calendar.sql (the calendar both share), the query's own macros, each rule's
// src/rules/<id>/rule.sql in the registry's order (bench/_rule-sql.mjs), then the query, whose
// {{grade}} is the worst of the rules' ratings.
// With --columns it prints instead the columns of the query's `cases` (the view the rules grade) as
// [{ name, type }], for a rule's author and the tests.
// Usage: node bench/duckdb.mjs <file> [query.sql] [--columns]
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { BANK_HOLIDAYS } from "../dist/calendar/bank-holidays.js";
import { MAX_YEAR, MIN_YEAR } from "../dist/input/dates.js";
import { SEXUAL_CONCERNS, SIGNIFICANT_HARM_CONCERNS } from "../dist/rules/_concerns.js";
import { BUILT_IN_RULES } from "../dist/rules/index.js";
import { casesSelect, cellsSelect, csvTypes, invalidCheck, ruleSqlPath, worstOf } from "./_rule-sql.mjs";

const describe = process.argv.includes("--columns");
const [file, query = new URL("./rubric.sql", import.meta.url)] = process.argv.slice(2).filter((arg) => arg !== "--columns");
if (!file) {
  process.stderr.write("usage: node bench/duckdb.mjs <file> [query.sql] [--columns]\n");
  process.exit(2);
}

// What the queries read from the rules: each rule's default options by `rule-id.option[.limit]`, and
// the concern lists the rules share.
const OPTIONS = Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, rule.options.parse({})]));
const LISTS = { sexual: SEXUAL_CONCERNS, significant_harm: SIGNIFICANT_HARM_CONCERNS };
const setting = (path) => {
  const value = path.split(".").reduce((at, key) => at?.[key], OPTIONS) ?? LISTS[path];
  if (value === undefined) throw new Error(`bench SQL: {{${path}}} names no rule option`);
  return value;
};
const words = (path) => {
  const list = setting(path);
  if (!Array.isArray(list) || !list.every((word) => /^[a-z_]+$/.test(word))) throw new Error(`bench SQL: ${path} is not a list of words`);
  return list;
};
const any = (column, path) => `(${words(path).map((word) => `has(${column}, '${word}')`).join(" OR ") || "false"})`;

/** A SQL file's statements, its comments dropped and its placeholders filled. */
const statementsOf = (path) =>
  readFileSync(path, "utf8")
    .replace(/^\s*--.*$/gm, "")
    .replaceAll("{{file}}", file.replace(/'/g, "''"))
    .replaceAll("{{holidays}}", BANK_HOLIDAYS.map((day) => `DATE '${day}'`).join(", "))
    .replaceAll("{{first_year}}", String(MIN_YEAR))
    .replaceAll("{{last_year}}", String(MAX_YEAR))
    .replaceAll("{{grade}}", worstOf(RULE_IDS))
    .replace(/\{\{any\((\w+), ([\w.-]+)\)\}\}/g, (_, column, list) => any(column, list))
    .replaceAll("{{cases}}", casesSelect())
    .replaceAll("{{cells}}", cellsSelect())
    .replaceAll("{{invalid}}", invalidCheck())
    .replaceAll("{{csv_types}}", csvTypes())
    .replace(/\{\{([\w.-]+)\}\}/g, (_, path) => {
      const value = setting(path);
      if (!Number.isInteger(value)) throw new Error(`bench SQL: {{${path}}} is not a whole number`);
      return String(value);
    })
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const RULE_IDS = BUILT_IN_RULES.map((rule) => rule.id);
// A rule's macro is bound when it is made, so the query's own macros (has) come before the rules.
const queryStatements = statementsOf(query);
const statements = [
  ...statementsOf(new URL("./rubric-calendar.sql", import.meta.url)),
  ...queryStatements.slice(0, -1),
  ...RULE_IDS.flatMap((id) => statementsOf(ruleSqlPath(id))),
  ...(describe ? ["SELECT column_name AS name, column_type AS type FROM (DESCRIBE cases)"] : queryStatements.slice(-1)),
];
const connection = await (await DuckDBInstance.create(":memory:")).connect();
let rows = [];
for (const statement of statements) rows = (await connection.runAndReadAll(statement)).getRowObjectsJson();
if (describe) process.stdout.write(JSON.stringify(rows));
else process.stdout.write(JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "name" ? v : Number(v)])))));
