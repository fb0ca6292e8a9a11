import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

// fixtures/force-export-2: a force's own export (its Title Case headers, list items in its words
// separated by ", ", dates as DD/MM/YY) with one planted mistake of each kind, as CSV and as a
// workbook. A user runs init, fills in what it could not place, then validates and scores.
const CSV = fixture("force-export-2/export.csv");
const XLSX = fixture("force-export-2/export.xlsx");
const FILLED = fixture("force-export-2/audit.config.json");

type Config = { columns: Record<string, string>; values: Record<string, Record<string, string>> } & Record<string, unknown>;

const filled: Config = JSON.parse(readFileSync(FILLED, "utf8"));

async function init(from: string): Promise<{ stderr: string; config: Config }> {
  const cwd = mkdtempSync(join(tmpdir(), "audit-force-2-"));
  const run = await runCli(["init", "--from", from], { cwd });
  expect(run).toMatchObject({ code: 0, stdout: "" });
  return { stderr: run.stderr, config: JSON.parse(readFileSync(join(cwd, "audit.config.json"), "utf8")) };
}

/** What the user does with init's config: maps the two headers it could not place, fills in what they know, deletes the rest. */
function edit(config: Config): Config {
  const values = Object.fromEntries(
    Object.entries(config.values).flatMap(([field, table]) => {
      const kept = Object.entries(table).flatMap(([from, to]) => {
        if (!to.startsWith("FILL IN")) return [[from, to]];
        const answer = filled.values[field]?.[from];
        return answer === undefined ? [] : [[from, answer]];
      });
      return kept.length ? [[field, Object.fromEntries(kept)]] : [];
    }),
  );
  return { ...config, columns: { ...config.columns, "Date First Reported": "reported_on", "QA Grade": "inspector_grade" }, values };
}

const PLANTED = [
  [7, `"Partner Agencies" (agencies_consulted): unknown item "Fire Service"; expected one of social_care, health, education, youth_justice, probation, other`, "SYP-0025"],
  [11, `"Strategy Date" (strategy_discussion_on): expected a date as YYYY-MM-DD, DD/MM/YYYY or D/M/YY, got "July 2015"`, "WMP-0020"],
  [16, `"Date First Reported" (reported_on): required value is missing`, "SYP-0046"],
  [21, `"Age Of Child" (child_age): 25 is outside 0-17`, "WYP-0022"],
  [26, `"Child Recorded As" (child_role): unknown value "X"; expected one of victim, suspect, victim_and_suspect, witness, unknown`, "NOT-0070"],
  [31, `"Occurrence Number" (case_id): duplicate case_id; first seen at {at}5`, "SYP-0052"],
] as const;

/** A planted mistake as validate lists it: `export.csv:7: error: ...`, `export.xlsx:Cases!row 7: error: ...`. */
const listed = (file: string, at: string, seen: string) => ([row, message]: (typeof PLANTED)[number]) =>
  `${file}:${at}${row}: error: ${message.replace("{at}", seen)}`;

