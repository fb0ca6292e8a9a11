-- risk-assessment in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its limits are {{risk-assessment.good}} and {{risk-assessment.adequate}}, from rule.ts.
CREATE OR REPLACE MACRO risk_assessment(w_reported_on, w_risk_assessed_on, risk_assessment_quality) AS
  CASE WHEN w_risk_assessed_on IS NULL OR risk_assessment_quality = 'poor' OR delay(w_reported_on, w_risk_assessed_on) > {{risk-assessment.adequate}} THEN 3
       WHEN delay(w_reported_on, w_risk_assessed_on) > {{risk-assessment.good}} OR risk_assessment_quality IS DISTINCT FROM 'good' THEN 2 ELSE 1 END;
