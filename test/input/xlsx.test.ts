import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { cellText } from "../../src/input/xlsx.js";
import { inputDir, readAll, readFailure } from "./_files.js";

const write = inputDir();

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [title, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(title);
    for (const row of rows) sheet.addRow(row);
  }
  const path = write(name, Buffer.alloc(0));
  await book.xlsx.writeFile(path);
  return path;
}

describe("cells typed by Excel read as CSV text would hold them", () => {
  test.each<[string, unknown, string | undefined, string]>([
    ["text", "Norfolk", undefined, "Norfolk"],
    ["a whole number", 13, undefined, "13"],
    ["a fraction", 1.5, undefined, "1.5"],
    ["a date cell", new Date(Date.UTC(2015, 6, 2)), undefined, "2015-07-02"],
    ["a date cell with a time", new Date(Date.UTC(2015, 6, 2, 14, 30)), undefined, "2015-07-02T14:30"],
    ["a formula's cached date, by its number format", { formula: "A1+1", result: 42187 }, "dd/mm/yyyy", "2015-07-02"],
    ["a formula's cached number", { formula: "A1*2", result: 12 }, "General", "12"],
    ["a formula's cached text", { formula: "B1", result: "victim" }, undefined, "victim"],
    ["a formula never calculated", { formula: "B1" }, undefined, ""],
    ["rich text", { richText: [{ text: "Social " }, { text: "Care" }] }, undefined, "Social Care"],
    ["an error cell", { error: "#N/A" }, undefined, "#N/A"],
    ["a boolean", true, undefined, "true"],
    ["empty", null, undefined, ""],
  ])("%s", (_name, value, numFmt, text) => {
    expect(cellText(value, numFmt)).toBe(text);
  });
});

describe("a workbook is read as a CSV file is", () => {
  test("the first sheet, or the one named; each record located as Sheet!row N with its column named", async () => {
    const path = await workbook("cases.xlsx", {
      Summary: [["not", "the", "cases"]],
      "Cases 2015": [
        ["Crime Ref", "force", "Date Reported", "Child Age"],
        ["A-1", "Norfolk", new Date(Date.UTC(2015, 6, 2)), 13],
        [],
        ["A-2", "Norfolk", null, 25],
      ],
    });
    const mapping = { columns: { "Crime Ref": "case_id", "Date Reported": "reported_on" } };
    const { items } = await readAll(path, { mapping, sheet: "Cases 2015" });
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ kind: "case", record: { case_id: "A-1", child_age: 13, reported_on: { text: "2015-07-02" } }, location: { sheet: "Cases 2015", row: 2 } });
    expect(items[1]).toMatchObject({
      kind: "invalid",
      invalid: { sheet: "Cases 2015", row: 4, case_id: "A-2", field: "reported_on", column: "Date Reported", reason: "required value is missing" },
    });
    const first = await readFailure(path, { mapping });
    expect(first.error.message).toMatch(/missing required column/);
  });

  test.each<[string, () => Promise<string> | string, RegExp]>([
    ["a sheet that does not exist", () => workbook("one.xlsx", { Cases: [["case_id"]] }), /one\.xlsx: no sheet named "Nope"; its sheets are "Cases"$/],
    ["a text file named .xlsx", () => write("text.xlsx", "case_id,force\n"), /text\.xlsx: not an \.xlsx workbook \(it is not a zip file\)/],
    [
      "a password-protected workbook (an OLE file holding an EncryptedPackage)",
      () => write("locked.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from("EncryptedPackage", "utf16le")])),
      /locked\.xlsx: the workbook is password-protected; save a copy without a password/,
    ],
    ["an old .xls workbook", () => write("old.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)])), /old\.xlsx: an old \.xls workbook, not \.xlsx/],
    ["a zip that is not a workbook", () => write("empty.xlsx", Buffer.from("504b0506000000000000000000000000000000000000", "hex")), /empty\.xlsx: /],
  ])("%s is one clear line", async (_name, make, message) => {
    const path = await make();
    const { error } = await readFailure(path, { sheet: _name.startsWith("a sheet") ? "Nope" : undefined });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  test("a workbook cut short is one clear line", async () => {
    const path = await workbook("whole.xlsx", { Cases: [["case_id", "force", "reported_on"], ...Array.from({ length: 200 }, (_, i) => [`A-${i}`, "N", "2015-07-02"])] });
    const bytes = (await import("node:fs")).readFileSync(path);
    const cut = write("cut.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { error } = await readFailure(cut);
    expect(error.message).toMatch(/^.*cut\.xlsx: /);
    expect(error.message).not.toContain("\n");
  });
});

describe("a workbook made in the 1904 date system", () => {
  test.each<[string, boolean]>([
    ["the 1900 system (Excel's default)", false],
    ["the 1904 system (old Mac workbooks)", true],
  ])("%s: date cells and formulas' cached dates read as the same days", async (name, date1904) => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = date1904;
    const sheet = book.addWorksheet("Cases");
    sheet.addRow(["case_id", "force", "reported_on", "risk_assessed_on", "interviewed_on"]);
    // A formula's cached value is a serial number, counted in the workbook's own system.
    const serial = (date1904 ? 40725 : 42187) + 1;
    sheet.addRow(["A-1", "Norfolk", new Date(Date.UTC(2015, 6, 2)), { formula: "C2+1", result: serial }, serial]);
    for (const ref of ["C2", "D2"]) sheet.getCell(ref).numFmt = "dd/mm/yyyy";
    sheet.getCell("E2").numFmt = "d-mmm-yy";
    const path = write(`${date1904 ? 1904 : 1900}.xlsx`, Buffer.alloc(0));
    await book.xlsx.writeFile(path);
    const { items } = await readAll(path);
    expect(items[0], name).toMatchObject({
      kind: "case",
      record: { reported_on: { text: "2015-07-02" }, risk_assessed_on: { text: "2015-07-03" }, interviewed_on: { text: "2015-07-03" } },
    });
  });
});
