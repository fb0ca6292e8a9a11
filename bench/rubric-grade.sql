-- The reference rubric's grade of a case in DuckDB, shared by the benchmark's two queries
-- (bench/rubric.sql validates every value, bench/rubric-fast.sql trusts them): the working-day
-- calendar and one macro per rule. bench/duckdb.mjs runs this file before either query, filling in
-- {{holidays}} (src/calendar/bank-holidays.ts), {{first_year}} and {{last_year}} (the years a date
-- may have, src/input/dates.ts) and each rule's thresholds as {{rule-id.option}} (its default, from
-- src/rules/<id>/rule.ts): the thresholds are written only in the rules; this file states the checks.

-- Working days up to each day of the years a date may have, as one list indexed by day: the
-- working days between two dates are the difference of two lookups (never below 0), without a join.
-- A query reads it by cross-joining `calendar` (one row) and calling working_day(date).
CREATE OR REPLACE TABLE calendar AS
SELECT list(worked ORDER BY day) AS worked FROM (
  SELECT day, sum(CASE WHEN isodow(day) <= 5 AND day::DATE NOT IN ({{holidays}}) THEN 1 ELSE 0 END) OVER (ORDER BY day)::INTEGER AS worked
  FROM generate_series(DATE '{{first_year}}-01-01', DATE '{{last_year}}-12-31', INTERVAL 1 DAY) AS t(day)
);
-- A date's working-day number; NULL for no date, or one outside the years a date may have.
CREATE OR REPLACE MACRO working_day(d) AS worked[d - DATE '{{first_year}}-01-01' + 1];
CREATE OR REPLACE MACRO delay(w_from, w_to) AS greatest(w_to - w_from, 0);

-- Each rule's rating: 0 n/a, 1 good, 2 adequate, 3 inadequate. Dates come as working-day numbers
-- (w_...), NULL when not recorded; yes/no fields as booleans; words normalised (lower case, `_`).
CREATE OR REPLACE MACRO risk_assessment(w_reported, w_assessed, quality) AS
  CASE WHEN w_assessed IS NULL OR quality = 'poor' OR delay(w_reported, w_assessed) > {{risk-assessment.adequate}} THEN 3
       WHEN delay(w_reported, w_assessed) > {{risk-assessment.good}} OR quality IS DISTINCT FROM 'good' THEN 2 ELSE 1 END;
CREATE OR REPLACE MACRO milestone(w_from, w_to, good, adequate) AS
  CASE WHEN w_to IS NULL THEN 0 WHEN delay(w_from, w_to) <= good THEN 1 WHEN delay(w_from, w_to) <= adequate THEN 2 ELSE 3 END;
-- The worst recorded milestone; the strategy discussion counts from the referral when there is one.
CREATE OR REPLACE MACRO timeliness(w_reported, w_referred, w_strategy, w_interviewed, w_arrested) AS greatest(
  milestone(w_reported, w_referred, {{timeliness.referral.good}}, {{timeliness.referral.adequate}}),
  milestone(coalesce(w_referred, w_reported), w_strategy, {{timeliness.strategy_discussion.good}}, {{timeliness.strategy_discussion.adequate}}),
  milestone(w_reported, w_interviewed, {{timeliness.interview.good}}, {{timeliness.interview.adequate}}),
  milestone(w_reported, w_arrested, {{timeliness.suspect_arrest.good}}, {{timeliness.suspect_arrest.adequate}}));
-- `sexual`: the concerns include a sexual one ({{any(concerns, sexual)}} in a query).
CREATE OR REPLACE MACRO child_first(age, suspect_age, role, sexual, disbelieved, arrested, minor) AS
  CASE WHEN disbelieved IS TRUE OR (arrested IS TRUE AND minor IS TRUE) OR (role = 'suspect' AND sexual)
         OR (age < {{child-first.consent_age}} AND suspect_age >= {{child-first.adult_age}} AND sexual AND role IS DISTINCT FROM 'victim' AND role IS DISTINCT FROM 'victim_and_suspect')
         OR (age < {{child-first.criminal_responsibility_age}} AND role IN ('suspect', 'victim_and_suspect')) THEN 3
       WHEN role = 'victim_and_suspect' OR arrested IS TRUE OR role IS NULL OR role = 'unknown' THEN 2
       ELSE 1 END;
-- `harm`: the risk is high or a concern is of significant harm ({{any(concerns, significant_harm)}});
-- `needs_health`: a concern that needs a health agency ({{any(concerns, multi-agency.health_for)}});
-- `social_care`, `health`: those agencies consulted; `others`: an agency other than social care consulted.
CREATE OR REPLACE MACRO multi_agency(w_referred, w_strategy, harm, needs_health, social_care, health, others) AS
  CASE WHEN NOT (w_referred IS NOT NULL OR social_care) OR (harm AND w_strategy IS NULL) OR (needs_health AND NOT health) THEN 3
       WHEN others THEN 1 ELSE 2 END;
CREATE OR REPLACE MACRO voice_of_child(age, views) AS CASE WHEN age < {{voice-of-child.min_age}} THEN 0 WHEN views IS TRUE THEN 1 ELSE 2 END;
-- The worst rating of the five (reference strategy `worst`): 3 inadequate, 2 adequate, 1 or 0 good.
