-- multi-agency in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- {{any(concern, significant_harm)}}: a concern is of significant harm (src/rules/_concerns.ts);
-- {{any(concern, multi-agency.health_for)}}: a concern needs a health agency (rule.ts's option).
CREATE OR REPLACE MACRO multi_agency(w_social_care_referred_on, w_strategy_discussion_on, risk_level, concern, agencies_consulted) AS
  CASE WHEN NOT (w_social_care_referred_on IS NOT NULL OR has(agencies_consulted, 'social_care'))
         OR ((risk_level = 'high' OR {{any(concern, significant_harm)}}) AND w_strategy_discussion_on IS NULL)
         OR ({{any(concern, multi-agency.health_for)}} AND NOT has(agencies_consulted, 'health')) THEN 3
       WHEN has(agencies_consulted, 'health') OR has(agencies_consulted, 'education') OR has(agencies_consulted, 'youth_justice') OR has(agencies_consulted, 'probation')
         OR has(agencies_consulted, 'other') THEN 1
       ELSE 2 END;
