-- voice-of-child in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its age is {{voice-of-child.min_age}}, from rule.ts.
CREATE OR REPLACE MACRO voice_of_child(age, views) AS CASE WHEN age < {{voice-of-child.min_age}} THEN 0 WHEN views IS TRUE THEN 1 ELSE 2 END;
