-- timeliness in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its limits are {{timeliness.<milestone>.good}} and {{timeliness.<milestone>.adequate}}, from rule.ts.
CREATE OR REPLACE MACRO timeliness_milestone(w_from, w_to, good, adequate) AS
  CASE WHEN w_to IS NULL THEN 0 WHEN delay(w_from, w_to) <= good THEN 1 WHEN delay(w_from, w_to) <= adequate THEN 2 ELSE 3 END;
-- The worst recorded milestone; the strategy discussion counts from the referral when there is one.
CREATE OR REPLACE MACRO timeliness(w_reported_on, w_social_care_referred_on, w_strategy_discussion_on, w_interviewed_on, w_suspect_arrested_on) AS greatest(
  timeliness_milestone(w_reported_on, w_social_care_referred_on, {{timeliness.referral.good}}, {{timeliness.referral.adequate}}),
  timeliness_milestone(coalesce(w_social_care_referred_on, w_reported_on), w_strategy_discussion_on, {{timeliness.strategy_discussion.good}}, {{timeliness.strategy_discussion.adequate}}),
  timeliness_milestone(w_reported_on, w_interviewed_on, {{timeliness.interview.good}}, {{timeliness.interview.adequate}}),
  timeliness_milestone(w_reported_on, w_suspect_arrested_on, {{timeliness.suspect_arrest.good}}, {{timeliness.suspect_arrest.adequate}}));
