-- The reference rubric (docs/rubric.md) over a case file as one DuckDB query that validates every
-- value, as an analyst would write it instead of running `audit`: its table must be `audit score`'s,
-- invalid records counted the same, on every file the benchmark generates (bench/run.mjs checks it).
-- bench/duckdb.mjs runs bench/rubric-calendar.sql (the working-day calendar) first, then this file's
-- macros, then each rule's src/rules/<id>/rule.sql, and fills in {{file}} and {{grade}} (the worst
-- of the rules' ratings, each rule's macro called on the columns of `cases` its parameters name), and
-- the columns of `cases` from the input contract's fields.
-- It validates the value forms the benchmark's files hold (both date forms with or without a time,
-- yes/no words, enum words in any case with a space or hyphen for _, ;-lists, whole numbers in range,
-- required fields) and the duplicate-id rule, with plain functions (try_strptime, try_cast, one regex per
-- list), not audit's every edge case (runs of spaces inside a word, tabs around a value).
-- Every column is read as text: a typed column would make the CSV reader stop, or drop the record,
-- at the first value it cannot read, and each record must be counted, valid or not. Each value is
-- then read once, by a cast or a parse, where the reader would have cast it.

-- A cell as the rules read it: trimmed, NULL when empty (the reader gives NULL for an empty cell;
-- trimming only the cells that need it halves the cost of this step).
CREATE OR REPLACE MACRO cell(x) AS CASE WHEN x LIKE ' %' OR x LIKE '% ' THEN nullif(trim(x), '') ELSE x END;
-- ISO (YYYY-MM-DD) or UK (D/M/YYYY, one or two digits) date, maybe with a time (HH:mm or HH:mm:ss
-- after T or a space): the day, or NULL.
CREATE OR REPLACE MACRO day_of(x) AS CAST(CASE WHEN substr(x, 5, 1) = '-'
    THEN try_strptime(x, ['%Y-%m-%d', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S'])
    ELSE try_strptime(x, ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%YT%H:%M', '%d/%m/%YT%H:%M:%S']) END AS DATE);
-- A whole number within [lo, hi] (all three fields fit in 0-255), or NULL. The cast also reads a few
-- forms audit does not (+5, 5.0, 1e1); a guard against them (ltrim(x, '0123456789') = '') would
-- cost more than all the other checks of these fields together, and the benchmark's files hold none.
CREATE OR REPLACE MACRO whole(x, lo, hi) AS CASE WHEN try_cast(x AS UTINYINT) BETWEEN lo AND hi THEN try_cast(x AS UTINYINT) END;
-- yes, y, true, 1 or no, n, false, 0 in any case: DuckDB's cast reads these, and t and f, which audit does not.
CREATE OR REPLACE MACRO yes_no(x) AS CASE WHEN x NOT IN ('t', 'f', 'T', 'F') THEN try_cast(x AS BOOLEAN) END;
CREATE OR REPLACE MACRO word(x) AS replace(replace(lower(x), '-', '_'), ' ', '_');
-- A ;-list, its words normalised, each between semicolons (';neglect;cse;').
CREATE OR REPLACE MACRO items(x) AS ';' || replace(word(coalesce(x, '')), '_;_', ';') || ';';
CREATE OR REPLACE MACRO has(list, word) AS contains(list, ';' || word || ';');
-- Each kind of field's form in `cases` (bench/_rule-sql.mjs), from its cell: NULL when the cell is
-- empty or holds no value of the kind, so that a cell with something in it and no value is invalid.
-- An enum's word is looked up among the field's words (aliases included) for the word it means.
-- An empty list is ';;', never NULL.
CREATE OR REPLACE MACRO text_field(x) AS x;
CREATE OR REPLACE MACRO date_field(x) AS day_of(x);
CREATE OR REPLACE MACRO integer_field(x, lo, hi) AS CAST(whole(x, lo, hi) AS INTEGER);
CREATE OR REPLACE MACRO boolean_field(x) AS yes_no(x);
CREATE OR REPLACE MACRO enum_field(x, words, meanings) AS meanings[list_position(words, word(x))];
-- A list is NULL unless each of its words is among the field's (pattern: a|b|c), and no comma stands
-- where a semicolon should (the match is the whole list, or nothing: its words are normalised once).
CREATE OR REPLACE MACRO list_field(x, pattern) AS CASE WHEN x IS NULL OR NOT (contains(x, ',') AND NOT contains(x, ';'))
  THEN nullif(regexp_extract(items(x), '^(;_*(' || pattern || ')?_*)*;$'), '') END;

-- The cases, a column a field in its kind's form ({{cases}}), and whether each is invalid: a required
-- field missing, a value its kind does not read ({{invalid}}: over `text`, the record's cells), or an
-- id an earlier record has.
CREATE OR REPLACE TEMP VIEW cases AS
WITH
raw AS (
  SELECT row_number() OVER () AS n, *
  FROM read_csv('{{file}}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
cells AS (
  SELECT n, {{cells}}
  FROM raw
),
typed AS (
  SELECT n, cells AS text, {{cases}}
  FROM cells, calendar
)
SELECT typed.* EXCLUDE (n, text),
  -- The first record with an id owns it, valid or not; every later one is invalid.
  typed.n > coalesce(first.first_n, typed.n)
    OR {{invalid}} AS invalid
FROM typed LEFT JOIN (SELECT case_id AS first_id, min(n) AS first_n FROM cells WHERE case_id IS NOT NULL GROUP BY case_id) AS first
  ON first.first_id = typed.case_id;

WITH
graded AS (
  SELECT force, invalid, {{grade}} AS grade
  FROM cases
)
-- One pass: an invalid record counts in its force's group (or "(not recorded)"), a valid one by its grade.
SELECT coalesce(force, '(not recorded)') AS name, count(*) FILTER (NOT invalid) AS graded,
  count(*) FILTER (NOT invalid AND grade <= 1) AS good, count(*) FILTER (NOT invalid AND grade = 2) AS adequate,
  count(*) FILTER (NOT invalid AND grade = 3) AS inadequate, count(*) FILTER (invalid) AS invalid
FROM graded
GROUP BY name
ORDER BY name;
