-- child-first in DuckDB, for the benchmark's queries: see bench/_rule-sql.mjs.
-- Its ages are {{child-first.<option>}}, from rule.ts; {{any(concern, sexual)}}: a concern is sexual
-- (src/rules/_concerns.ts).
CREATE OR REPLACE MACRO child_first(child_age, suspect_age, child_role, concern, child_disbelieved, child_arrested, arrest_minor) AS
  CASE WHEN child_disbelieved IS TRUE OR (child_arrested IS TRUE AND arrest_minor IS TRUE) OR (child_role = 'suspect' AND {{any(concern, sexual)}})
         OR (child_age < {{child-first.consent_age}} AND suspect_age >= {{child-first.adult_age}} AND {{any(concern, sexual)}}
             AND child_role IS DISTINCT FROM 'victim' AND child_role IS DISTINCT FROM 'victim_and_suspect')
         OR (child_age < {{child-first.criminal_responsibility_age}} AND child_role IN ('suspect', 'victim_and_suspect')) THEN 3
       WHEN child_role = 'victim_and_suspect' OR child_arrested IS TRUE OR child_role IS NULL OR child_role = 'unknown' THEN 2
       ELSE 1 END;
