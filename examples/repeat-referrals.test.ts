import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { RuleTester } from "audit/testing";
import { describe, expect, test } from "vitest";
import { ConfigError } from "../src/errors.js";
import { exampleRule, gradeExampleCases, HERE, parseExampleConfig } from "./_load.js";

const ID = "repeat-referrals";

describe(ID, async () => {
  const { rule, options } = await exampleRule(ID);
  const graded = await gradeExampleCases();

  test("loads from a named export, with the config's options", () => {
    expect(options).toEqual({ threshold: 2 });
  });

  // As a plugin's author tests a rule: each case's rating and finding codes, and the rule's own examples.
  new RuleTester({ describe, test }).run(rule, {
    valid: [
      { name: "previous referrals not recorded", record: { risk_level: "standard" }, rating: "n/a" },
      { name: "previous referrals not a number", record: { previous_referrals: "several", risk_level: "standard" }, rating: "n/a" },
      { name: "a threshold of 5: four referrals are too few", options: { threshold: 5 }, record: { previous_referrals: "4", risk_level: "standard" }, rating: "n/a" },
      { name: "twice before, medium risk, strategy discussion held", record: { previous_referrals: "2", risk_level: "medium", strategy_discussion_on: "2015-07-06" }, rating: "good" },
    ],
    invalid: [
      { name: "risk level not recorded", record: { previous_referrals: "3" }, rating: "inadequate", codes: ["risk-too-low"] },
      { name: "high risk, no strategy discussion", record: { previous_referrals: " 7 ", risk_level: "high" }, rating: "adequate", codes: ["no-strategy-discussion"] },
    ],
  });

  test.each<[string, string, string, string]>([
    ["no previous referrals", "EX-1", "n/a", "good"],
    ["one previous referral, below the threshold", "EX-2", "n/a", "good"],
    ["three previous referrals, high risk, strategy discussion held", "EX-4", "good", "good"],
    ["four previous referrals at standard risk: not critical, so the mean of 10/6 grades the case adequate", "EX-5", "inadequate", "adequate"],
  ])("examples/cases.csv: %s", (_name, id, rating, grade) => {
    const result = graded.get(id)!;
    expect(result.rules.find((r) => r.id === ID)?.rating).toBe(rating);
    expect(result.grade).toBe(grade);
  });

  test("a threshold of 0 is refused by the rule's own schema, named by path", async () => {
    const error = await parseExampleConfig({ plugins: ["./repeat-referrals.mjs"], rules: { [ID]: { threshold: 0 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(["audit.config.json: rules.repeat-referrals.threshold: expected a whole number of previous referrals, got 0"]);
  });

  test("type-checks as TypeScript-checked JavaScript against the package's public types", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", `${HERE}tsconfig.json`], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
