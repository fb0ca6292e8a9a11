-- multi-agency in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- {{any(concerns, significant_harm)}}: a concern is of significant harm (src/rules/_concerns.ts);
-- {{any(concerns, multi-agency.health_for)}}: a concern needs a health agency (rule.ts's option).
CREATE OR REPLACE MACRO multi_agency(w_referred, w_strategy, risk, concerns, agencies) AS
  CASE WHEN NOT (w_referred IS NOT NULL OR has(agencies, 'social_care'))
         OR ((risk = 'high' OR {{any(concerns, significant_harm)}}) AND w_strategy IS NULL)
         OR ({{any(concerns, multi-agency.health_for)}} AND NOT has(agencies, 'health')) THEN 3
       WHEN has(agencies, 'health') OR has(agencies, 'education') OR has(agencies, 'youth_justice') OR has(agencies, 'probation')
         OR has(agencies, 'other') THEN 1
       ELSE 2 END;
