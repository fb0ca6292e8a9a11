import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll } from "vitest";
import { readCsvRows, type CsvRow } from "../../src/input/csv.js";
import { InputError } from "../../src/input/errors.js";
import { DAMAGED, FAILED, RecordReader } from "../../src/fast/_reader.js";
import { bomLength, decodeCell, END } from "../../src/fast/_tokenizer.js";

export interface Rows {
  rows: CsvRow[];
  error?: string;
}

/** A fresh temporary directory for one test file, removed when its tests end. */
export function tempFiles(): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), "audit-fast-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return (name, content) => {
    const file = join(dir, `${n++}-${name}`);
    writeFileSync(file, content);
    return file;
  };
}

/** The reference: csv-parse through src/input/csv.ts, fed in chunks of the given size. */
export async function referenceRows(bytes: Buffer, delimiter: string, chunk = 7, maxRecordChars?: number): Promise<Rows> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const head = parts.shift() ?? Buffer.alloc(0);
  const source = { name: "f.csv", format: "csv" as const, head, rest: Readable.from(parts) };
  const rows: CsvRow[] = [];
  try {
    for await (const row of readCsvRows(source, delimiter, maxRecordChars)) rows.push(row);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { rows, error: error.message };
  }
  return { rows };
}

/** The fast reader over the same bytes, shaped like the reference's rows. */
export function fastRows(path: string, bytes: Buffer, delimiter: string, maxRecordChars = 8 << 20, bufferBytes = 16): Rows {
  const fd = openSync(path, "r");
  try {
    const reader = new RecordReader(fd, bytes.length, { delimiter, maxRecordChars, bufferBytes });
    reader.seek(bomLength(bytes));
    const rows: CsvRow[] = [];
    for (;;) {
      const status = reader.next();
      if (status === END) return { rows };
      if (status === FAILED) return { rows, error: `f.csv: line ${1 + reader.lineAfterRecord}: ${reader.error}` };
      // As the reference, the header is read whole, and a stray quote after it costs one record.
      reader.recover = true;
      if (status === DAMAGED) {
        rows.push({ line: 1 + reader.line, cells: reader.damage!.cells, damage: reader.damage!.reason });
        continue;
      }
      const { cells } = reader;
      const values: string[] = [];
      for (let i = 0; i < cells.count; i++) values.push(decodeCell(reader.buf, cells.start[i]!, cells.end[i]!, cells.quoted[i]!));
      rows.push({ line: 1 + reader.line, cells: values });
    }
  } finally {
    closeSync(fd);
  }
}
