-- The reference rubric's table as the fastest DuckDB query we could write, validating nothing: it
-- gives `audit score`'s table only on a file of valid records with ISO dates (YYYY-MM-DD, maybe
-- with a time, and list words written with `_`, in any case), such as `node bench/generate.mjs ROWS
-- FILE --clean` writes; on any other file it fails or gives another table. bench/duckdb.mjs runs
-- bench/rubric-calendar.sql (the calendar) first, then this file's macros, then each rule's
-- src/rules/<id>/rule.sql, and fills in {{file}} and {{grade}} (the worst of the rules' ratings,
-- each rule's macro called on the columns of `cases` its parameters name), and the
-- columns of `cases` from the input contract's fields.
-- What makes it fast: the CSV reader types the columns itself (dates, integers, yes/no), only the
-- columns the rules read are read and converted (`cases` gives every field, but DuckDB drops the
-- columns a query does not use before it reads the file), working days are two lookups in a list, not joins, a list
-- word is found by `contains` (no word of a list is part of another), and nothing is kept per
-- record: one pass, one group-by.

-- Each kind of field's form in `cases` (bench/_rule-sql.mjs), from its column as the reader typed it.
-- The reader reads dates, integers and yes/no itself; a word is lower-cased with `_` for a space or
-- hyphen, then looked up among the field's words for the one it means (an alias); a list is lower-cased.
CREATE OR REPLACE MACRO text_field(x) AS x;
CREATE OR REPLACE MACRO date_field(x) AS x;
CREATE OR REPLACE MACRO integer_field(x, lo, hi) AS x;
CREATE OR REPLACE MACRO boolean_field(x) AS x;
-- (Replacing only in the words that need it: two replaces on every word would cost 10% of the query.)
CREATE OR REPLACE MACRO word(x) AS CASE WHEN contains(x, '-') OR contains(x, ' ') THEN replace(replace(lower(x), '-', '_'), ' ', '_') ELSE lower(x) END;
-- A field without aliases (its words are what they mean) is its word: the CASE folds away when bound.
CREATE OR REPLACE MACRO enum_field(x, words, meanings) AS CASE WHEN words = meanings THEN word(x) ELSE meanings[list_position(words, word(x))] END;
CREATE OR REPLACE MACRO list_field(x, pattern) AS coalesce(lower(x), '');
-- Whether a list includes a word.
CREATE OR REPLACE MACRO has(list, word) AS contains(list, word);

-- The cases, a column a field in its kind's form ({{cases}}); the file's columns are the contract's,
-- in its order, each typed by its kind ({{csv_types}}).
CREATE OR REPLACE TEMP VIEW cases AS
SELECT {{cases}}
FROM calendar, read_csv('{{file}}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
  columns = {{csv_types}});

WITH
graded AS (
  SELECT force, {{grade}} AS grade
  FROM cases
)
SELECT force AS name, count(*) AS graded, count(*) FILTER (grade <= 1) AS good, count(*) FILTER (grade = 2) AS adequate,
       count(*) FILTER (grade = 3) AS inadequate, 0 AS invalid
FROM graded
GROUP BY force
ORDER BY force;
