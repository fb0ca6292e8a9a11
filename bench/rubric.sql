-- The reference rubric (docs/rubric.md) over a case file as one DuckDB query that validates every
-- value, as an analyst would write it instead of running `audit`: its table must be `audit score`'s,
-- invalid records counted the same, on every file the benchmark generates (bench/run.mjs checks it).
-- bench/duckdb.mjs runs bench/rubric-calendar.sql (the working-day calendar) first, then this file's
-- macros, then each rule's src/rules/<id>/rule.sql, and fills in {{file}} and {{grade}} (the worst
-- of the rules' ratings, each rule's macro called on the columns of `checked` its parameters name).
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
-- Each enum field's words (and aliases) as a type: a cast to it is a lookup, NULL for a word not among
-- them. {{words(field)}} is the field's words as the input contract has them (src/input/fields.ts).
CREATE TYPE role_word AS ENUM ({{words(child_role)}});
CREATE TYPE quality_word AS ENUM ({{words(risk_assessment_quality)}});
CREATE TYPE risk_word AS ENUM ({{words(risk_level)}});
CREATE TYPE grade_word AS ENUM ({{words(inspector_grade)}});
-- A ;-list, its words normalised, each between semicolons (';neglect;cse;'); `listed` says whether each
-- is among the allowed ones, {{alternatives(field)}} (a|b|c), and no comma stands where a semicolon should.
CREATE OR REPLACE MACRO items(x) AS ';' || replace(word(coalesce(x, '')), '_;_', ';') || ';';
CREATE OR REPLACE MACRO listed(x, items, pattern) AS x IS NULL OR (
  NOT (contains(x, ',') AND NOT contains(x, ';')) AND regexp_full_match(items, '(;_*(' || pattern || ')?_*)*;'));
CREATE OR REPLACE MACRO has(list, word) AS contains(list, ';' || word || ';');

WITH
raw AS (
  SELECT row_number() OVER () AS n, *
  FROM read_csv('{{file}}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
cells AS (
  SELECT n, cell(case_id) AS id, cell(force) AS force,
    cell(reported_on) AS reported_on, cell(risk_assessed_on) AS risk_assessed_on, cell(social_care_referred_on) AS social_care_referred_on,
    cell(strategy_discussion_on) AS strategy_discussion_on, cell(interviewed_on) AS interviewed_on,
    cell(suspect_arrested_on) AS suspect_arrested_on, cell(outcome_on) AS outcome_on,
    cell(child_age) AS child_age, cell(suspect_age) AS suspect_age, cell(outcome_code) AS outcome_code,
    cell(child_views_recorded) AS child_views_recorded, cell(child_disbelieved) AS child_disbelieved,
    cell(child_arrested) AS child_arrested, cell(arrest_minor) AS arrest_minor,
    cell(child_role) AS child_role, cell(risk_assessment_quality) AS risk_assessment_quality,
    cell(risk_level) AS risk_level, cell(inspector_grade) AS inspector_grade,
    cell(concern) AS concern, cell(agencies_consulted) AS agencies_consulted
  FROM raw
),
dated AS (
  -- Dates as working-day numbers: NULL for no date, one that is not a date, or a year out of range.
  SELECT cells.*,
    working_day(day_of(reported_on)) AS w_reported, working_day(day_of(risk_assessed_on)) AS w_assessed,
    working_day(day_of(social_care_referred_on)) AS w_referred, working_day(day_of(strategy_discussion_on)) AS w_strategy,
    working_day(day_of(interviewed_on)) AS w_interviewed, working_day(day_of(suspect_arrested_on)) AS w_arrested,
    working_day(day_of(outcome_on)) AS w_outcome
  FROM cells, calendar
),
typed AS (
  SELECT dated.*,
    whole(child_age, 0, 17) AS age, whole(suspect_age, 0, 120) AS suspect, whole(outcome_code, 1, 22) AS code,
    yes_no(child_views_recorded) AS views, yes_no(child_disbelieved) AS disbelieved,
    yes_no(child_arrested) AS arrested, yes_no(arrest_minor) AS minor,
    try_cast(word(child_role) AS role_word) AS role, try_cast(word(risk_assessment_quality) AS quality_word) AS quality,
    try_cast(word(risk_level) AS risk_word) AS risk, try_cast(word(inspector_grade) AS grade_word) AS inspector,
    items(concern) AS concerns, items(agencies_consulted) AS agencies,
    -- The first record with an id owns it, valid or not; every later one is invalid.
    dated.n > coalesce(first.first_n, dated.n) AS duplicate
  FROM dated LEFT JOIN (SELECT id AS first_id, min(n) AS first_n FROM cells WHERE id IS NOT NULL GROUP BY id) AS first ON first.first_id = dated.id
),
checked AS (
  SELECT *,
    duplicate OR id IS NULL OR force IS NULL OR w_reported IS NULL
      OR (risk_assessed_on IS NOT NULL AND w_assessed IS NULL) OR (social_care_referred_on IS NOT NULL AND w_referred IS NULL)
      OR (strategy_discussion_on IS NOT NULL AND w_strategy IS NULL) OR (interviewed_on IS NOT NULL AND w_interviewed IS NULL)
      OR (suspect_arrested_on IS NOT NULL AND w_arrested IS NULL) OR (outcome_on IS NOT NULL AND w_outcome IS NULL)
      OR (child_age IS NOT NULL AND age IS NULL) OR (suspect_age IS NOT NULL AND suspect IS NULL)
      OR (outcome_code IS NOT NULL AND code IS NULL)
      OR (child_views_recorded IS NOT NULL AND views IS NULL) OR (child_disbelieved IS NOT NULL AND disbelieved IS NULL)
      OR (child_arrested IS NOT NULL AND arrested IS NULL) OR (arrest_minor IS NOT NULL AND minor IS NULL)
      OR (child_role IS NOT NULL AND role IS NULL) OR (risk_assessment_quality IS NOT NULL AND quality IS NULL)
      OR (risk_level IS NOT NULL AND risk IS NULL) OR (inspector_grade IS NOT NULL AND inspector IS NULL)
      OR NOT listed(concern, concerns, '{{alternatives(concern)}}')
      OR NOT listed(agencies_consulted, agencies, '{{alternatives(agencies_consulted)}}') AS invalid
  FROM typed
),
graded AS (
  SELECT force, invalid, {{grade}} AS grade
  FROM checked
)
-- One pass: an invalid record counts in its force's group (or "(not recorded)"), a valid one by its grade.
SELECT coalesce(force, '(not recorded)') AS name, count(*) FILTER (NOT invalid) AS graded,
  count(*) FILTER (NOT invalid AND grade <= 1) AS good, count(*) FILTER (NOT invalid AND grade = 2) AS adequate,
  count(*) FILTER (NOT invalid AND grade = 3) AS inadequate, count(*) FILTER (invalid) AS invalid
FROM graded
GROUP BY name
ORDER BY name;
