import { RuleTester } from "audit/testing";
import { describe, expect, test } from "vitest";
import { ConfigError } from "../src/errors.js";
import { exampleRule, gradeExampleCases, parseExampleConfig } from "./_load.js";

const ID = "no-bail-without-conditions";
const ARRESTED = { suspect_arrested_on: "2015-07-03" };

describe(ID, async () => {
  const { rule, options } = await exampleRule(ID);
  const graded = await gradeExampleCases();

  // As a plugin's author tests a rule: each case's rating and finding codes, and the rule's own examples.
  new RuleTester({ describe, test }).run(rule, {
    valid: [
      { name: "no suspect arrested", record: { bail_status: "Bailed" }, rating: "n/a" },
      { name: "released under investigation", record: { ...ARRESTED, bail_status: "Released under investigation" }, rating: "n/a" },
      { name: "bailed not to approach the child, in capitals", record: { ...ARRESTED, bail_status: "BAILED", bail_conditions: "NOT TO APPROACH the child" }, rating: "good" },
      { name: "a protective phrase of the config's own", options: { protective: ["curfew"] }, record: { ...ARRESTED, bail_status: "Bail", bail_conditions: "Curfew" }, rating: "good" },
    ],
    invalid: [
      { name: "bailed, conditions blank", record: { ...ARRESTED, bail_status: "Bailed", bail_conditions: "  " }, rating: "inadequate", codes: ["no-conditions"] },
      { name: "bailed to reside at an address", record: { ...ARRESTED, bail_status: "Bailed", bail_conditions: "Reside at home address" }, rating: "adequate", codes: ["not-protective"] },
    ],
  });

  test("loads from the config by path, with the config's options", () => {
    expect(options).toEqual({ protective: ["no contact", "not to approach", "exclusion zone"] });
  });

  test.each<[string, string, string, string]>([
    ["no suspect arrested", "EX-1", "n/a", "good"],
    ["bailed not to contact the child", "EX-2", "good", "good"],
    ["bailed with no conditions: critical, so the case is inadequate", "EX-3", "inadequate", "inadequate"],
    ["bailed on a curfew alone: adequate, but the points strategy still grades the case good", "EX-4", "adequate", "good"],
  ])("examples/cases.csv: %s", (_name, id, rating, grade) => {
    const result = graded.get(id)!;
    expect(result.rules.find((r) => r.id === ID)?.rating).toBe(rating);
    expect(result.grade).toBe(grade);
  });

  test("reads the carried-through column the config renamed (Bail Conds → bail_conditions)", () => {
    expect(graded.get("EX-4")!.rules.find((r) => r.id === ID)!.findings.map((f) => f.code)).toEqual(["not-protective"]);
  });

  test.each<[string, unknown, RegExp]>([
    ["an empty list of protective words", { protective: [] }, /^audit\.config\.json: rules\.no-bail-without-conditions\.protective: expected at least 1, got an array$/],
    ["a misspelt option", { protectve: ["no contact"] }, /^audit\.config\.json: rules\.no-bail-without-conditions\.protectve: unknown option; did you mean "protective"\?$/],
  ])("its own option schema refuses %s", async (_name, setting, message) => {
    const error = await parseExampleConfig({ plugins: ["./no-bail-without-conditions.mjs"], rules: { [ID]: setting } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(message)]);
  });
});
