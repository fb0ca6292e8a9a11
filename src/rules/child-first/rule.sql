-- child-first in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its ages are {{child-first.<option>}}, from rule.ts; {{any(concerns, sexual)}}: a concern is sexual
-- (src/rules/_concerns.ts).
CREATE OR REPLACE MACRO child_first(age, suspect, role, concerns, disbelieved, arrested, minor) AS
  CASE WHEN disbelieved IS TRUE OR (arrested IS TRUE AND minor IS TRUE) OR (role = 'suspect' AND {{any(concerns, sexual)}})
         OR (age < {{child-first.consent_age}} AND suspect >= {{child-first.adult_age}} AND {{any(concerns, sexual)}}
             AND role IS DISTINCT FROM 'victim' AND role IS DISTINCT FROM 'victim_and_suspect')
         OR (age < {{child-first.criminal_responsibility_age}} AND role IN ('suspect', 'victim_and_suspect')) THEN 3
       WHEN role = 'victim_and_suspect' OR arrested IS TRUE OR role IS NULL OR role = 'unknown' THEN 2
       ELSE 1 END;
