-- risk-assessment in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its limits are {{risk-assessment.good}} and {{risk-assessment.adequate}}, from rule.ts.
CREATE OR REPLACE MACRO risk_assessment(w_reported, w_assessed, quality) AS
  CASE WHEN w_assessed IS NULL OR quality = 'poor' OR delay(w_reported, w_assessed) > {{risk-assessment.adequate}} THEN 3
       WHEN delay(w_reported, w_assessed) > {{risk-assessment.good}} OR quality IS DISTINCT FROM 'good' THEN 2 ELSE 1 END;
