import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, ROOT, runCli } from "../helpers/run-cli.js";
import { timeliness } from "../../src/rules/timeliness/rule.js";
import { voiceOfChild } from "../../src/rules/voice-of-child/rule.js";
import { defaultsOf } from "../helpers/rule-defaults.js";

const RULE_IDS = ["risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child"];
const EXAMPLES_CONFIG = join(ROOT, "examples/audit.config.json");

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ruleHeadings = (stdout: string) => [...stdout.matchAll(/^([a-z0-9-]+) {2}\(/gm)].map((m) => m[1]);

describe("audit rules", () => {
  test("lists every active rule: id, description, fields read, options with defaults", async () => {
    const run = await runCli(["rules"], { cwd: workspace() });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(ruleHeadings(run.stdout)).toEqual(RULE_IDS);
    expect(run.stdout).toContain("reads:   reported_on, risk_assessed_on, risk_assessment_quality");
    expect(run.stdout).toContain(`options: min_age = ${defaultsOf(voiceOfChild).min_age}`);
    expect(run.stdout).toMatch(/^strategy: worst$/m);
  });

  test("shows the config's options beside the defaults, and leaves out rules switched off", async () => {
    const cwd = workspace({ "audit.config.json": JSON.stringify({ rules: { "voice-of-child": "off", "risk-assessment": { good: 2 } } }) });
    const run = await runCli(["rules"], { cwd });
    expect(ruleHeadings(run.stdout)).toEqual(RULE_IDS.slice(0, 4));
    expect(run.stdout).toContain("options: good = 2 (default 1), adequate = 3");
    expect(run.stdout).toMatch(/^off: voice-of-child$/m);
  });

  test("--no-config ignores the config", async () => {
    const cwd = workspace({ "audit.config.json": JSON.stringify({ rules: { "voice-of-child": "off" } }) });
    expect(ruleHeadings((await runCli(["rules", "--no-config"], { cwd })).stdout)).toEqual(RULE_IDS);
  });

  test("lists plugin rules with the path they came from", async () => {
    const run = await runCli(["rules", "--config", EXAMPLES_CONFIG]);
    expect(run.code).toBe(0);
    expect(ruleHeadings(run.stdout)).toEqual([...RULE_IDS, "no-bail-without-conditions", "repeat-referrals"]);
    expect(run.stdout).toContain("no-bail-without-conditions  (from ./no-bail-without-conditions.mjs, weight 1, critical)");
  });

  test.each(RULE_IDS)("rules %s explains the rule with an example of each rating", async (id) => {
    const run = await runCli(["rules", id], { cwd: workspace() });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")[0]).toBe(`${id}  (built-in)`);
    expect(run.stdout).toMatch(/^Options:$/m);
    for (const rating of ["good", "adequate"]) expect(run.stdout).toMatch(new RegExp(`^  ${rating} +\\S`, "m"));
  });

  test("rules <id> for a plugin rule runs its own examples", async () => {
    const run = await runCli(["rules", "no-bail-without-conditions", "--config", EXAMPLES_CONFIG]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}inadequate +bailed with no conditions\n {14}- suspect bailed with no conditions recorded$/m);
  });

  test("an unknown id is an error with a suggestion", async () => {
    const run = await runCli(["rules", "timelines"], { cwd: workspace() });
    expect(run).toEqual(expect.objectContaining({ code: 2, stdout: "", stderr: 'audit: rules: unknown rule "timelines"; did you mean "timeliness"?\n' }));
  });
});

