import ExcelJS from "exceljs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { proposeDateForms } from "../../src/config/guess-dates.js";
import { guessConfig, initReport, MAX_TO_FILL, MAX_VALUE_CHARS, writeStarterConfig } from "../../src/config/init.js";
import { loadConfig } from "../../src/config/load.js";
import { inputDir, lines } from "../input/_files.js";

const write = inputDir();

const HEADER = "Crime Ref,Force Name,Date Reported,Agencies Involved,Abuse Type,Views Recorded,Child Age";

describe("audit init reads the whole export and writes every value it cannot place", () => {
  test("a value first seen past the first thousands of rows is written, in full", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `A-${i},Norfolk,02/07/2015,Health,Neglect,yes,9`);
    const long = "Sexual abuse within the family as disclosed at school to a teacher";
    rows.push(`A-5000,Norfolk,02/07/2015,Health,"${long}",yes,9`);
    const result = await guessConfig(write("late.csv", lines(HEADER, ...rows)));
    expect(result.rows).toBe(5001);
    expect((result.config.values as Record<string, unknown>).concern).toEqual({ [long]: "FILL IN (nearest: sexual_abuse)" });
  });

  test("a list's items are written one by one, in the export's separator, each with the nearest word", async () => {
    const file = write(
      "lists.csv",
      lines(
        HEADER,
        `A-1,Norfolk,02/07/2015,"Children's Social Care, Probation",Neglekt,Y,9`,
        `A-2,Norfolk,02/07/2015,"Youth Offending, children's social care",CSE,N,9`,
        `A-3,Norfolk,02/07/2015,School Nurse,Neglect,Unknown,nine`,
      ),
    );
    const result = await guessConfig(file);
    expect(result.config.values).toEqual({
      agencies_consulted: {
        "Children's Social Care": "FILL IN (nearest: social_care)",
        "Youth Offending": "FILL IN (nearest: youth_justice)",
        "School Nurse": "FILL IN",
      },
      concern: { Neglekt: "neglect" },
      child_views_recorded: { Unknown: "FILL IN" },
      child_age: { nine: "FILL IN" },
    });
    expect(result.config.list_separators).toEqual({ agencies_consulted: "," });
    const report = initReport(result, "lists.csv", "audit.config.json").join("\n");
    expect(report).toContain(`audit: init: "Agencies Involved" (agencies_consulted): items separated by "," (list_separators)`);
    expect(report).toContain(`audit: init: "Agencies Involved" (agencies_consulted): 3 values to fill in under values.agencies_consulted`);
    expect(report).toContain(`audit: init: wrote audit.config.json; replace each "FILL IN" (5 in all), then run: audit validate lists.csv`);
  });

  test("a config still holding a FILL IN is refused, naming the value and what it may be", async () => {
    const dir = dirname(write("fill.csv", lines(HEADER, `A-1,Norfolk,02/07/2015,Youth Offending,Neglect,Y,9`)));
    await writeStarterConfig(await guessConfig(join(dir, "fill.csv")), "audit.config.json", dir);
    await expect(loadConfig({ cwd: dir, useConfig: true })).rejects.toThrow(
      `audit.config.json: values.agencies_consulted["Youth Offending"]: fill in what this value stands for: one or more of ` +
        `social_care, health, education, youth_justice, probation, other, separated by ";", or "" for not recorded (init's nearest guess: youth_justice)`,
    );
  });

  test("text in a typed column is counted, never written into the config", async () => {
    const sentence = "Child disclosed to a teacher that an older cousin had touched her at a family party last summer";
    const rows = [`A-1,Norfolk,02/07/2015,,"${sentence} and again at Christmas",,`, `A-2,Norfolk,02/07/2015,,"${"x ".repeat(600)}",,`, `A-3,Norfolk,02/07/2015,,Neglekt,,`];
    const result = await guessConfig(write("text.csv", lines(HEADER, ...rows)));
    expect(result.config.values).toEqual({ concern: { Neglekt: "neglect" } });
    expect(initReport(result, "text.csv", "audit.config.json")).toContain(
      `audit: init: "Abuse Type" (concern): 2 values it cannot read, each longer than ${MAX_VALUE_CHARS} characters (text in the wrong column?), not written`,
    );
  });

  test("more values than can be filled in by hand are counted, not written", async () => {
    const rows = Array.from({ length: MAX_TO_FILL + 1 }, (_, i) => `A-${i},Norfolk,02/07/2015,,,,age ${i}`);
    const result = await guessConfig(write("many.csv", lines(HEADER, ...rows)));
    expect(result.config.values).toEqual({});
    expect(initReport(result, "many.csv", "x.json")).toContain(
      `audit: init: "Child Age" (child_age): more than ${MAX_TO_FILL} values it cannot read, too many to write one by one; map them under values`,
    );
  });

  test("the date forms it sees are proposed, with a pivot for two-digit years", async () => {
    const file = write("dates.csv", lines(HEADER, "A-1,Norfolk,02/07/15,,,,", "A-2,Norfolk,2 Jul 2015,,,,", "A-3,Norfolk,not known,,,,"));
    const result = await guessConfig(file);
    expect(result.config).toMatchObject({ date_formats: ["D/M/YY", "D MMM YYYY"], two_digit_year_pivot: 50, values: { reported_on: { "not known": "FILL IN" } } });
    expect(initReport(result, "dates.csv", "audit.config.json")).toContain(
      `audit: init: date_formats: "D/M/YY", "D MMM YYYY", with two_digit_year_pivot 50 (00-49 are 20YY, the others 19YY)`,
    );
  });

  test("headers it could not place are listed with the nearest field left, escaped", async () => {
    const file = write("headers.csv", lines(`${HEADER},Strat Mtg Dt,"Stn\u001b[2J"`, "A-1,Norfolk,02/07/2015,,,,,,"));
    const result = await guessConfig(file);
    expect(result.unplaced).toEqual([{ header: "Strat Mtg Dt", nearest: "strategy_discussion_on" }, { header: "Stn\u001b[2J" }]);
    const report = initReport(result, "headers.csv", "audit.config.json").join("\n");
    expect(report).toContain(`"Strat Mtg Dt" (nearest field: strategy_discussion_on), "Stn\\x1b[2J" (no field close)`);
    expect(report).not.toContain("\u001b");
  });

  test("a workbook's first sheet, its date cells read as dates", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Cases");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["A-1", "Norfolk", new Date(Date.UTC(2015, 6, 2)), "Health | CSC", "Neglect", "Y", 9]);
    const path = write("cases.xlsx", Buffer.alloc(0));
    await book.xlsx.writeFile(path);
    const result = await guessConfig(path);
    expect(result.rows).toBe(1);
    expect(result.config).toMatchObject({ values: { agencies_consulted: { CSC: "FILL IN" } }, list_separators: { agencies_consulted: "|" } });
    expect(result.config).not.toHaveProperty("date_formats");
  });
});

describe("proposeDateForms", () => {
  test.each<[string, string[], string[]]>([
    ["the built-in forms need nothing", ["2015-07-02", "02/07/2015"], []],
    ["day-first with a two-digit year", ["02/07/15", "25/12/14"], ["D/M/YY"]],
    ["dashes and dots", ["02-07-2015", "02.07.2015"], ["D-M-YYYY", "D.M.YYYY"]],
    ["month names", ["2 Jul 2015", "14 sept 2014"], ["D MMM YYYY"]],
    ["month-first is never proposed beside the built-in day-first form", ["07/25/2015"], []],
  ])("%s", (_name, values, formats) => {
    expect(proposeDateForms(values).formats).toEqual(formats);
  });
});
