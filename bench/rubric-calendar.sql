-- The working-day calendar the benchmark's two queries share (bench/rubric.sql validates every value,
-- bench/rubric-fast.sql trusts them), and the rules' SQL (src/rules/<id>/rule.sql) counts delays
-- with. bench/duckdb.mjs runs this file first, filling in {{holidays}} (src/calendar/bank-holidays.ts),
-- {{first_year}} and {{last_year}} (the years a date may have, src/input/dates.ts).

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
