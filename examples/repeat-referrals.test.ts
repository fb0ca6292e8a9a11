// As a plugin's author tests a rule: a table of cases through RuleTester, from the published package alone.
// (test/config/examples.test.ts runs the rule as examples/audit.config.json loads it.)
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Rule } from "audit";
import { RuleTester } from "audit/testing";
import { describe, expect, test } from "vitest";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const { repeatReferrals } = (await import(new URL("./repeat-referrals.mjs", import.meta.url).href)) as { repeatReferrals: Rule<unknown> };

new RuleTester({ describe, test }).run(repeatReferrals, {
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
  defaults: { threshold: 2 },
  refused: [{ name: "a threshold of 0", options: { threshold: 0 }, message: "expected a whole number of previous referrals" }],
});

test("type-checks as TypeScript-checked JavaScript against the package's public types", () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", `${HERE}tsconfig.json`], { encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});