describe("a force's export graded from init to score, as CSV and as a workbook", () => {
  test("init places what it can, writes every value it cannot, and says what is left", async () => {
    const { stderr, config } = await init(CSV);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`audit: init: read all 40 rows of ${CSV}; placed 21 of 25 columns:`);
    expect(lines).toContain(
      `audit: init: could not place 4 columns; they will be carried through: "Team" (no field close), ` +
        `"Date First Reported" (nearest field: reported_on), "QA Grade" (nearest field: inspector_grade), "Extracted On" (nearest field: reported_on)`,
    );
    expect(lines).toContain(`audit: init: date_formats: "D/M/YY", with two_digit_year_pivot 50 (00-49 are 20YY, the others 19YY)`);
    expect(lines).toContain(`audit: init: "Partner Agencies" (agencies_consulted): 6 values to fill in under values.agencies_consulted`);
    expect(lines).toContain(`audit: init: no column found for the required field reported_on (nearest: "Date First Reported", "Extracted On"); add it under columns`);
    expect(lines.at(-1)).toBe(`audit: init: wrote audit.config.json; replace each "FILL IN" (11 in all), then run: audit validate ${CSV}`);
    expect(config.values.agencies_consulted).toEqual({
      "Children's Social Care": "FILL IN (nearest: social_care)",
      School: "FILL IN",
      "Health Visitor": "FILL IN (nearest: health)",
      "Other Agency": "FILL IN (nearest: other)",
      "Fire Service": "FILL IN",
      "Youth Offending Team": "FILL IN (nearest: youth_justice)",
    });
    expect(config.list_separators).toEqual({ concern: ",", agencies_consulted: "," });
    expect(edit(config)).toEqual(filled);
  });

  test("the workbook gives init the same config, but for its date cells, which need no date form", async () => {
    const csv = await init(CSV);
    const xlsx = await init(XLSX);
    const { date_formats, two_digit_year_pivot, ...rest } = csv.config;
    expect([date_formats, two_digit_year_pivot]).toEqual([["D/M/YY"], 50]);
    expect(xlsx.config).toEqual(rest);
  });

  test.each([
    ["CSV", CSV, "", "line "],
    ["workbook", XLSX, "Cases!row ", "Cases!row "],
  ])("validate with the filled-in config (%s): each planted mistake named by the export's column, and nothing else", async (_name, file, at, seen) => {
    const run = await runCli(["validate", "--config", FILLED, file]);
    expect(run.code).toBe(1);
    const errors = run.stdout.split("\n").filter((line) => line.includes(": error: "));
    expect(errors).toEqual(PLANTED.map(listed(file, at, seen)));
    expect(run.stdout).toContain(`${file}: 40 records: 34 valid, 6 invalid`);
    expect(run.stdout).toContain(`warning: ${file}: carrying through columns that are not rubric fields: "Team", "Extracted On"`);
  });

  test("score: the workbook grades as the CSV does, and each case as fixtures/hmic-2015.csv grades it", async () => {
    const args = (file: string) => ["score", "--config", FILLED, file, "-f", "ndjson"];
    const [csv, xlsx, reference] = await Promise.all([runCli(args(CSV)), runCli(args(XLSX)), runCli(["score", "--no-config", fixture("hmic-2015.csv"), "-f", "ndjson"])]);
    expect([csv.code, xlsx.code, reference.code]).toEqual([1, 1, 0]);
    const lines = (run: { stdout: string }) => run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const cases = (run: { stdout: string }) => lines(run).filter((line) => line.type === "case");
    expect(cases(xlsx)).toEqual(cases(csv));
    const graded = cases(csv);
    expect(graded).toHaveLength(34);
    const byId = new Map(cases(reference).map((line) => [line.case_id, line]));
    for (const line of graded) expect(line).toEqual(byId.get(line.case_id));
    const invalid = (run: { stdout: string }) => lines(run).filter((line) => line.type === "invalid").map(({ line: _line, sheet: _sheet, row: _row, ...rest }) => rest);
    expect(JSON.stringify(invalid(xlsx))).toBe(JSON.stringify(invalid(csv)).replaceAll("first seen at line ", "first seen at Cases!row "));
    expect(invalid(csv).map((line) => line.case_id)).toEqual(PLANTED.map(([, , id]) => id));
    const summary = lines(csv).find((line) => line.type === "summary") as { overall: unknown };
    expect(summary.overall).toMatchObject({ graded: 34, good: 15, adequate: 9, inadequate: 10, invalid: 6 });
    expect(csv.stderr).toContain("audit: 6 of 40 records are invalid and were not graded");
  });

  test.each([
    ["a sheet that does not exist", [XLSX, "--sheet", "Nope"], `audit: ${XLSX}: no sheet named "Nope"; its sheets are "Cases", "Extract Info"\n`],
    ["a file that is not a workbook", [CSV, "--input-format", "xlsx"], `audit: ${CSV}: not an .xlsx workbook (it is not a zip file); give a workbook, or name a CSV file .csv\n`],
  ])("%s: one line, exit 2", async (_name, args, stderr) => {
    const run = await runCli(["score", "--config", FILLED, ...args]);
    expect(run).toMatchObject({ code: 2, stdout: "", stderr });
  });
});
