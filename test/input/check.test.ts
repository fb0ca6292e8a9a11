import fc from "fast-check";
import { expect, test } from "vitest";
import { checkFields } from "../../src/input/check.js";
import { TYPED_FIELDS, type FieldSpec } from "../../src/input/fields.js";
import { checkRecord } from "../../src/input/record.js";
import { runs } from "../helpers/runs.js";

/** A value of the field's kind that passes, in one of the forms the contract takes. */
function goodValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  const words = spec.values ?? [];
  switch (spec.kind) {
    case "text":
      return fc.string({ minLength: 1 }).filter((text) => text.trim() !== "");
    case "date":
      return fc.constantFrom("2015-07-03", "03/07/2015", "2015-07-03T09:15", " 2014-11-03 ");
    case "boolean":
      return fc.constantFrom("yes", "no", "true", "false", "Y", "N", true, false);
    case "integer":
      return fc.integer({ min: spec.min ?? 0, max: spec.max ?? 100 }).chain((n) => fc.constantFrom(n, String(n)));
    case "enum":
      return fc.constantFrom(...words, ...Object.keys(spec.aliases ?? {}));
    case "list":
      return fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(";"));
  }
}

/** Raw values a field may hold, from CSV (text) or JSON (any value): mostly good or empty, sometimes near misses and junk. */
function rawValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.constantFrom("", " ", "null", "maybe", "-1", "18", "2015-02-30", "07/25/2015", "social_care,health"),
    fc.integer({ min: -5, max: 130 }),
    fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
  );
  return fc.oneof({ weight: 20, arbitrary: goodValue(spec) }, { weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk });
}

/** Keys that are not typed fields: the private notes, extra, a stray column, an inherited name. */
const strayKeys = fc.dictionary(fc.constantFrom("notes", "extra", "team", "toString", "constructor"), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 });
const records = fc
  .tuple(fc.record(Object.fromEntries(TYPED_FIELDS.map((spec) => [spec.name, rawValue(spec)])), { requiredKeys: [] }), strayKeys)
  .map(([fields, stray]) => ({ ...stray, ...fields }));

test("the workers' check (no zod) gives the reference's zod check: the same record, or the same problems in order", () => {
  const seen = { ok: 0, problems: 0 };
  fc.assert(
    fc.property(records, fc.dictionary(fc.constantFrom("team", "district"), fc.string()), (fields, extra) => {
      const reference = checkRecord(fields, extra);
      const fast = checkFields(fields, extra);
      expect(fast).toEqual(reference);
      if (fast.ok && reference.ok) expect(Object.keys(fast.record)).toEqual(Object.keys(reference.record));
      seen[fast.ok ? "ok" : "problems"]++;
    }),
    { numRuns: runs(2000) },
  );
  // Both outcomes were tried, many times each.
  expect(Math.min(seen.ok, seen.problems)).toBeGreaterThan(runs(2000) / 20);
});
