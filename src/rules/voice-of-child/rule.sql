-- voice-of-child in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its age is {{voice-of-child.min_age}}, from rule.ts.
CREATE OR REPLACE MACRO voice_of_child(child_age, child_views_recorded) AS CASE WHEN child_age < {{voice-of-child.min_age}} THEN 0 WHEN child_views_recorded IS TRUE THEN 1 ELSE 2 END;
