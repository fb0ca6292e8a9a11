// The reference rubric as one DuckDB query (bench/rubric.sql) over a case file; prints its table as JSON.
// Usage: node bench/duckdb.mjs <file>
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { BANK_HOLIDAYS } from "../dist/calendar/bank-holidays.js";

const file = process.argv[2];
const sql = readFileSync(new URL("./rubric.sql", import.meta.url), "utf8")
  .replaceAll("{{file}}", file.replace(/'/g, "''"))
  .replaceAll("{{holidays}}", BANK_HOLIDAYS.map((day) => `DATE '${day}'`).join(", "));
const statements = sql.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean);
const connection = await (await DuckDBInstance.create(":memory:")).connect();
let rows = [];
for (const statement of statements) rows = (await connection.runAndReadAll(statement)).getRowObjectsJson();
process.stdout.write(JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "name" ? v : Number(v)])))));
