import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { referenceRubric } from "../../src/engine/rubric.js";
import type { ColumnMapping } from "../../src/input/mapping.js";
import { tempFiles } from "./_csv.js";
import { caseFiles, rubrics } from "./_generate.js";
import { DECLARATIVE_RUBRIC, PLUGIN_RUBRIC } from "./_rubrics.js";
import { fast, reference, type Settings } from "./_runs.js";

const file = tempFiles();

const settings: fc.Arbitrary<Settings> = fc.record({
  groupBy: fc.constantFrom("force", "force", "child_role", "reported_on", "concern", "team", "child_age", "notes", "constructor", "nope"),
  mapping: fc.option(
    fc.constantFrom<ColumnMapping>(
      { values: { child_role: { V: "victim" } } },
      { values: { case_id: { "NFK-1": "NFK-9" }, force: { Norfolk: "Suffolk" } } },
      { columns: { "Child-Role": "child_age" } },
      { columns: { Team: "force" } },
      {
        values: { agencies_consulted: { "Children's Social Care": "social_care", CSC: "social_care", "Youth Offending": "youth_justice" } },
        listSeparators: { agencies_consulted: ",", concern: "|" },
      },
      { values: { concern: { "Sexual Abuse, CSE": "sexual_abuse;cse", "online abuse": "online_abuse" } }, listSeparators: { concern: "," } },
      { dateFormats: ["DD.MM.YY", "D MMM YYYY", "DD-MMM-YYYY"], twoDigitYearPivot: 50 },
      { dateFormats: ["DD.MM.YYYY HH:mm", "DD.MM.YYYY H:mm", "DD.MM.YY"] },
    ),
    { nil: undefined },
  ),
  maxFieldBytes: fc.option(fc.constantFrom(12, 40, 200), { nil: undefined }),
  expectedColumns: fc.option(fc.constant(new Set(["team"])), { nil: undefined }),
  // The reference rubric; built-in rules with other options, weights and strategies (points among them);
  // plugin rules (one failing on some cases); a rule written in the config.
  rubric: fc.oneof(fc.constant(referenceRubric()), rubrics, fc.constantFrom(PLUGIN_RUBRIC, DECLARATIVE_RUBRIC)),
});

describe("the fast path gives the reference pipeline's results, record for record", () => {
  test("on generated case files, graded case by case (JSON mode)", async () => {
    await fc.assert(
      fc.asyncProperty(caseFiles, settings, fc.integer({ min: 1, max: 400 }), fc.boolean(), async (generated, s, chunkBytes, firstPass) => {
        const path = file("cases.csv", generated.bytes);
        expect(await fast(path, s, { chunkBytes, firstPassFromRecords: firstPass ? 0 : Infinity })).toEqual(await reference(path, s));
      }),
      { numRuns: 150 },
    );
  });

  test("on generated case files, grades only (the rules rate, no findings)", async () => {
    await fc.assert(
      fc.asyncProperty(caseFiles, settings, fc.integer({ min: 1, max: 400 }), fc.boolean(), async (generated, s, chunkBytes, firstPass) => {
        const path = file("cases.csv", generated.bytes);
        const expected = await reference(path, s);
        const actual = await fast(path, s, { wantCases: false, chunkBytes, firstPassFromRecords: firstPass ? 0 : Infinity });
        expect(actual).toEqual({ ...expected, cases: [] });
      }),
      { numRuns: 150 },
    );
  });
});
