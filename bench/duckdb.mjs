// The reference rubric as one DuckDB query (bench/rubric.sql) over a case file; prints its table as JSON.
// Usage: node bench/duckdb.mjs <file>
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { BANK_HOLIDAYS } from "../dist/calendar/bank-holidays.js";
import { SEXUAL_CONCERNS, SIGNIFICANT_HARM_CONCERNS } from "../dist/rules/_concerns.js";
import { BUILT_IN_RULES } from "../dist/rules/index.js";

// What the query reads from the rules: each rule's default options by `rule-id.option[.limit]`, and
// the concern lists the rules share.
const OPTIONS = Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, rule.options.parse({})]));
const LISTS = { sexual: SEXUAL_CONCERNS, significant_harm: SIGNIFICANT_HARM_CONCERNS };
const setting = (path) => {
  const value = path.split(".").reduce((at, key) => at?.[key], OPTIONS) ?? LISTS[path];
  if (value === undefined) throw new Error(`bench/rubric.sql: {{${path}}} names no rule option`);
  return value;
};
const words = (path) => {
  const list = setting(path);
  if (!Array.isArray(list) || !list.every((word) => /^[a-z_]+$/.test(word))) throw new Error(`bench/rubric.sql: ${path} is not a list of words`);
  return list;
};
const any = (column, path) => `(${words(path).map((word) => `has(${column}, '${word}')`).join(" OR ") || "false"})`;

const file = process.argv[2];
const sql = readFileSync(new URL("./rubric.sql", import.meta.url), "utf8")
  .replace(/^\s*--.*$/gm, "")
  .replaceAll("{{file}}", file.replace(/'/g, "''"))
  .replaceAll("{{holidays}}", BANK_HOLIDAYS.map((day) => `DATE '${day}'`).join(", "))
  .replace(/\{\{any\((\w+), ([\w.-]+)\)\}\}/g, (_, column, path) => any(column, path))
  .replace(/\{\{([\w.-]+)\}\}/g, (_, path) => {
    const value = setting(path);
    if (!Number.isInteger(value)) throw new Error(`bench/rubric.sql: {{${path}}} is not a whole number`);
    return String(value);
  });
const statements = sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
const connection = await (await DuckDBInstance.create(":memory:")).connect();
let rows = [];
for (const statement of statements) rows = (await connection.runAndReadAll(statement)).getRowObjectsJson();
process.stdout.write(JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "name" ? v : Number(v)])))));