describe("audit config", () => {
  test("--print shows the reference rubric, every default filled in", async () => {
    const run = await runCli(["config", "--print"], { cwd: workspace() });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const printed = JSON.parse(run.stdout);
    expect(Object.keys(printed.rules)).toEqual(RULE_IDS);
    expect(printed.rules.timeliness).toEqual(defaultsOf(timeliness));
    expect(printed.rules["voice-of-child"]).toEqual(defaultsOf(voiceOfChild));
    expect(printed.strategy).toEqual({ name: "worst", critical: [] });
  });

  test("--print of a points config fills in cut-offs and a weight for every rule, and marks rules off", async () => {
    const cwd = workspace({ "audit.config.json": JSON.stringify({ rules: { timeliness: "off" }, strategy: { name: "points", weights: { "child-first": 2 } } }) });
    const printed = JSON.parse((await runCli(["config", "--print"], { cwd })).stdout);
    expect(printed.rules.timeliness).toBe("off");
    expect(printed.strategy).toEqual({
      name: "points",
      good: 1.75,
      adequate: 1,
      weights: { "risk-assessment": 1, "child-first": 2, "multi-agency": 1, "voice-of-child": 1 },
      critical: [],
    });
  });

  test("what --print prints, used as a config, is the same rubric", async () => {
    const cwd = workspace({ "audit.config.json": JSON.stringify({ rules: { "risk-assessment": { good: 0 } }, strategy: "points" }) });
    const printed = (await runCli(["config", "--print"], { cwd })).stdout;
    const again = workspace({ "audit.config.json": printed });
    const hash = (text: string) => /rubric (sha256:\w+)/.exec(text)?.[1];
    const first = hash((await runCli(["config"], { cwd })).stdout);
    expect(first).toMatch(/^sha256:/);
    expect(hash((await runCli(["config"], { cwd: again })).stdout)).toBe(first);
    expect(hash((await runCli(["config", "--no-config"], { cwd })).stdout)).not.toBe(first);
  });

  test.each<[string, Record<string, string>, (string | RegExp)[]]>([
    [
      "an unknown rule and a word for a number",
      { "audit.config.json": JSON.stringify({ rules: { timelines: "off", timeliness: { referral: { good: "one" } } } }) },
      [
        'audit: audit.config.json: rules.timeliness.referral.good: expected a whole number of working days, got "one"',
        'audit: audit.config.json: rules.timelines: unknown rule; did you mean "timeliness"?',
      ],
    ],
    ["a JSON syntax error", { "audit.config.json": '{\n  "rules": {\n    "timeliness": "off",\n  }\n}' }, [/^audit: audit\.config\.json:4:3: not valid JSON: \S/]],
    [
      "a TypeScript plugin, which node cannot load",
      { "audit.config.json": JSON.stringify({ plugins: ["./rule.ts"] }), "rule.ts": "export default {};" },
      ['audit: audit.config.json: plugins[0]: cannot load TypeScript directly; compile "./rule.ts" to .js or .mjs and name that'],
    ],
  ])("%s: exit 2, one line per problem, nothing on stdout", async (_name, files, lines) => {
    const cwd = workspace(files);
    for (const args of [["config"], ["config", "--print"], ["rules"]]) {
      const run = await runCli(args, { cwd });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      const stderr = run.stderr.trimEnd().split("\n");
      expect(stderr).toHaveLength(lines.length);
      lines.forEach((line, i) => (typeof line === "string" ? expect(stderr[i]).toBe(line) : expect(stderr[i]).toMatch(line)));
    }
  });

  test("--config with a missing file is an error", async () => {
    const run = await runCli(["config", "--config", "nope.json"], { cwd: workspace() });
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "audit: nope.json: no such config file\n" });
  });
});

describe("audit init", () => {
  test("writes a starter config from an export's header, and lists the columns it could not place", async () => {
    const cwd = workspace();
    const run = await runCli(["init", "--from", fixture("force-export/export.csv")], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`  "Crime Reference"          -> case_id (alias)`);
    expect(run.stderr).toContain(
      `could not place 3 columns; they will be carried through: "Officer In Case Team" (no field close), "Station" (no field close), "Date Extracted" (no field close)`,
    );
    const config = JSON.parse(readFileSync(join(cwd, "audit.config.json"), "utf8"));
    expect(config.columns["Crime Reference"]).toBe("case_id");
    expect(config.values.child_role).toEqual({ V: "victim", S: "suspect", VS: "victim_and_suspect", W: "witness", U: "unknown" });
    expect((await runCli(["config"], { cwd })).code).toBe(0);
  });

  test("writes nothing over an existing file", async () => {
    const cwd = workspace({ "mine.json": "{}\n" });
    const run = await runCli(["init", "--from", fixture("force-export/export.csv"), "--output", "mine.json"], { cwd });
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "audit: init: mine.json already exists; init writes nothing over it\n" });
    expect(readFileSync(join(cwd, "mine.json"), "utf8")).toBe("{}\n");
  });

  test.each<[string, string[], RegExp]>([
    ["a missing export", ["init", "--from", "nope.csv"], /^audit: nope\.csv: no such file\n$/],
    ["a JSON file", ["init", "--from", fixture("hmic-2015.json")], /^audit: init: .*hmic-2015\.json: expected a CSV export/],
    ["no --from", ["init"], /required option '--from <file>' not specified/],
  ])("%s: exit 2 and no config written", async (_name, args, stderr) => {
    const cwd = workspace();
    const run = await runCli(args, { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(existsSync(join(cwd, "audit.config.json"))).toBe(false);
  });
});
