import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const OVERALL = /^Overall\s+576\s+177 \(30\.7%\)\s+179 \(31\.1%\)\s+220 \(38\.2%\)\s+0$/m;
const tmp = () => mkdtempSync(join(tmpdir(), "audit-e2e-"));

async function reportSchema() {
  const { stdout, code } = await runCli(["schema", "report"]);
  expect(code).toBe(0);
  return new Ajv2020({ strict: false }).compile(JSON.parse(stdout));
}

describe("audit score on the HMIC 2015 fixture", () => {
  test.each(["hmic-2015.csv", "hmic-2015.json"])("%s prints 177 / 179 / 220 and exits 0", async (name) => {
    const run = await runCli(["score", fixture(name)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(OVERALL);
    expect(run.stdout).toMatch(/^West Midlands\s+72\s+17 \(23\.6%\)\s+22 \(30\.6%\)\s+33 \(45\.8%\)\s+0$/m);
    expect(run.stderr).toBe("");
  });

  test("the table rows are the eight forces sorted by name, then Overall", async () => {
    const { stdout } = await runCli(["score", fixture("hmic-2015.csv")]);
    const lines = stdout.split("\n");
    const table = lines.slice(2, lines.indexOf("", 2));
    const names = table.filter((l) => /^\S/.test(l) && !l.startsWith("-")).map((l) => l.split(/\s{2,}/)[0]);
    expect(names).toEqual([
      "Dyfed-Powys", "Greater Manchester", "Norfolk", "Nottinghamshire",
      "South Yorkshire", "West Mercia", "West Midlands", "West Yorkshire", "Overall",
    ]);
  });

  test("the JSON report has the shape rubric.md fixes and validates against the published schema", async () => {
    const validate = await reportSchema();
    const run = await runCli(["score", fixture("hmic-2015.csv"), "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(2);
    expect(report.summary.overall).toMatchObject({ graded: 576, good: 177, adequate: 179, inadequate: 220, invalid: 0 });
    expect(report.summary.groups).toHaveLength(8);
    expect(report.cases).toHaveLength(576);
    expect(report.cases[0].rules.map((r: { id: string }) => r.id)).toEqual([
      "risk-assessment", "timeliness", "child-first", "multi-agency", "voice-of-child",
    ]);
    expect(report.invalid).toEqual([]);
  });

  test("exercises every rule bullet of rubric.md", async () => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), "--format", "json"]);
    const report = JSON.parse(run.stdout) as { cases: { rules: { id: string; rating: string; findings: { code: string }[] }[] }[] };
    const seen = new Set<string>();
    for (const c of report.cases) {
      for (const rule of c.rules) {
        seen.add(`${rule.id}:${rule.rating}`);
        for (const f of rule.findings) seen.add(`${rule.id}:${f.code}`);
      }
    }
    const bullets = [
      "risk-assessment:not-recorded", "risk-assessment:poor-quality", "risk-assessment:late", "risk-assessment:slow",
      "risk-assessment:adequate-quality", "risk-assessment:quality-not-recorded", "risk-assessment:good",
      ...["referral", "strategy-discussion", "interview", "suspect-arrest"].flatMap((m) => [`timeliness:${m}-slow`, `timeliness:${m}-late`]),
      "timeliness:n/a", "timeliness:good",
      "child-first:disbelieved", "child-first:arrested-minor", "child-first:suspect-sexual", "child-first:not-seen-as-victim",
      "child-first:under-criminal-age", "child-first:victim-and-suspect", "child-first:arrested", "child-first:role-unknown", "child-first:good",
      "multi-agency:no-social-care", "multi-agency:no-strategy-discussion", "multi-agency:no-health", "multi-agency:social-care-only", "multi-agency:good",
      "voice-of-child:views-not-recorded", "voice-of-child:views-not-evidenced", "voice-of-child:n/a", "voice-of-child:good",
    ];
    expect(bullets.filter((b) => !seen.has(b))).toEqual([]);
  });

  test("stdin with - and a sniffed format gives the same table", async () => {
    const run = await runCli(["score", "-"], { input: readFileSync(fixture("hmic-2015.csv")) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(OVERALL);
  });

  test("--group-by another column groups by it", async () => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), "--group-by", "risk_level", "-f", "json"]);
    const groups = JSON.parse(run.stdout).summary.groups as { name: string; graded: number }[];
    // Expected from the fixture itself: each risk level as recorded (any case), blank as "(not recorded)".
    const records = JSON.parse(readFileSync(fixture("hmic-2015.json"), "utf8")).cases as { risk_level?: string | null }[];
    const tally = new Map<string, number>();
    for (const r of records) {
      const name = r.risk_level ? r.risk_level.trim().toLowerCase() : "(not recorded)";
      tally.set(name, (tally.get(name) ?? 0) + 1);
    }
    expect(groups.map((g) => [g.name, g.graded])).toEqual([...tally].sort(([a], [b]) => a.localeCompare(b, "en")));
  });

  test("free-text notes never reach stdout or stderr", async () => {
    const csv = readFileSync(fixture("hmic-2015.csv"), "utf8");
    const note = /Missing from home three times this month/;
    expect(csv).toMatch(note);
    for (const format of ["table", "json"]) {
      const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", format]);
      expect(run.stdout + run.stderr).not.toMatch(note);
    }
  });
});

