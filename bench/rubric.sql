-- The reference rubric over a case file as one DuckDB query: what an analyst would write instead
-- of running `audit`. bench/duckdb.mjs fills in {{file}}, {{holidays}} (the England and Wales
-- bank holidays of src/calendar/bank-holidays.ts), each rule's thresholds as {{rule-id.option}}
-- (its default, from src/rules/<id>/rule.ts) and each list of concerns a rule reads as
-- {{any(column, list)}}; it runs the macros, then the query, and bench/run.mjs checks that its
-- table is audit's. The thresholds are written only in the rules: this query states the checks.
-- It validates the value forms the benchmark's files hold (both date forms with or without a
-- time, yes/no words, enum words in any case with a space or hyphen for _, ;-lists, integer
-- ranges, required fields) and the duplicate-id rule, with the plain functions an analyst would
-- use (try_strptime, try_cast, replace), not audit's exact edge cases (runs of spaces, years).

-- A cell as the rules read it: trimmed, NULL when empty.
CREATE OR REPLACE MACRO cell(x) AS nullif(trim(x), '');
-- ISO or UK day-first, maybe with a time: the date part, or NULL.
CREATE OR REPLACE MACRO day_of(x) AS CASE WHEN substr(x, 5, 1) = '-' THEN try_cast(left(x, 10) AS DATE)
  WHEN substr(x, 3, 1) = '/' AND substr(x, 6, 1) = '/' THEN try_cast(substr(x, 7, 4) || '-' || substr(x, 4, 2) || '-' || left(x, 2) AS DATE)
  ELSE CAST(try_strptime(split_part(split_part(x, ' ', 1), 'T', 1), '%d/%m/%Y') AS DATE) END;
CREATE OR REPLACE MACRO whole(x, lo, hi) AS CASE WHEN try_cast(x AS BIGINT) BETWEEN lo AND hi THEN try_cast(x AS BIGINT) END;
CREATE OR REPLACE MACRO yes_no(x) AS
  CASE WHEN lower(x) IN ('yes', 'y', 'true', '1') THEN true WHEN lower(x) IN ('no', 'n', 'false', '0') THEN false END;
CREATE OR REPLACE MACRO word(x) AS replace(replace(lower(x), '-', '_'), ' ', '_');
CREATE OR REPLACE MACRO one_of(x, words) AS CASE WHEN list_contains(words, word(x)) THEN word(x) END;
-- A ;-list, its words normalised; `listed` says whether each one is among the allowed ones.
CREATE OR REPLACE MACRO items(x) AS ';' || replace(word(coalesce(x, '')), '_;_', ';') || ';';
CREATE OR REPLACE MACRO listed_concerns(x) AS x IS NULL OR (NOT (contains(x, ',') AND NOT contains(x, ';')) AND regexp_full_match(word(x),
  '(_*(sexual_abuse|physical_abuse|neglect|emotional_abuse|cse|online_abuse|domestic_abuse|missing|other)_*)?(;(_*(sexual_abuse|physical_abuse|neglect|emotional_abuse|cse|online_abuse|domestic_abuse|missing|other)_*)?)*'));
CREATE OR REPLACE MACRO listed_agencies(x) AS x IS NULL OR (NOT (contains(x, ',') AND NOT contains(x, ';')) AND regexp_full_match(word(x),
  '(_*(social_care|health|education|youth_justice|probation|other)_*)?(;(_*(social_care|health|education|youth_justice|probation|other)_*)?)*'));
CREATE OR REPLACE MACRO has(list, word) AS contains(list, ';' || word || ';');

