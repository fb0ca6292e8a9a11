import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { MEDICAL_ADVICE } from "../helpers/medical-advice.js";
import { runCli } from "../helpers/run-cli.js";

/** A folder holding these files; returns the path of the first (the config). */
function configWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-rules-check-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, Object.keys(files)[0]!);
}

test("the built-in rules' examples all rate as stated: exit 0, a line per rule", async () => {
  const run = await runCli(["rules", "--check", "--no-config"]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^ok {4}timeliness: 4 examples$/m);
  expect(run.stdout).toMatch(/^all 18 examples of 5 rules rate as stated$/m);
});

test.each([
  [
    "a rule written in the config whose example states the wrong rating",
    {
      "audit.config.json": JSON.stringify({
        rules: { "medical-advice": { ...MEDICAL_ADVICE, examples: [{ rating: "good", summary: "no agencies at all", record: { concern: "sexual_abuse", child_age: "9" } }] } },
      }),
    },
    'FAIL  medical-advice: 1 example, 1 not as stated\n  example "no agencies at all": rated inadequate, expected good',
  ],
  [
    "a plugin rule giving a finding code it does not declare",
    {
      "audit.config.json": JSON.stringify({ plugins: ["./rule.mjs"] }),
      "rule.mjs": `export default { id: "loose", description: "x", fields: [], codes: ["late"], evaluate: () => ({ rating: "adequate", findings: [{ code: "slow", message: "slow", fields: [] }] }), examples: [{ rating: "adequate", summary: "any case", record: {} }] };`,
    },
    'FAIL  loose: 1 example, 1 not as stated\n  example "any case": gave slow, which the rule does not declare: its codes are late',
  ],
])("%s: exit 1, the rule and the example named", async (_name, files, lines) => {
  const run = await runCli(["rules", "--check", "--config", configWith(files)]);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toContain(lines);
  expect(run.stdout).toMatch(/^1 of \d+ examples do not rate as stated$/m);
});

test("--check with a rule id is a usage error", async () => {
  const run = await runCli(["rules", "timeliness", "--check", "--no-config"]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe("audit: rules: --check checks every rule; give no rule id\n");
});
