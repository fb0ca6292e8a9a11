import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HEADER = "case_id,force,reported_on,risk_assessed_on,interviewed_on,child_arrested,arrest_minor,station";

function csv(rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-validate-"));
  const path = join(dir, "cases.csv");
  writeFileSync(path, [HEADER, ...rows].join("\n") + "\n");
  return path;
}

describe("audit validate", () => {
  test("a clean file: a one-line summary and exit 0", async () => {
    const run = await runCli(["validate", fixture("hmic-2015.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/576 records: 576 valid, 0 invalid/);
  });

  test("invalid records are errors with their line and field, and exit 1", async () => {
    const run = await runCli(["validate", fixture("invalid.csv")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/invalid\.csv:6: error: child_age: 25 is outside 0-17/);
    expect(run.stdout).toMatch(/12 records: 4 valid, 8 invalid/);
  });

  test.each([
    ["a milestone years before the report", "A-1,Norfolk,2015-03-02,2012-03-02,,,,", "risk_assessed_on", /years before the report/],
    ["a milestone shortly before the report", "A-1,Norfolk,2015-03-02,,2015-02-27,,,", "interviewed_on", /before the report/],
    ["a date in the future", "A-1,Norfolk,2099-03-02,,,,,", "reported_on", /in the future/],
    ["a minor-matter arrest with no arrest", "A-1,Norfolk,2015-03-02,,,no,yes,", "arrest_minor", /child_arrested is not yes/],
  ])("warns about %s, without failing", async (_name, row, field, reason) => {
    const run = await runCli(["validate", csv([row])]);
    expect(run.code).toBe(0);
    const line = run.stdout.split("\n").find((l) => l.includes(`: warning: ${field}: `));
    expect(line).toMatch(/cases\.csv:2: warning: /);
    expect(line).toMatch(reason);
  });

  test("names carried-through columns, and duplicate ids are errors", async () => {
    const run = await runCli(["validate", csv(["A-1,Norfolk,2015-03-02,,,,,x", "A-1,Norfolk,2015-03-03,,,,,y"])]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/warning: .*station/);
    expect(run.stdout).toMatch(/cases\.csv:3: error: case_id: duplicate case_id; first seen at line 2/);
  });

  test("-f json for tools", async () => {
    const run = await runCli(["validate", fixture("invalid.csv"), "-f", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ records: 12, valid: 4 });
    expect(report.invalid).toHaveLength(8);
  });

  test("an unreadable file is exit 2", async () => {
    const run = await runCli(["validate", "no/such/file.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such file/);
  });
});

describe("audit validate reads the config, and names the export's own columns", () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-validate-config-"));
  writeFileSync(join(dir, "export.csv"), "Crime Ref,Force Name,Date Reported,Agencies Involved\nA-1,Norfolk,02.07.15,\"CSC, Police\"\nA-2,Norfolk,,CSC\nA-3,Norfolk,03.07.15,Probation\n");
  const config = {
    columns: { "Crime Ref": "case_id", "Force Name": "force", "Date Reported": "reported_on", "Agencies Involved": "agencies_consulted" },
    values: { agencies_consulted: { CSC: "social_care" } },
    list_separators: { agencies_consulted: "," },
    date_formats: ["DD.MM.YY"],
    two_digit_year_pivot: 50,
  };
  writeFileSync(join(dir, "audit.config.json"), JSON.stringify(config));

  test("audit.config.json in the working directory: an unmapped item and a missing date named by column and field", async () => {
    const run = await runCli(["validate", "export.csv"], { cwd: dir });
    expect(run.stdout.split("\n")).toEqual([
      'export.csv:2: error: "Agencies Involved" (agencies_consulted): unknown item "Police"; expected one of social_care, health, education, youth_justice, probation, other',
      'export.csv:3: error: "Date Reported" (reported_on): required value is missing',
      "export.csv: 3 records: 1 valid, 2 invalid; 0 warnings",
      "",
    ]);
    expect(run.code).toBe(1);
  });

  test("--no-config: the export's columns are not the contract's", async () => {
    const run = await runCli(["validate", "export.csv", "--no-config"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required columns "case_id" \(closest: "Crime Ref"\), "force" \(closest: "Force Name"\), "reported_on" \(closest: "Date Reported"\); run: audit init --from export\.csv/);
  });
});
