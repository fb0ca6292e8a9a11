// Each built-in rule's check in DuckDB, for the benchmark's queries: src/rules/<id>/rule.sql defines
// the rule's rating (0 n/a, 1 good, 2 adequate, 3 inadequate) as a macro named by the id, `-` as `_`,
// whose parameters are columns of the cases both queries grade (bench/rubric.sql, bench/rubric-fast.sql):
//   w_reported, w_assessed, w_referred, w_strategy, w_interviewed, w_arrested: the dates as working-day
//     numbers, NULL when not recorded
//   age, suspect: the child's and the suspect's ages
//   role, quality, risk: words, in lower case with `_`
//   views, disbelieved, arrested, minor: yes/no as booleans
//   concerns, agencies: lists, read with the query's has(list, word)
// It may call the calendar's working_day and delay (bench/rubric-calendar.sql) and name macros of its
// own, prefixed with its name. Its limits are placeholders filled from the rule's defaults
// (bench/duckdb.mjs). bench/duckdb.mjs runs the rules' SQL in the registry's order.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where a built-in rule's SQL lives. */
export const ruleSqlPath = (id) => fileURLToPath(new URL(`../src/rules/${id}/rule.sql`, import.meta.url));

/** The call of a rule's macro on the graded cases' columns, read from the macro's own parameters. */
export function ruleCall(id) {
  const path = ruleSqlPath(id);
  const macro = id.replaceAll("-", "_");
  if (!existsSync(path)) throw new Error(`bench SQL: src/rules/${id}/rule.sql is missing: it states the rule's rating as the macro ${macro}(...)`);
  const signature = readFileSync(path, "utf8").match(new RegExp(`^CREATE OR REPLACE MACRO ${macro}\\(([\\w, ]*)\\) AS`, "m"));
  if (!signature) throw new Error(`bench SQL: src/rules/${id}/rule.sql defines no macro ${macro}(column, ...)`);
  return `${macro}(${signature[1]})`;
}

/** A case's grade under the rules (the reference strategy, `worst`): the greatest of their ratings. */
export const worstOf = (ids) => `greatest(${ids.map(ruleCall).join(", ")})`;
