import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { caseJson } from "../../src/engine/case-json.js";
import { referenceRubric } from "../../src/engine/rubric.js";
import { scoreCase, type CaseResult } from "../../src/engine/score.js";
import { makeCase } from "../helpers/make-case.js";

// Any code points, lone surrogates, quotes, backslashes and control characters included.
const text = fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("good", "risk-assessment", 'a "quoted" \\ word', "\u2028", "\ud800", "tab\there"));
const grade = fc.constantFrom("good" as const, "adequate" as const, "inadequate" as const);
const finding = fc.record({ code: text, message: text, fields: fc.array(text, { maxLength: 3 }) });
const outcome = fc.record({
  id: text,
  rating: fc.constantFrom("good" as const, "adequate" as const, "inadequate" as const, "n/a" as const),
  findings: fc.array(finding, { maxLength: 3 }),
});
const result: fc.Arbitrary<CaseResult> = fc
  .record({ case_id: text, group: text, grade, reported_on: text, rules: fc.array(outcome, { maxLength: 6 }), inspector_grade: fc.option(grade, { nil: undefined }) })
  .map(({ inspector_grade, ...rest }) => (inspector_grade === undefined ? rest : { ...rest, inspector_grade }));

describe("caseJson", () => {
  test("writes exactly what JSON.stringify writes, for any case", () => {
    fc.assert(
      fc.property(result, (r) => {
        expect(caseJson(r)).toBe(JSON.stringify(r));
      }),
      { numRuns: 3000 },
    );
  });

  test("a case scored by the reference rubric, with and without an inspector's grade", () => {
    for (const record of [makeCase(), makeCase({ inspector_grade: "good" })]) {
      const scored = scoreCase(record, referenceRubric());
      if (!scored.ok) throw new Error("the case should grade");
      expect(caseJson(scored.result)).toBe(JSON.stringify(scored.result));
      expect(JSON.parse(caseJson(scored.result))).toEqual(scored.result);
    }
  });
});
