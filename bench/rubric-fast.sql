-- The reference rubric's table as the fastest DuckDB query we could write, validating nothing: it
-- gives `audit score`'s table only on a file of valid records with ISO dates (YYYY-MM-DD, maybe
-- with a time, and list words written with `_`, in any case), such as `node bench/generate.mjs ROWS
-- FILE --clean` writes; on any other file it fails or gives another table. bench/duckdb.mjs runs
-- bench/rubric-calendar.sql (the calendar) first, then this file's macros, then each rule's
-- src/rules/<id>/rule.sql, and fills in {{file}} and {{grade}} (the worst of the rules' ratings,
-- each rule's macro called on the columns of `cases` its parameters name).
-- What makes it fast: the CSV reader types the columns itself (dates, integers, yes/no), only the
-- columns the rules read are converted, working days are two lookups in a list, not joins, a list
-- word is found by `contains` (no word of a list is part of another), and nothing is kept per
-- record: one pass, one group-by.

-- Whether a list (lower case) includes a word.
CREATE OR REPLACE MACRO has(list, word) AS contains(list, word);


WITH
cases AS (
  SELECT force,
    working_day(reported_on) AS w_reported, working_day(risk_assessed_on) AS w_assessed,
    working_day(social_care_referred_on) AS w_referred, working_day(strategy_discussion_on) AS w_strategy,
    working_day(interviewed_on) AS w_interviewed, working_day(suspect_arrested_on) AS w_arrested,
    lower(risk_assessment_quality) AS quality, replace(replace(lower(child_role), '-', '_'), ' ', '_') AS role,
    child_age AS age, suspect_age AS suspect, child_views_recorded AS views, child_disbelieved AS disbelieved,
    child_arrested AS arrested, arrest_minor AS minor, lower(risk_level) AS risk,
    coalesce(lower(concern), '') AS concerns, coalesce(lower(agencies_consulted), '') AS agencies
  FROM calendar, read_csv('{{file}}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {'case_id': 'VARCHAR', 'force': 'VARCHAR', 'reported_on': 'DATE', 'child_age': 'INTEGER', 'concern': 'VARCHAR',
      'child_role': 'VARCHAR', 'child_views_recorded': 'BOOLEAN', 'child_disbelieved': 'BOOLEAN', 'child_arrested': 'BOOLEAN',
      'arrest_minor': 'BOOLEAN', 'suspect_age': 'INTEGER', 'risk_assessed_on': 'DATE', 'risk_assessment_quality': 'VARCHAR',
      'risk_level': 'VARCHAR', 'social_care_referred_on': 'DATE', 'strategy_discussion_on': 'DATE', 'agencies_consulted': 'VARCHAR',
      'interviewed_on': 'DATE', 'suspect_arrested_on': 'DATE', 'outcome_code': 'VARCHAR', 'outcome_on': 'VARCHAR',
      'inspector_grade': 'VARCHAR', 'notes': 'VARCHAR'})
),
graded AS (
  SELECT force, {{grade}} AS grade
  FROM cases
)
SELECT force AS name, count(*) AS graded, count(*) FILTER (grade <= 1) AS good, count(*) FILTER (grade = 2) AS adequate,
       count(*) FILTER (grade = 3) AS inadequate, 0 AS invalid
FROM graded
GROUP BY force
ORDER BY force;
