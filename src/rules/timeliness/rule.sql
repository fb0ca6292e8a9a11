-- timeliness in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its limits are {{timeliness.<milestone>.good}} and {{timeliness.<milestone>.adequate}}, from rule.ts.
CREATE OR REPLACE MACRO timeliness_milestone(w_from, w_to, good, adequate) AS
  CASE WHEN w_to IS NULL THEN 0 WHEN delay(w_from, w_to) <= good THEN 1 WHEN delay(w_from, w_to) <= adequate THEN 2 ELSE 3 END;
-- The worst recorded milestone; the strategy discussion counts from the referral when there is one.
CREATE OR REPLACE MACRO timeliness(w_reported, w_referred, w_strategy, w_interviewed, w_arrested) AS greatest(
  timeliness_milestone(w_reported, w_referred, {{timeliness.referral.good}}, {{timeliness.referral.adequate}}),
  timeliness_milestone(coalesce(w_referred, w_reported), w_strategy, {{timeliness.strategy_discussion.good}}, {{timeliness.strategy_discussion.adequate}}),
  timeliness_milestone(w_reported, w_interviewed, {{timeliness.interview.good}}, {{timeliness.interview.adequate}}),
  timeliness_milestone(w_reported, w_arrested, {{timeliness.suspect_arrest.good}}, {{timeliness.suspect_arrest.adequate}}));
