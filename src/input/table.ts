import type { Readable } from "node:stream";
import { readCsvRows } from "./csv.js";
import { InputError } from "./errors.js";
import { openSource, type InputFormat, type Source } from "./source.js";
import { isWorkbookPath, readSheetRows } from "./xlsx.js";

export type Location = { line: number } | { index: number } | { sheet: string; row: number };

/** A row after the header, its cells as text; `damage` says why a CSV record cannot be read (a stray quote). */
export interface TableRow {
  location: Location;
  cells: string[];
  damage?: string;
}

/** A CSV file or one worksheet of a workbook: a header row, then rows of cells. */
export interface Table {
  name: string;
  header: string[];
  rows: AsyncIterable<TableRow>;
}

export interface OpenOptions {
  format?: InputFormat;
  delimiter?: string;
  sheet?: string;
  stdin?: Readable;
  /** A CSV record longer than this ends the run. */
  maxRecordChars?: number;
  /** Called once the source is open, e.g. to learn its size. */
  onOpen?: (source: Source) => void;
}

async function csvTable(source: Source, options: OpenOptions): Promise<Table> {
  const rows = readCsvRows(source, options.delimiter, options.maxRecordChars);
  const first = await rows.next();
  if (first.done) throw new InputError(`${source.name}: the file is empty (no header row)`);
  async function* records(): AsyncGenerator<TableRow> {
    for await (const { line, cells, damage } of rows) yield { location: { line }, cells, damage };
  }
  return { name: source.name, header: first.value.cells, rows: records() };
}

/** A sheet's rows as a CSV file's: a row is as wide as the header unless it holds values past it. */
async function sheetTable(path: string, sheet: string | undefined): Promise<Table> {
  const rows = readSheetRows(path, path, sheet);
  const first = await rows.next();
  if (first.done) throw new InputError(`${path}: the sheet is empty (no header row)`);
  const header = first.value.cells;
  async function* records(): AsyncGenerator<TableRow> {
    for await (const { sheet: title, row, cells } of rows) {
      const filled = cells.findLastIndex((cell) => cell !== "") + 1;
      const width = Math.max(filled, header.length);
      yield { location: { sheet: title, row }, cells: Array.from({ length: width }, (_, i) => (i < filled ? (cells[i] ?? "") : "")) };
    }
  }
  return { name: path, header, rows: records() };
}

/**
 * Opens a file (or `-` for stdin) as every command that reads records does: a CSV file or a
 * workbook's sheet as a table, a JSON or NDJSON file as a source to read items from.
 */
export async function openInput(path: string, options: OpenOptions): Promise<{ table: Table } | { source: Source }> {
  const workbook = options.format === "xlsx" || (options.format === undefined && path !== "-" && isWorkbookPath(path));
  if (workbook && path === "-") throw new InputError("stdin: a workbook cannot be read from stdin; give its path");
  if (workbook) {
    options.onOpen?.({ name: path, format: "xlsx", head: Buffer.alloc(0), rest: { async *[Symbol.asyncIterator]() {} } });
    return { table: await sheetTable(path, options.sheet) };
  }
  if (options.sheet !== undefined) throw new InputError(`${path === "-" ? "stdin" : path}: --sheet is for .xlsx workbooks`);
  const source = await openSource(path, options.format, options.stdin);
  options.onOpen?.(source);
  return source.format === "csv" ? { table: await csvTable(source, options) } : { source };
}