describe("invalid records", () => {
  const expected = JSON.parse(readFileSync(fixture("invalid.expected.json"), "utf8")) as {
    records: number;
    valid: number;
    invalid: { line: number; case_id?: string; field: string }[];
  };

  test("are listed on stderr with file, line and field, counted, and exit 1", async () => {
    const run = await runCli(["score", fixture("invalid.csv")]);
    expect(run.code).toBe(1);
    for (const { line, field } of expected.invalid) {
      expect(run.stderr).toContain(`invalid.csv:${line}: ${field}: `);
    }
    expect(run.stderr).toContain(`${expected.invalid.length} of ${expected.records} records are invalid`);
    expect(run.stdout).toMatch(new RegExp(`^Overall\\s+${expected.valid}\\s.*\\s${expected.invalid.length}$`, "m"));
  });

  test("are all in the JSON report, and records read = graded + invalid", async () => {
    const validate = await reportSchema();
    const run = await runCli(["score", fixture("invalid.csv"), "-f", "json", "--max-errors", "0"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(validate(report)).toBe(true);
    expect(report.invalid.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual(
      expected.invalid.map((r) => [r.line, r.field]),
    );
    expect(report.summary.overall.graded + report.summary.overall.invalid).toBe(expected.records);
    expect(run.stderr).toContain(`and ${expected.invalid.length} more invalid records`);
  });
});

describe("could not run: one line on stderr, exit 2, no stack trace", () => {
  const dir = tmp();
  writeFileSync(join(dir, "no-force.csv"), "case_id,reported_on\nA-1,2015-01-02\n");
  writeFileSync(join(dir, "typo.csv"), "case_id,Forse,reported_on\nA-1,N,2015-01-02\n");
  writeFileSync(join(dir, "picture.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, "broken.json"), '{"cases": [ {"case_id": "A"');

  test.each([
    ["a missing file", ["score", join(dir, "absent.csv")], /absent\.csv: no such file/],
    ["a missing required column", ["score", join(dir, "no-force.csv")], /no-force\.csv: missing required column "force"/],
    ["a misspelt required column, with the fix", ["score", join(dir, "typo.csv")], /missing required column "force" \(closest: "Forse"\); run: audit init --from .*typo\.csv$/m],
    ["a binary file", ["score", join(dir, "picture.csv")], /picture\.csv: not a CSV or JSON file/],
    ["malformed JSON", ["score", join(dir, "broken.json")], /broken\.json: not valid JSON/],
    ["an unknown option", ["score", "--bogus", fixture("hmic-2015.csv")], /^audit: unknown option '--bogus'$/m],
    ["a misspelt option, with the fix", ["score", "--formt", "json", fixture("hmic-2015.csv")], /^audit: unknown option '--formt'; did you mean "--format"\?$/m],
    ["a misspelt command, with the fix", ["scor", fixture("hmic-2015.csv")], /^audit: unknown command 'scor'; did you mean "score"\?$/m],
    ["a missing option value", ["score", fixture("hmic-2015.csv"), "--group-by"], /^audit: option '--group-by <column>' argument missing$/m],
    ["an unknown format", ["score", "-f", "yaml", fixture("hmic-2015.csv")], /unknown format "yaml"/],
    ["two formats on stdout", ["score", "-f", "table", "-f", "json", fixture("hmic-2015.csv")], /would all go to stdout/],
    ["a directory", ["score", dir], /is a directory/],
  ])("%s", async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^audit: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("outputs", () => {
  test("--output writes the report to a file and nothing to stdout", async () => {
    const dir = tmp();
    const out = join(dir, "report.json");
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", "json", "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).summary.overall.graded).toBe(576);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  test("several formats in one run, each to its own destination", async () => {
    const dir = tmp();
    const run = await runCli(["score", fixture("hmic-2015.csv"), "-f", "table", "-f", `json=${join(dir, "r.json")}`]);
    expect(run.stdout).toMatch(OVERALL);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).summary.overall.inadequate).toBe(220);
  });

  test("a run that cannot read its input leaves no report file behind", async () => {
    const dir = tmp();
    const out = join(dir, "report.json");
    const run = await runCli(["score", join(dir, "absent.csv"), "-f", "json", "-o", out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  test.each([
    ["no flag, not a terminal", [], {}, false],
    ["--color", ["--color"], {}, true],
    ["--no-color", ["--no-color"], {}, false],
    ["--color beats NO_COLOR", ["--color"], { NO_COLOR: "1" }, true],
  ])("colour: %s", async (_name, flags, env, coloured) => {
    const run = await runCli(["score", fixture("hmic-2015.csv"), ...flags], { env });
    expect(run.stdout.includes("\u001b[")).toBe(coloured);
  });

  test("--help documents the exit codes", async () => {
    for (const args of [["--help"], ["score", "--help"]]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
    }
  });
});
