import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import type { ScoredInvalid } from "../../src/engine/invalid.js";
import { runAudit } from "../../src/engine/run.js";
import { scoreCase, type CaseResult } from "../../src/engine/score.js";
import { readCases } from "../../src/input/read.js";
import { defineRule, type Rule } from "../../src/rules/define-rule.js";
import { makeCase } from "../helpers/make-case.js";

function withPlugin(evaluate: () => unknown, id = "custom"): Rubric {
  const rule = defineRule({ id, description: "a plugin rule", fields: [], evaluate: evaluate as Rule["evaluate"] });
  const rubric = referenceRubric();
  return { ...rubric, rules: [...rubric.rules, { rule, options: {}, critical: false, source: "./custom.mjs" }] };
}

describe("scoreCase", () => {
  test("the reference rubric grades a case", () => {
    const scored = scoreCase(makeCase(), referenceRubric());
    expect(scored.ok && scored.result.grade).toBe("inadequate");
  });

  test("without findings wanted (the tables alone), a case keeps its grade and carries none, even after one with findings", () => {
    const rubric = referenceRubric();
    const explained = scoreCase(makeCase(), rubric);
    const unexplained = scoreCase(makeCase(), rubric, "Kent", false);
    if (!explained.ok || !unexplained.ok) throw new Error("not scored");
    expect(explained.result.rules.some((r) => r.findings.length > 0)).toBe(true);
    expect(unexplained.result.grade).toBe(explained.result.grade);
    expect(unexplained.result.rules.map((r) => r.rating)).toEqual(explained.result.rules.map((r) => r.rating));
    expect(unexplained.result.rules.flatMap((r) => r.findings)).toEqual([]);
  });

  test("a plugin rule's result joins the case", () => {
    const scored = scoreCase(makeCase(), withPlugin(() => ({ rating: "n/a", findings: [] })));
    expect(scored.ok && scored.result.rules.map((r) => r.id)).toContain("custom");
  });

  test.each<[string, () => unknown, RegExp]>([
    ["throws", () => { throw new Error("bad column\nsecond line"); }, /^bad column second line$/],
    ["throws a string", () => { throw "oops"; }, /^oops$/],
    ["returns nothing", () => undefined, /^returned a malformed result/],
    ["returns an unknown rating", () => ({ rating: "ok", findings: [] }), /malformed result \(rating: /],
    ["returns findings without messages", () => ({ rating: "good", findings: [{ code: "x", fields: [] }] }), /findings\.0\.message/],
    ["returns a promise", () => Promise.resolve({ rating: "good", findings: [] }), /returned a Promise/],
  ])("a plugin rule that %s fails the case, against its id", (_name, evaluate, message) => {
    const scored = scoreCase(makeCase(), withPlugin(evaluate));
    expect(scored.ok).toBe(false);
    if (scored.ok) return;
    expect(scored.case_id).toBe("TEST-0001");
    expect(scored.failures).toHaveLength(1);
    expect(scored.failures[0]!.id).toBe("custom");
    expect(scored.failures[0]!.message).toMatch(message);
  });

  test("a plugin's extra keys are dropped from its result", () => {
    const scored = scoreCase(makeCase(), withPlugin(() => ({ rating: "good", findings: [{ code: "x", message: "m", fields: [], extra: 1 }], note: 1 })));
    expect(scored.ok && scored.result.rules.at(-1)).toEqual({ id: "custom", rating: "good", findings: [{ code: "x", message: "m", fields: [] }] });
  });
});

describe("runAudit with a failing rule", () => {
  test("lists the case as invalid, with its line and the rule, and goes on: read = graded + invalid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-engine-"));
    const file = join(dir, "cases.csv");
    writeFileSync(file, "case_id,force,reported_on\nA-1,Norfolk,2015-07-02\nA-2,Norfolk,2015-07-02\nA-3,Suffolk,2015-07-02\n");
    const rubric = withPlugin(() => {
      throw new Error("no bail column");
    });
    const cases: CaseResult[] = [];
    const invalid: ScoredInvalid[] = [];
    const summary = await runAudit(readCases(file), rubric, { case: (r) => void cases.push(r), invalid: (r) => void invalid.push(r) });
    expect(cases).toEqual([]);
    expect(invalid.map((r) => [r.line, r.case_id, r.group, r.field])).toEqual([
      [2, "A-1", "Norfolk", "rule:custom"],
      [3, "A-2", "Norfolk", "rule:custom"],
      [4, "A-3", "Suffolk", "rule:custom"],
    ]);
    expect(invalid[0]!.reason).toBe("rule custom failed: no bail column");
    expect(invalid[0]!.errors).toEqual([{ field: "rule:custom", reason: "rule custom failed: no bail column" }]);
    expect(summary.overall).toEqual({ graded: 0, good: 0, adequate: 0, inadequate: 0, invalid: 3 });
  });

  test("only the cases the rule fails on are left ungraded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-engine-"));
    const file = join(dir, "cases.json");
    writeFileSync(file, JSON.stringify([1, 2, 3].map((n) => ({ case_id: `J-${n}`, force: "Kent", reported_on: "2015-07-02" }))));
    let calls = 0;
    const rubric = withPlugin(() => (++calls === 2 ? { rating: "great" } : { rating: "n/a", findings: [] }));
    const invalid: ScoredInvalid[] = [];
    const summary = await runAudit(readCases(file), rubric, { case: () => {}, invalid: (r) => void invalid.push(r) });
    expect(invalid.map((r) => [r.index, r.case_id, r.field])).toEqual([[1, "J-2", "rule:custom"]]);
    expect(summary.overall.graded + summary.overall.invalid).toBe(3);
  });
});
