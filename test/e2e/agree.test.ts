import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");

describe("audit agree", () => {
  test("prints the inspector-by-audit matrix, agreement and kappa, overall and per force", async () => {
    const run = await runCli(["agree", HMIC]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Cases with an inspector grade: 564 of 576 graded.");
    expect(run.stdout).toMatch(/^Good\s+152\s+50\s+0$/m);
    expect(run.stdout).toMatch(/^Overall\s+564\s+80\.0% \[76\.5–83\.1\]\s+0\.70 \[0\.65, 0\.75\]\s+0\.78 \[0\.74, 0\.82\]$/m);
    expect(run.stdout).toMatch(/^Norfolk\s+71\s/m);
    expect(run.stdout).toContain("Inspector good, audit inadequate: none.");
  });

  test("-f json holds the same agreement section as the JSON report of audit score", async () => {
    const [agree, score] = await Promise.all([runCli(["agree", HMIC, "-f", "json"]), runCli(["score", HMIC, "-f", "json"])]);
    const agreement = JSON.parse(agree.stdout).agreement;
    expect(agreement.overall.matrix).toEqual([[152, 50, 0], [24, 112, 30], [0, 9, 187]]);
    expect(agreement).toEqual(JSON.parse(score.stdout).agreement);
  });

  test("--suppress-below withholds per-force agreement and hides small cells", async () => {
    const run = await runCli(["agree", HMIC, "--suppress-below", "10"]);
    expect(run.code).toBe(0);
    // The 9 cases the inspector graded inadequate and audit adequate are hidden, with the 50 of the same
    // column: the matrix publishes no totals, so moving a case between them changes nothing shown.
    expect(run.stdout).toMatch(/^Good\s+152\s+\[c\]\s+0$/m);
    expect(run.stdout).toMatch(/^Inadequate\s+0\s+\[c\]\s+187$/m);
    expect(run.stdout).toContain("withheld under --suppress-below");
    expect(run.stdout).not.toMatch(/^Norfolk/m);
  });

  test("a file with no inspector grades cannot be compared: exit 2, one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-agree-"));
    const path = join(dir, "no-inspector.csv");
    writeFileSync(path, "case_id,force,reported_on\nA-1,Avon,2015-07-01\n");
    const run = await runCli(["agree", path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^audit: .*no-inspector\.csv: no graded record carries an inspector_grade/);
  });
});

describe("the cases furthest apart in the JSON report", () => {
  test("are listed by group and id, and named by their hashes under --redact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-apart-"));
    const path = join(dir, "apart.csv");
    // No risk assessment recorded: the tool grades each inadequate, so "good" from the inspector is two steps away.
    writeFileSync(path, "case_id,force,reported_on,inspector_grade\nB-2,Avon,2015-07-01,good\nA-1,Avon,2015-07-01,good\nC-3,Avon,2015-07-01,inadequate\n");
    const plain = JSON.parse((await runCli(["score", path, "-f", "json"])).stdout);
    expect(plain.agreement.apart).toEqual({
      inspectorGoodToolInadequate: [{ case_id: "A-1", group: "Avon" }, { case_id: "B-2", group: "Avon" }],
      inspectorInadequateToolGood: [],
      limit: 1000,
    });
    const run = await runCli(["score", path, "-f", "json", "--redact"], { env: { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" } });
    const redacted = JSON.parse(run.stdout);
    const ids = redacted.agreement.apart.inspectorGoodToolInadequate.map((c: { case_id: string }) => c.case_id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^hmac:[0-9a-f]{32}$/);
    expect(new Set(ids)).toEqual(new Set(redacted.cases.slice(0, 2).map((c: { case_id: string }) => c.case_id)));
    expect(run.stdout).not.toMatch(/A-1|B-2/);
  });
});

describe("audit score --ci and --suppress-below", () => {
  test("the JSON report always has intervals, and validates against the schema when suppressed", async () => {
    const { stdout } = await runCli(["schema", "report"]);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(stdout));
    const plain = JSON.parse((await runCli(["score", HMIC, "-f", "json"])).stdout);
    expect(plain.summary.overall.intervals.good.low).toBeCloseTo(0.271, 3);
    expect(plain.summary.groups.find((g: { name: string }) => g.name === "Norfolk").flag).toBe("lower");
    const suppressed = JSON.parse((await runCli(["score", HMIC, "-f", "json", "--suppress-below", "20"])).stdout);
    expect(validate(suppressed), JSON.stringify(validate.errors)).toBe(true);
    expect(suppressed.summary.suppression.below).toBe(20);
    expect(suppressed.summary.groups[0]).toMatchObject({ name: "Dyfed-Powys", adequate: null, inadequate: null, flag: null });
    expect(suppressed.cases).toHaveLength(576);
  });

  test("--ci shows intervals in the table; a bad --suppress-below is a usage error", async () => {
    const run = await runCli(["score", HMIC, "--ci"]);
    expect(run.stdout).toMatch(/^Overall\s+576\s+177 \(30\.7%\) \[27\.1–34\.6\]/m);
    for (const value of ["1", "x", "-3"]) {
      const bad = await runCli(["score", HMIC, "--suppress-below", value]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--suppress-below/);
    }
  });
});
