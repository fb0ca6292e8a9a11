import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { runAudit } from "../../src/engine/run.js";
import type { CaseResult } from "../../src/engine/score.js";
import { ConfigError } from "../../src/errors.js";
import { readCases } from "../../src/input/read.js";

// examples/audit.config.json as a user runs it: its two plugin rules loaded by path, with its options, its
// points strategy and its renamed columns, grading examples/cases.csv. The rules' own tests, as their
// author writes them, are examples/*.test.ts.
const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

/** Loads examples/audit.config.json as `audit --config examples/audit.config.json` would. */
const loadExampleConfig = () => loadConfig({ configPath: "audit.config.json", useConfig: true, cwd: EXAMPLES });

/** A config's problems, the config read as if it were a file in examples/ (so that its plugin paths resolve there). */
async function problemsOf(raw: unknown): Promise<readonly string[]> {
  const error = await parseConfig(raw, EXAMPLES, "audit.config.json").then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

const loaded = await loadExampleConfig();
const graded = new Map<string, CaseResult>();
await runAudit(readCases(`${EXAMPLES}cases.csv`, { mapping: loaded.mapping }), loaded.rubric, { case: (r) => void graded.set(r.case_id, r), invalid: () => {} });
const ratedAndGraded = (ruleId: string, caseId: string) => {
  const result = graded.get(caseId)!;
  return { rating: result.rules.find((r) => r.id === ruleId)?.rating, grade: result.grade };
};

test.each([
  ["no-bail-without-conditions, the module's default export", "no-bail-without-conditions", { protective: ["no contact", "not to approach", "exclusion zone"] }],
  ["repeat-referrals, a named export", "repeat-referrals", { threshold: 2 }],
])("loads %s, by path, with the config's options", (_name, id, options) => {
  expect(loaded.rubric.rules.find((r) => r.rule.id === id)?.options).toEqual(options);
});

describe("no-bail-without-conditions grades examples/cases.csv", () => {
  test.each<[string, string, string, string]>([
    ["no suspect arrested", "EX-1", "n/a", "good"],
    ["bailed not to contact the child", "EX-2", "good", "good"],
    ["bailed with no conditions: critical, so the case is inadequate", "EX-3", "inadequate", "inadequate"],
    ["bailed on a curfew alone: adequate, but the points strategy still grades the case good", "EX-4", "adequate", "good"],
  ])("%s", (_name, id, rating, grade) => {
    expect(ratedAndGraded("no-bail-without-conditions", id)).toEqual({ rating, grade });
  });

  test("reads the carried-through column the config renamed (Bail Conds → bail_conditions)", () => {
    expect(graded.get("EX-4")!.rules.find((r) => r.id === "no-bail-without-conditions")!.findings.map((f) => f.code)).toEqual(["not-protective"]);
  });
});

describe("repeat-referrals grades examples/cases.csv", () => {
  test.each<[string, string, string, string]>([
    ["no previous referrals", "EX-1", "n/a", "good"],
    ["one previous referral, below the threshold", "EX-2", "n/a", "good"],
    ["three previous referrals, high risk, strategy discussion held", "EX-4", "good", "good"],
    ["four previous referrals at standard risk: not critical, so the mean of 10/6 grades the case adequate", "EX-5", "inadequate", "adequate"],
  ])("%s", (_name, id, rating, grade) => {
    expect(ratedAndGraded("repeat-referrals", id)).toEqual({ rating, grade });
  });
});

test.each<[string, unknown, RegExp]>([
  [
    "no-bail-without-conditions: an empty list of protective words",
    { plugins: ["./no-bail-without-conditions.mjs"], rules: { "no-bail-without-conditions": { protective: [] } } },
    /^audit\.config\.json: rules\.no-bail-without-conditions\.protective: expected at least 1, got an array$/,
  ],
  [
    "no-bail-without-conditions: a misspelt option",
    { plugins: ["./no-bail-without-conditions.mjs"], rules: { "no-bail-without-conditions": { protectve: ["no contact"] } } },
    /^audit\.config\.json: rules\.no-bail-without-conditions\.protectve: unknown option; did you mean "protective"\?$/,
  ],
  [
    "repeat-referrals: a threshold of 0",
    { plugins: ["./repeat-referrals.mjs"], rules: { "repeat-referrals": { threshold: 0 } } },
    /^audit\.config\.json: rules\.repeat-referrals\.threshold: expected a whole number of previous referrals, got 0$/,
  ],
])("a plugin rule's own option schema refuses, named by path: %s", async (_name, config, message) => {
  expect(await problemsOf(config)).toEqual([expect.stringMatching(message)]);
});
