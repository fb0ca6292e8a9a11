import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readCases } from "../../src/input/read.js";
import type { Rule } from "../../src/rules/define-rule.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";
import { fixture } from "../helpers/run-cli.js";

// Each fixtures/rules/<id>.csv carries its expected rating and finding codes in carried-through columns.
describe.each(BUILT_IN_RULES.map((rule): [string, Rule<unknown>] => [rule.id, rule]))("fixtures/rules/%s.csv", (id, rule) => {
  test("every row rates as its expected_rating, with its expected_codes", async () => {
    const options = rule.options.parse({});
    const rows: { case_id: string; want: unknown; got: unknown }[] = [];
    for await (const item of readCases(fixture(`rules/${id}.csv`), {})) {
      expect(item.kind, JSON.stringify(item.kind === "invalid" ? item.invalid : "")).toBe("case");
      if (item.kind !== "case") continue;
      const { rating, findings } = rule.evaluate(item.record, options);
      const codes = (item.record.extra.expected_codes ?? "").split(";").filter(Boolean).sort();
      rows.push({
        case_id: item.record.case_id,
        want: { rating: item.record.extra.expected_rating, codes },
        got: { rating, codes: findings.map((f) => f.code).sort() },
      });
    }
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) expect(row.got, row.case_id).toEqual(row.want);
  });
});

test("there is a fixture for every rule and no other", () => {
  const files = readdirSync(fixture("rules")).filter((f) => f.endsWith(".csv")).map((f) => f.replace(/\.csv$/, ""));
  expect(files.sort()).toEqual(BUILT_IN_RULES.map((r) => r.id).sort());
});
