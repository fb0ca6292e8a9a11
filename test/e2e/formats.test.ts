import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { csvRows, junitSuites, markdownRows, ndjsonLines } from "../report/read-back.js";
import { BIN, fixture, ROOT, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const tmp = () => mkdtempSync(join(tmpdir(), "audit-formats-"));
const counts = { graded: 576, good: 177, adequate: 179, inadequate: 220, invalid: 0 };

/** Runs `audit … | jq …` through a shell, as a user's pipeline would. */
function pipeToJq(auditArgs: string[], jqArgs: string[]): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${quote(process.execPath)} ${quote(BIN)} ${auditArgs.map(quote).join(" ")} | jq ${jqArgs.map(quote).join(" ")}`;
  return execFileSync("sh", ["-c", command], { encoding: "utf8" });
}

async function schema(name: string) {
  const { stdout } = await runCli(["schema", name]);
  return new Ajv2020({ strict: false }).compile(JSON.parse(stdout));
}

describe("every format carries the same numbers, in one run", async () => {
  const dir = tmp();
  const files = {
    json: join(dir, "r.json"),
    ndjson: join(dir, "r.ndjson"),
    csv: join(dir, "r.csv"),
    markdown: join(dir, "r.md"),
    junit: join(dir, "r.xml"),
  };
  const run = await runCli(["score", HMIC, "-f", "table", ...Object.entries(files).flatMap(([f, p]) => ["-f", `${f}=${p}`])]);
  const read = (path: string) => readFileSync(path, "utf8");

  test("the run succeeds, with the table on stdout and nothing on stderr", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Overall\s+576\s+177 \(30\.7%\)\s+179 \(31\.1%\)\s+220 \(38\.2%\)\s+0$/m);
  });

  test("json", () => {
    expect(JSON.parse(read(files.json)).summary.overall).toMatchObject(counts);
  });

  test("ndjson: every line validates, and the summary line is last", async () => {
    const validate = await schema("ndjson-line");
    const lines = ndjsonLines(read(files.ndjson));
    for (const line of lines) expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
    expect(lines.filter((l) => l.type === "case")).toHaveLength(576);
    expect(lines.at(-1)).toMatchObject({ type: "summary", overall: counts });
  });

  test("csv, re-read with csv-parse", () => {
    const rows = csvRows(read(files.csv));
    const tally = (grade: string) => rows.filter((r) => r.grade === grade).length;
    expect([rows.length, tally("good"), tally("adequate"), tally("inadequate")]).toEqual([576, 177, 179, 220]);
  });

  test("markdown, parsed back", () => {
    const rows = markdownRows(read(files.markdown));
    const overall = rows.find((cells) => /Overall/.test(cells[0] ?? ""))!;
    expect(overall.join(" ").replace(/\*\*/g, "")).toMatch(/576 .*177 \(30\.7%\).*179 \(31\.1%\).*220 \(38\.2%\).*0/);
  });

  test("junit, read by a JUnit-report parser", async () => {
    const suites = await junitSuites(read(files.junit));
    const suiteList = suites.testsuite ?? [];
    expect(suiteList).toHaveLength(8);
    const sum = (key: "tests" | "failures" | "errors") => suiteList.reduce((n, s) => n + Number(s[key]), 0);
    expect([sum("tests"), sum("failures"), sum("errors")]).toEqual([576, 220, 0]);
  });
});

describe("pipes", () => {
  test("jq reads the JSON report from stdout", () => {
    const filter = ".summary.overall | {graded, good, adequate, inadequate, invalid}";
    expect(pipeToJq(["score", HMIC, "-f", "json"], ["-c", filter]).trim()).toBe(JSON.stringify(counts));
  });

  test("jq selects inadequate cases from the ndjson stream", () => {
    const out = pipeToJq(["score", HMIC, "-f", "ndjson"], ["-c", 'select(.grade=="inadequate") | .case_id']);
    expect(out.trim().split("\n")).toHaveLength(220);
  });

  test("jq reads invalid records out of ndjson, while stderr lists them separately", () => {
    const out = pipeToJq(["score", fixture("invalid.csv"), "-f", "ndjson", "-q"], ["-r", 'select(.type=="invalid") | "\\(.line) \\(.field)"']);
    expect(out.trim().split("\n")).toContain("6 child_age");
  });

  test("the input JSON fixture validates against `audit schema case`", async () => {
    const validate = await schema("case");
    for (const record of JSON.parse(readFileSync(fixture("hmic-2015.json"), "utf8")).cases) {
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test("--quiet leaves stderr empty when a run has warnings", async () => {
    const run = await runCli(["score", join(ROOT, "src/rules/child-first/fixture.csv"), "-q"]);
    expect(run.stderr).toBe("");
    expect((await runCli(["score", join(ROOT, "src/rules/child-first/fixture.csv")])).stderr).toMatch(/warning: .*expected_rating/);
  });
});

describe("gates", () => {
  test.each([
    ["--max-inadequate 40% --per-group", ["--max-inadequate", "40%", "--per-group"], 1, ["West Midlands: inadequate 45.8% > 40%", "Greater Manchester: inadequate 50.0% > 40%"]],
    ["--max-inadequate 40% overall", ["--max-inadequate", "40%"], 0, []],
    ["--max-inadequate 200 (a count)", ["--max-inadequate", "200"], 1, ["Overall: inadequate 220 > 200"]],
    ["--min-good 35%", ["--min-good", "35%"], 1, ["Overall: good 30.7% < 35%"]],
    ["--min-good 25% --per-group", ["--min-good", "25%", "--per-group"], 1, ["Greater Manchester: good 22.2% < 25%"]],
    ["--fail-on inadequate", ["--fail-on", "inadequate"], 1, ["Overall: 220 cases inadequate"]],
    ["--fail-on adequate", ["--fail-on", "adequate"], 1, ["Overall: 399 cases adequate or inadequate"]],
  ])("%s", async (_name, flags, code, messages) => {
    for (const format of ["table", "json", "junit"]) {
      const run = await runCli(["score", HMIC, "-f", format, ...flags]);
      expect(run.code).toBe(code);
      for (const message of messages) expect(run.stderr).toContain(`gate failed: ${message}`);
      if (code === 0) expect(run.stderr).toBe("");
    }
  });

  test("under --suppress-below a failed gate names the limit, not the figure", async () => {
    const run = await runCli(["score", HMIC, "--suppress-below", "20", "--max-inadequate", "40%", "--per-group", "--fail-on", "inadequate"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("gate failed: West Midlands: inadequate (figure withheld under --suppress-below) > 40%");
    expect(run.stderr).toContain("gate failed: Overall: at least one case inadequate");
    expect(run.stderr).not.toMatch(/45\.8%|220 cases/);
  });

  test("invalid records fail the run unless --max-invalid allows them", async () => {
    expect((await runCli(["score", fixture("invalid.csv")])).code).toBe(1);
    expect((await runCli(["score", fixture("invalid.csv"), "--max-invalid", "8"])).code).toBe(0);
    expect((await runCli(["score", fixture("invalid.csv"), "--max-invalid", "7"])).code).toBe(1);
  });

  test.each([
    ["--max-inadequate", "lots"],
    ["--min-good", "120%"],
    ["--max-invalid", "-1"],
  ])("a bad %s value is a usage error (exit 2)", async (flag, value) => {
    const run = await runCli(["score", HMIC, flag, value]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
  });
});
