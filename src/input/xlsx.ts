import { open } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { InputError } from "./errors.js";
import { quoteName } from "../text/quote.js";

/** One row of a worksheet, its cells as CSV text would hold them: `row` is the sheet's own row number. */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: string[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML file keeps its workbook in, named in UTF-16 in the OLE directory. */
const ENCRYPTED = Buffer.from("EncryptedPackage", "utf16le");
const LOOK_FOR_ENCRYPTION_BYTES = 4 << 20;

export const isWorkbookPath = (path: string) => /\.xls[xm]$/i.test(path);

/** What a file that is not a readable .xlsx workbook is, in one line; undefined when it looks like one. */
async function notAWorkbook(path: string): Promise<string | undefined> {
  let head: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(LOOK_FOR_ENCRYPTION_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : `cannot read (${code ?? "error"})`;
  }
  if (head.subarray(0, 4).equals(ZIP)) return undefined;
  if (head.subarray(0, 8).equals(OLE)) {
    return head.includes(ENCRYPTED)
      ? "the workbook is password-protected; save a copy without a password (File > Info > Protect Workbook) and read that"
      : "an old .xls workbook, not .xlsx; save it as an Excel Workbook (.xlsx) and read that";
  }
  return "not an .xlsx workbook (it is not a zip file); give a workbook, or name a CSV file .csv";
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A date cell as the contract writes dates: the day, and the time of day when there is one. */
function dateText(date: Date): string {
  const at = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const [hours, minutes, seconds] = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()];
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  return `${day}T${pad(hours)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ""}`;
}

/** Date formats as Excel's number formats spell them: a d, m or y outside quotes and brackets, and no `General`. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmy]/i.test(bare) && !/general/i.test(bare);
}

/**
 * The serial number of 1970-01-01 in a workbook's date system: Excel counts days from 1900 (with
 * 1900 wrongly a leap year), or, in a workbook made for old Macs (`date1904`), from 1904.
 */
const UNIX_EPOCH = { 1900: 25569, 1904: 24107 } as const;
export type DateSystem = keyof typeof UNIX_EPOCH;

/**
 * A cell's value as CSV text would hold it: text as written, numbers as digits, Excel's dates as
 * YYYY-MM-DD, a formula's cached value. exceljs turns the date cells it knows into dates itself, in
 * the workbook's date system; a number under a date format it does not know, and a formula's cached
 * date, are counted here in `system`.
 */
export function cellText(value: unknown, numFmt?: string, system: DateSystem = 1900): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (typeof value === "number") {
    if (isDateFormat(numFmt)) return dateText(new Date(Math.round((value - UNIX_EPOCH[system]) * 86_400_000)));
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((run) => run.text).join("");
    if ("formula" in cell || "sharedFormula" in cell) return cellText(cell.result, numFmt, system);
    if (cell.error !== undefined) return cell.error;
    if (cell.text !== undefined) return cellText(cell.text, numFmt, system);
  }
  return "";
}

function readFailure(name: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 120);
  return new InputError(`${name}: cannot read the workbook, it is damaged (${message})`);
}

/** The date system of the workbook a reader has opened, as exceljs read it from its `workbookPr`. */
function dateSystem(reader: unknown): DateSystem {
  const properties = (reader as { properties?: { model?: { date1904?: boolean } } }).properties;
  return properties?.model?.date1904 ? 1904 : 1900;
}

/**
 * The rows of one worksheet (`sheet`, or the first), read as a stream: the cells of a 1M-row
 * sheet are never all in memory. Rows with no value in any cell are skipped, as blank lines are.
 */
export async function* readSheetRows(path: string, name: string, sheet?: string): AsyncGenerator<SheetRow> {
  const problem = await notAWorkbook(path);
  if (problem) throw new InputError(`${name}: ${problem}`);
  // Loaded only for a workbook: it is most of the CLI's start-up time otherwise.
  const { default: excel } = await import("exceljs");
  const reader = new excel.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const title = (worksheet as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(title);
      if (sheet !== undefined && title !== sheet) {
        // A sheet passed over is read to its end: left half-read, its stream errors after the run has ended.
        for await (const _row of worksheet as AsyncIterable<unknown>) void _row;
        continue;
      }
      found = true;
      const system = dateSystem(reader);
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellText(cell.value, cell.numFmt, system);
        });
        const filled = Array.from(cells, (cell) => cell ?? "");
        if (filled.some((cell) => cell !== "")) yield { sheet: title, row: row.number, cells: filled };
      }
      break;
    }
  } catch (error) {
    throw readFailure(name, error);
  }
  if (seen.length === 0) throw new InputError(`${name}: the workbook holds no worksheet`);
  if (!found) throw new InputError(`${name}: no sheet named ${quoteName(sheet ?? "")}; its sheets are ${seen.map(quoteName).join(", ")}`);
}
