import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

/** A config holding one rule written with this `applies`. */
function configWith(rules: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), "audit-hostile-")), "audit.config.json");
  writeFileSync(file, JSON.stringify({ rules }));
  return file;
}

const rule = (applies: string) => ({ "hostile-rule": { description: "hostile", applies } });
const orChain = (terms: number) => Array.from({ length: terms }, (_, i) => `child_age == ${i % 18}`).join(" || ");

describe("a hostile config is one clear line and exit 2, never a hang or a stack trace", () => {
  test.each([
    ["an expression of 100 KB", rule(orChain(6_000)), /^audit: .*: rules\.hostile-rule\.applies: column 1: \d+ characters long; at most 10000$/],
    ["brackets nested 10,000 deep", rule(`${"(".repeat(10_000)}true${")".repeat(10_000)}`), /characters long; at most 10000$/],
    ["brackets nested 4,000 deep, within the length limit", rule(`${"(".repeat(4_000)}true${")".repeat(4_000)}`), /: column 51: nested more than 50 operations deep/],
    ["a run of 9,000 negations", rule(`${"!".repeat(9_000)}true`), /: column 1: nested more than 50 operations deep/],
    ["a chain of 400 alternatives", rule(orChain(400)), /: column \d+: nested more than 50 operations deep/],
    ["matches() with catastrophic backtracking", rule("force.matches('^(a+)+$')"), /: column 1: matches\(\) is not available/],
    ["cel.bind() doubling a list", rule("cel.bind(a, [1, 2], cel.bind(b, a + a, size(b + b) > 3))"), /: column 1: cel\.bind\(\) is not available/],
    ["loops within loops within loops", rule("concern.all(a, concern.all(b, concern.all(c, a == b)))"), /loops .* are nested more than 2 deep/],
    ["a list of 10,000 numbers", rule(`child_age in [${Array.from({ length: 10_000 }, (_, i) => i).join(", ")}]`), /characters long|a list of more than 100 items/],
  ])("%s", async (_name, rules, message) => {
    const run = await runCli(["config", "--config", configWith(rules)]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("1,000 rules written in the config grade a file, each case by every rule", async () => {
    const rules = Object.fromEntries(
      Array.from({ length: 1_000 }, (_, i) => [
        `rule-${i}`,
        {
          description: `rule ${i}`,
          applies: `child_age < ${i % 18} || recorded(interviewed_on)`,
          inadequate: [{ when: `days(reported_on, interviewed_on) > ${i % 40}`, code: "late", message: "interviewed {days(reported_on, interviewed_on)} days after" }],
        },
      ]),
    );
    const run = await runCli(["score", fixture("hmic-2015.csv"), "--config", configWith(rules), "-f", "csv"]);
    expect(run.stderr).toBe("");
    const [header, ...rows] = run.stdout.trimEnd().split("\r\n");
    expect(header!.split(",")).toHaveLength(3 + 5 + 1_000 + 1);
    expect(rows).toHaveLength(576);
  }, 120_000);
});
