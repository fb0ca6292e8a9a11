import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CaseJsonWriter } from "../../src/engine/case-json.js";
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

/** The writer's bytes for some cases, one after another, each case's length, and whether it said they are ASCII. */
function written(results: readonly CaseResult[], size = 8): { bytes: Buffer; lengths: number[]; ascii: boolean } {
  const writer = new CaseJsonWriter(Buffer.alloc(size));
  const lengths = results.map((r) => writer.write(r));
  return { bytes: writer.buf.subarray(0, writer.length), lengths, ascii: writer.ascii };
}

describe("CaseJsonWriter", () => {
  test("writes exactly the UTF-8 of what JSON.stringify writes, for any cases, and says when it is all ASCII", () => {
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (results, size) => {
        const expected = results.map((r) => Buffer.from(JSON.stringify(r)));
        const { bytes, lengths, ascii } = written(results, size);
        expect(bytes.toString()).toBe(expected.map(String).join(""));
        expect(bytes.equals(Buffer.concat(expected))).toBe(true);
        expect(lengths).toEqual(expected.map((b) => b.length));
        expect(ascii).toBe(results.every((r) => JSON.stringify(r).length === Buffer.byteLength(JSON.stringify(r))));
      }),
      { numRuns: 3000 },
    );
  });

  test("a finding code or group seen with other fields, messages or grades is written as it stands", () => {
    const base: CaseResult = { case_id: "A-1", group: "Avon", grade: "good", reported_on: "2015-07-01", rules: [] };
    const finding = (message: string, fields: string[]) => ({ id: "r", rating: "adequate" as const, findings: [{ code: "c", message, fields }] });
    const results: CaseResult[] = [
      { ...base, rules: [finding("first", ["a"])] },
      { ...base, grade: "inadequate", rules: [finding("second", ["a"]), finding("first", ["b", "c"])] },
      { ...base, group: "Dyfed-Powys", grade: "adequate", rules: [finding("first", ["a"])], inspector_grade: "good" },
      { ...base, rules: [finding("first", [])] },
    ];
    expect(written(results).bytes.toString()).toBe(results.map((r) => JSON.stringify(r)).join(""));
  });

  test("a finding whose message is not ASCII, met again in a later chunk, still marks that chunk's bytes not ASCII", () => {
    const result: CaseResult = {
      case_id: "A-1",
      group: "Avon",
      grade: "adequate",
      reported_on: "2015-07-01",
      rules: [{ id: "r", rating: "adequate", findings: [{ code: "not-ascii-message", message: "café closed", fields: ["x"] }] }],
    };
    const writer = new CaseJsonWriter(Buffer.alloc(64));
    for (let chunk = 0; chunk < 2; chunk++) {
      writer.reset(writer.buf);
      writer.write(result);
      expect(writer.ascii).toBe(false);
      expect(writer.buf.subarray(0, writer.length).toString()).toBe(JSON.stringify(result));
    }
  });

  test("a case scored by the reference rubric, with and without an inspector's grade", () => {
    for (const record of [makeCase(), makeCase({ inspector_grade: "good" })]) {
      const scored = scoreCase(record, referenceRubric());
      if (!scored.ok) throw new Error("the case should grade");
      const json = written([scored.result]).bytes.toString();
      expect(json).toBe(JSON.stringify(scored.result));
      expect(JSON.parse(json)).toEqual(scored.result);
    }
  });
});