WITH
raw AS (
  SELECT row_number() OVER () AS n, *
  FROM read_csv('{{file}}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
calendar AS (
  SELECT d::DATE AS day,
         sum(CASE WHEN isodow(d) <= 5 AND d::DATE NOT IN ({{holidays}}) THEN 1 ELSE 0 END) OVER (ORDER BY d) AS worked
  FROM generate_series(DATE '1990-01-01', DATE '2060-12-31', INTERVAL 1 DAY) AS t(d)
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
typed AS (
  SELECT *,
    day_of(reported_on) AS reported, day_of(risk_assessed_on) AS assessed, day_of(social_care_referred_on) AS referred,
    day_of(strategy_discussion_on) AS strategy, day_of(interviewed_on) AS interviewed,
    day_of(suspect_arrested_on) AS arrested, day_of(outcome_on) AS outcome_day,
    whole(child_age, 0, 17) AS age, whole(suspect_age, 0, 120) AS suspect, whole(outcome_code, 1, 22) AS code,
    yes_no(child_views_recorded) AS views, yes_no(child_disbelieved) AS disbelieved,
    yes_no(child_arrested) AS child_held, yes_no(arrest_minor) AS minor,
    one_of(child_role, ['victim', 'suspect', 'victim_and_suspect', 'witness', 'unknown']) AS role,
    one_of(risk_assessment_quality, ['good', 'adequate', 'poor']) AS quality,
    one_of(risk_level, ['standard', 'medium', 'high']) AS risk,
    one_of(inspector_grade, ['good', 'adequate', 'inadequate', 'requires_improvement']) AS inspector,
    items(concern) AS concerns, items(agencies_consulted) AS agencies,
    -- The first record with an id owns it, valid or not; every later one is invalid.
    cells.n > coalesce(first.first_n, cells.n) AS duplicate
  FROM cells LEFT JOIN (SELECT id AS first_id, min(n) AS first_n FROM cells WHERE id IS NOT NULL GROUP BY id) AS first ON first.first_id = cells.id
),
checked AS (
  SELECT *,
    duplicate OR id IS NULL OR force IS NULL OR reported IS NULL
      OR (risk_assessed_on IS NOT NULL AND assessed IS NULL) OR (social_care_referred_on IS NOT NULL AND referred IS NULL)
      OR (strategy_discussion_on IS NOT NULL AND strategy IS NULL) OR (interviewed_on IS NOT NULL AND interviewed IS NULL)
      OR (suspect_arrested_on IS NOT NULL AND arrested IS NULL) OR (outcome_on IS NOT NULL AND outcome_day IS NULL)
      OR (child_age IS NOT NULL AND age IS NULL) OR (suspect_age IS NOT NULL AND suspect IS NULL)
      OR (outcome_code IS NOT NULL AND code IS NULL)
      OR (child_views_recorded IS NOT NULL AND views IS NULL) OR (child_disbelieved IS NOT NULL AND disbelieved IS NULL)
      OR (child_arrested IS NOT NULL AND child_held IS NULL) OR (arrest_minor IS NOT NULL AND minor IS NULL)
      OR (child_role IS NOT NULL AND role IS NULL) OR (risk_assessment_quality IS NOT NULL AND quality IS NULL)
      OR (risk_level IS NOT NULL AND risk IS NULL) OR (inspector_grade IS NOT NULL AND inspector IS NULL)
      OR NOT listed_concerns(concern) OR NOT listed_agencies(agencies_consulted) AS invalid
  FROM typed
),
days AS (
  -- Working days between two dates: the difference of their running counts, never below 0.
  SELECT c.*,
    greatest(ca.worked - cr.worked, 0) AS d_assessed,
    greatest(cf.worked - cr.worked, 0) AS d_referred,
    greatest(cs.worked - coalesce(cf.worked, cr.worked), 0) AS d_strategy,
    greatest(ci.worked - cr.worked, 0) AS d_interviewed,
    greatest(cx.worked - cr.worked, 0) AS d_arrested
  FROM checked c
  LEFT JOIN calendar cr ON cr.day = c.reported
  LEFT JOIN calendar ca ON ca.day = c.assessed
  LEFT JOIN calendar cf ON cf.day = c.referred
  LEFT JOIN calendar cs ON cs.day = c.strategy
  LEFT JOIN calendar ci ON ci.day = c.interviewed
  LEFT JOIN calendar cx ON cx.day = c.arrested
  WHERE NOT c.invalid
),
rated AS (
  SELECT force,
    -- risk-assessment
    CASE WHEN assessed IS NULL OR quality = 'poor' OR d_assessed > {{risk-assessment.adequate}} THEN 3
         WHEN d_assessed > {{risk-assessment.good}} OR quality IS DISTINCT FROM 'good' THEN 2 ELSE 1 END AS r_risk,
    -- timeliness: the worst recorded milestone, 0 when none is
    greatest(
      CASE WHEN referred IS NULL THEN 0 WHEN d_referred <= {{timeliness.referral.good}} THEN 1 WHEN d_referred <= {{timeliness.referral.adequate}} THEN 2 ELSE 3 END,
      CASE WHEN strategy IS NULL THEN 0 WHEN d_strategy <= {{timeliness.strategy_discussion.good}} THEN 1 WHEN d_strategy <= {{timeliness.strategy_discussion.adequate}} THEN 2 ELSE 3 END,
      CASE WHEN interviewed IS NULL THEN 0 WHEN d_interviewed <= {{timeliness.interview.good}} THEN 1 WHEN d_interviewed <= {{timeliness.interview.adequate}} THEN 2 ELSE 3 END,
      CASE WHEN arrested IS NULL THEN 0 WHEN d_arrested <= {{timeliness.suspect_arrest.good}} THEN 1 WHEN d_arrested <= {{timeliness.suspect_arrest.adequate}} THEN 2 ELSE 3 END) AS r_time,
    -- child-first
    CASE WHEN disbelieved IS TRUE OR (child_held IS TRUE AND minor IS TRUE)
           OR (role = 'suspect' AND {{any(concerns, sexual)}})
           OR (age < {{child-first.consent_age}} AND suspect >= {{child-first.adult_age}} AND {{any(concerns, sexual)}}
               AND role IS DISTINCT FROM 'victim' AND role IS DISTINCT FROM 'victim_and_suspect')
           OR (age < {{child-first.criminal_responsibility_age}} AND role IN ('suspect', 'victim_and_suspect')) THEN 3
         WHEN role = 'victim_and_suspect' OR child_held IS TRUE OR role IS NULL OR role = 'unknown' THEN 2
         ELSE 1 END AS r_child,
    -- multi-agency
    CASE WHEN NOT (referred IS NOT NULL OR has(agencies, 'social_care'))
           OR ((risk = 'high' OR {{any(concerns, significant_harm)}}) AND strategy IS NULL)
           OR ({{any(concerns, multi-agency.health_for)}} AND NOT has(agencies, 'health')) THEN 3
         WHEN has(agencies, 'health') OR has(agencies, 'education') OR has(agencies, 'youth_justice') OR has(agencies, 'probation') OR has(agencies, 'other') THEN 1
         ELSE 2 END AS r_agency,
    -- voice-of-child
    CASE WHEN age < {{voice-of-child.min_age}} THEN 0 WHEN views IS TRUE THEN 1 ELSE 2 END AS r_voice
  FROM days
)
SELECT name, sum(graded)::BIGINT AS graded, sum(good)::BIGINT AS good, sum(adequate)::BIGINT AS adequate,
       sum(inadequate)::BIGINT AS inadequate, sum(invalid)::BIGINT AS invalid
FROM (
  SELECT force AS name, 1 AS graded, (grade <= 1)::INT AS good, (grade = 2)::INT AS adequate, (grade = 3)::INT AS inadequate, 0 AS invalid
  FROM (SELECT force, greatest(r_risk, r_time, r_child, r_agency, r_voice) AS grade FROM rated)
  UNION ALL
  SELECT coalesce(force, '(not recorded)'), 0, 0, 0, 0, 1 FROM checked WHERE invalid
)
GROUP BY name
ORDER BY name;
