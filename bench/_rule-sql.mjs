// Each built-in rule's check in DuckDB, for the benchmark's queries: src/rules/<id>/rule.sql defines
// the rule's rating (0 n/a, 1 good, 2 adequate, 3 inadequate) as a macro named by the id, `-` as `_`,
// whose parameters are columns of the view `cases` that both queries grade (bench/rubric.sql,
// bench/rubric-fast.sql). `cases` has a column for every field of the input contract
// (src/input/fields.ts, docs/input.md) but the private free text (`notes`), named by the field and
// in one form for each kind of field, the same in both queries:
//   date     <field>, the day (DATE), and w_<field>, its working-day number (INTEGER), both NULL
//            when not recorded: the calendar's delay(w_from, w_to) counts the working days between
//   integer  <field> (INTEGER)
//   boolean  <field> (BOOLEAN): yes/no
//   enum     <field> (VARCHAR): the contract's word, in lower case with `_` (an alias read as the
//            word it stands for)
//   list     <field> (VARCHAR): read with the query's has(<field>, 'word'); never NULL
//   text     <field> (VARCHAR): case_id and force as written
// and nothing is NULL but what was not recorded. caseColumns() lists them; `node bench/duckdb.mjs
// FILE QUERY --columns` shows them as a query gives them. Each query writes the form of each kind
// as its own macros (<kind>_field), and bench/duckdb.mjs fills in the columns from the contract's
// fields ({{cases}}, with {{cells}}, {{invalid}} and {{csv_types}}, below), so a field added to the
// contract is a column of both, checked as the validating query checks its kind.
// A rule.sql may call the calendar's working_day and delay (bench/rubric-calendar.sql) and name
// macros of its own, prefixed with its name. Its limits are placeholders filled from the rule's
// defaults (bench/duckdb.mjs). bench/duckdb.mjs runs the rules' SQL in the registry's order.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FIELDS } from "../dist/input/fields.js";

/** The contract's fields `cases` gives, in the contract's order: all but the private free text. */
const CASE_FIELDS = FIELDS.filter((field) => !field.private);
const TYPES = { date: "DATE", integer: "INTEGER", boolean: "BOOLEAN", enum: "VARCHAR", list: "VARCHAR", text: "VARCHAR" };

/** The columns of `cases` a rule.sql may read, with their DuckDB types. */
export const caseColumns = () =>
  CASE_FIELDS.flatMap((field) => [
    { name: field.name, type: TYPES[field.kind] },
    ...(field.kind === "date" ? [{ name: `w_${field.name}`, type: "INTEGER" }] : []),
  ]);

const quoted = (words) => `[${words.map((word) => `'${word}'`).join(", ")}]`;
/** An enum or list field's words as the input contract has them, aliases included, each with the word it means. */
function wordsOf(field) {
  const meanings = [...(field.values ?? []).map((word) => [word, word]), ...Object.entries(field.aliases ?? {})];
  if (meanings.length === 0 || !meanings.flat().every((word) => /^[a-z_]+$/.test(word))) throw new Error(`bench SQL: ${field.name} is not a field with words`);
  return meanings;
}
/** A field's value in its kind's form, by the query's <kind>_field macro over the field's column. */
function valueOf(field) {
  const { name, kind } = field;
  if (kind === "integer") return `integer_field(${name}, ${field.min}, ${field.max})`;
  if (kind === "enum") return `enum_field(${name}, ${quoted(wordsOf(field).map(([word]) => word))}, ${quoted(wordsOf(field).map(([, meaning]) => meaning))})`;
  if (kind === "list") return `list_field(${name}, '${wordsOf(field).map(([word]) => word).join("|")}')`;
  return `${kind}_field(${name})`;
}
/** {{cases}}: the select list of `cases`, each column of caseColumns() from the field's column of the same name. */
export const casesSelect = () =>
  CASE_FIELDS.map((field) =>
    field.kind === "date" ? `${valueOf(field)} AS ${field.name}, working_day(${valueOf(field)}) AS w_${field.name}` : `${valueOf(field)} AS ${field.name}`,
  ).join(",\n    ");

/** {{cells}}: each field's column as the validating query's cell(x) reads it (trimmed, NULL when empty). */
export const cellsSelect = () => CASE_FIELDS.map((field) => `cell(${field.name}) AS ${field.name}`).join(", ");

/** {{invalid}}: whether a record misses a required field or has a cell (in `text`) its field's kind does not read. */
export const invalidCheck = () =>
  CASE_FIELDS.map((field) => {
    const value = field.kind === "date" ? `w_${field.name}` : field.name;
    return field.required ? `${value} IS NULL` : `(text.${field.name} IS NOT NULL AND ${value} IS NULL)`;
  }).join("\n    OR ");

/** {{csv_types}}: every field's column of the file (the contract's, in its order) typed by its kind for read_csv. */
export const csvTypes = () => `{${FIELDS.map((field) => `'${field.name}': '${field.private ? "VARCHAR" : TYPES[field.kind]}'`).join(", ")}}`;

/** Where a built-in rule's SQL lives. */
export const ruleSqlPath = (id) => fileURLToPath(new URL(`../src/rules/${id}/rule.sql`, import.meta.url));

/** The call of a rule's macro on the graded cases' columns, read from the macro's own parameters. */
export function ruleCall(id, path = ruleSqlPath(id)) {
  const macro = id.replaceAll("-", "_");
  if (!existsSync(path)) throw new Error(`bench SQL: src/rules/${id}/rule.sql is missing: it states the rule's rating as the macro ${macro}(...)`);
  const signature = readFileSync(path, "utf8").match(new RegExp(`^CREATE OR REPLACE MACRO ${macro}\\(([\\w, ]*)\\) AS`, "m"));
  if (!signature) throw new Error(`bench SQL: src/rules/${id}/rule.sql defines no macro ${macro}(column, ...)`);
  const columns = new Set(caseColumns().map((column) => column.name));
  const unknown = signature[1].split(/, */).filter((parameter) => !columns.has(parameter));
  if (unknown.length > 0) throw new Error(`bench SQL: src/rules/${id}/rule.sql: ${unknown.join(", ")} names no column of the cases (a field of the input contract, or w_ and a date field)`);
  return `${macro}(${signature[1]})`;
}

/** A case's grade under the rules (the reference strategy, `worst`): the greatest of their ratings. */
export const worstOf = (ids) => `greatest(${ids.map((id) => ruleCall(id)).join(", ")})`;
