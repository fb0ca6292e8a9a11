import { describe, expect, test } from "vitest";
import { readCases } from "../../src/input/read.js";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";
import { documentedCodes } from "../helpers/rule-pages.mjs";
import { ruleFile } from "./_folders.js";

// Each src/rules/<id>/fixture.csv carries its expected rating and finding codes in carried-through columns.
describe.each(BUILT_IN_RULES.map((rule): [string, Rule<unknown>] => [rule.id, rule]))("src/rules/%s/fixture.csv", (id, rule) => {
  const rows = async () => {
    const options = rule.options.parse({});
    const read: { case_id: string; want: unknown; got: { rating: string; codes: string[] } }[] = [];
    for await (const item of readCases(ruleFile(id, "fixture.csv"), {})) {
      expect(item.kind, JSON.stringify(item.kind === "invalid" ? item.invalid : "")).toBe("case");
      if (item.kind !== "case") continue;
      const { rating, findings } = rule.evaluate(item.record, options);
      const codes = (item.record.extra.expected_codes ?? "").split(";").filter(Boolean).sort();
      read.push({
        case_id: item.record.case_id,
        want: { rating: item.record.extra.expected_rating, codes },
        got: { rating, codes: findings.map((f) => f.code).sort() },
      });
    }
    return read;
  };

  test("every row rates as its expected_rating, with its expected_codes", async () => {
    const read = await rows();
    expect(read.length).toBeGreaterThan(4);
    for (const row of read) expect(row.got, row.case_id).toEqual(row.want);
  });

  test("rates each row as the rule's page says its codes rate: inadequate with an inadequate code, else adequate", async () => {
    const level = new Map(documentedCodes(id).map(({ code, level }) => [code, level]));
    for (const { case_id, got } of await rows()) {
      if (!got.codes.length) continue;
      const worst = got.codes.some((code) => level.get(code) === "inadequate") ? "inadequate" : "adequate";
      expect({ case_id, codes: got.codes, rating: worst }).toEqual({ case_id, codes: got.codes, rating: got.rating });
    }
  });

  test("shows every finding code the rule declares, and every rating its examples show", async () => {
    const read = await rows();
    const shown = new Set(read.flatMap((row) => [row.got.rating, ...row.got.codes]));
    const wanted = [...(rule.codes ?? []), ...(rule.examples ?? []).map((example) => example.rating)];
    expect(wanted.filter((code) => !shown.has(code))).toEqual([]);
  });
});
