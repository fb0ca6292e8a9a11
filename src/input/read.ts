import type { Readable } from "node:stream";
import type { Case } from "./case.js";
import { InputError } from "./errors.js";
import { closestColumns } from "./column-names.js";
import { REQUIRED_FIELDS } from "./fields.js";
import { makeTargeter, type ColumnTarget } from "./header.js";
import { readJsonItems, readNdjsonItems } from "./json.js";
import type { FieldProblem } from "./check.js";
import type { InputFormat, Source } from "./source.js";
import { openInput, type Location, type Table } from "./table.js";
import { FirstSeen } from "./case-ids.js";
import { caseIdOf, damagedFields, fieldName, raggedRow, rowFields, tooLong } from "./row.js";
import { jsonText } from "./values.js";
import { columnTitle, placeOf } from "./describe.js";
import { fieldReaders, type ColumnMapping } from "./mapping.js";
import { checkGroupColumn } from "./group-column.js";
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_BYTES } from "./limits.js";

export type { Location };

export interface InvalidRecord {
  line?: number;
  index?: number;
  /** A workbook's sheet, and the row in it (Excel's own row number). */
  sheet?: string;
  row?: number;
  case_id?: string;
  /** The first field at fault, its column's title in the export (where that is not the field's name), and why. */
  field: string;
  column?: string;
  reason: string;
  /** Every problem found in the record. */
  errors: FieldProblem[];
}

/**
 * A record's columns as written, for an output that reproduces the record (`audit sample --columns all`):
 * the header (or key) and cell (or JSON value) of each, `notes` only when asked for. `idColumn` is the
 * position of the column that holds the case_id.
 */
export interface RecordRow {
  columns: readonly string[];
  values: readonly unknown[];
  idColumn: number;
}

/** Per field, the title of its column in the export, where that is not the field's own name. */
export type ColumnTitles = ReadonlyMap<string, string>;

/** Per field, the title of its column, from a file's header and where each column goes. */
export function columnTitles(header: readonly string[], targets: readonly ColumnTarget[]): ColumnTitles {
  const titles = new Map<string, string>();
  targets.forEach((target, i) => {
    const field = target.kind === "field" ? target.name : target.kind === "private" ? "notes" : undefined;
    if (field !== undefined && header[i] !== field) titles.set(field, header[i]!);
  });
  return titles;
}

/** An invalid record as every reader lists it: each problem named by its field and its column's title. */
export function invalidRecord(location: Location, caseId: string | undefined, problems: readonly FieldProblem[], titles: ColumnTitles): InvalidRecord {
  const errors = problems.map(({ field, reason }) => {
    const column = titles.get(field);
    return column === undefined ? { field, reason } : { field, column, reason };
  });
  return { ...locate(location), case_id: caseId, ...errors[0]!, errors };
}

export type ReadItem =
  | { kind: "case"; record: Case; location: Location; row?: RecordRow }
  /** `raw` and `rawExtra` are the record as written, for grouping only: never output. */
  | { kind: "invalid"; invalid: InvalidRecord; raw: Record<string, unknown>; rawExtra: Record<string, string> };


export interface ReadOptions {
  format?: InputFormat;
  delimiter?: string;
  mapping?: ColumnMapping;
  stdin?: Readable;
  warn?: (message: string) => void;
  /** A cell (or JSON string, or NDJSON line) longer than this makes its record invalid; default 1 MiB. */
  maxFieldBytes?: number;
  /** Carried-through columns that something downstream reads (a plugin rule's fields): not warned about. */
  expectedColumns?: ReadonlySet<string>;
  /** The worksheet of a workbook to read (default: the first). */
  sheet?: string;
  /** Called once the source is open, e.g. to learn its size. */
  onOpen?: (source: Source) => void;
  /**
   * Read again only the cases with these ids, each with its columns as written (`row`), `notes` among
   * them only when `notes` is true. Records with other ids are passed over unchecked and not given.
   */
  rows?: { ids: ReadonlySet<string>; notes: boolean };
  /** The column records are grouped by (as `groupColumn` settles it): the file must have it. */
  groupBy?: string;
  /** The most columns a header, or distinct keys the records of a JSON file, may have (default DEFAULT_MAX_COLUMNS). */
  maxColumns?: number;
}

/** A raw record as read: contract field → value as written, and carried-through columns. */
interface RawRecord {
  location: Location;
  fields: Record<string, unknown>;
  extra: Record<string, string>;
  problem?: FieldProblem;
  /** The columns as written, made only for a record that is asked for. */
  row?: () => RecordRow;
}

/** Whether a column goes into a kept row: every one but `notes`, unless asked for. */
const keptInRow = (target: ColumnTarget, rows: ReadOptions["rows"]) => target.kind !== "private" || rows?.notes === true;

/** With `options.rows`, for a file with a header: a record's row, made from its cells only when asked for. */
function rowMaker(header: readonly string[], targets: readonly ColumnTarget[], rows: ReadOptions["rows"]) {
  if (!rows) return undefined;
  const kept = header.flatMap((_text, i) => (keptInRow(targets[i]!, rows) ? [i] : []));
  const columns = kept.map((i) => header[i]!);
  const idColumn = kept.indexOf(targets.findIndex((t) => t.kind === "field" && t.name === "case_id"));
  return (cell: (i: number) => string) => (): RecordRow => ({ columns, values: kept.map(cell), idColumn });
}

export function locate(location: Location): Pick<InvalidRecord, "line" | "index" | "sheet" | "row"> {
  if ("line" in location) return { line: location.line };
  return "index" in location ? { index: location.index } : { sheet: location.sheet, row: location.row };
}

/** A record may be this many times --max-field-bytes before the file is given up as not CSV at all. */
export const RECORD_LIMIT_FACTOR = 8;

/** A header that names a field twice, or lacks a required one, stops the run: one line, with the likely fix. */
export function checkHeader(name: string, header: readonly string[], targets: readonly ColumnTarget[]): void {
  const seen = new Map<string, string>();
  targets.forEach((target, i) => {
    if (target.kind !== "field") return;
    const other = seen.get(target.name);
    if (other !== undefined) throw new InputError(`${name}: columns ${columnTitle(other)} and ${columnTitle(header[i]!)} are both the field ${target.name}`);
    seen.set(target.name, header[i]!);
  });
  const missing = REQUIRED_FIELDS.filter((field) => !seen.has(field));
  if (missing.length) {
    const unplaced = header.filter((_text, i) => targets[i]!.kind === "extra");
    const list = missing.map((field) => {
      const closest = closestColumns(field, unplaced, 2).map(columnTitle);
      return `"${field}" (${closest.length ? `closest: ${closest.join(", ")}` : "no column looks like it"})`;
    });
    const from = name === "stdin" ? "FILE (saved from stdin)" : name;
    throw new InputError(`${name}: missing required column${missing.length > 1 ? "s" : ""} ${list.join(", ")}; run: audit init --from ${from}`);
  }
}

/** Where each column of a CSV file goes, checked once: a field, nowhere (notes), or carried through (warned about once). */
export function planHeader(name: string, header: readonly string[], options: Pick<ReadOptions, "mapping" | "warn" | "expectedColumns" | "groupBy" | "maxColumns">): ColumnTarget[] {
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  if (header.length > maxColumns) throw new InputError(`${name}: a header of ${header.length} columns, over the limit of ${maxColumns} (--max-columns)`);
  const targeter = makeTargeter(options.mapping);
  const targets = header.map((text, i): ColumnTarget => (text.trim() === "" ? { kind: "extra", name: `column_${i + 1}` } : targeter(text)));
  checkHeader(name, header, targets);
  if (options.groupBy !== undefined) checkGroupColumn(name, options.groupBy, targets);
  const carried = targets.flatMap((t, i) => (t.kind === "extra" && !options.expectedColumns?.has(t.name) ? [header[i]!.trim() === "" ? t.name : columnTitle(header[i]!)] : []));
  if (carried.length) options.warn?.(`${name}: carrying through columns that are not rubric fields: ${carried.join(", ")}`);
  return targets;
}

/** A CSV file's or a worksheet's rows as records: the header planned once, each row sorted into fields. */
async function* tableRecords(table: Table, options: ReadOptions, titles: Map<string, string>): AsyncGenerator<RawRecord> {
  const maxField = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const { header } = table;
  const targets = planHeader(table.name, header, options);
  for (const [field, title] of columnTitles(header, targets)) titles.set(field, title);
  const idColumn = targets.findIndex((t) => t.kind === "field" && t.name === "case_id");
  const rowOf = rowMaker(header, targets, options.rows);

  for await (const { location, cells, damage } of table.rows) {
    if (damage !== undefined) {
      yield { location, fields: damagedFields(cells, idColumn === 0, maxField), extra: Object.create(null), problem: { field: "record", reason: damage } };
    } else if (cells.length !== header.length) {
      yield { location, fields: {}, extra: Object.create(null), problem: raggedRow(cells.length, header.length) };
    } else {
      yield { location, ...rowFields(cells.length, (i) => cells[i]!, targets, maxField), row: rowOf?.((i) => cells[i]!) };
    }
  }
}

async function* jsonRecords(source: Source, options: ReadOptions, titles: Map<string, string>): AsyncGenerator<RawRecord> {
  const maxField = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const items = source.format === "ndjson" ? readNdjsonItems(source, maxField) : readJsonItems(source, maxField * RECORD_LIMIT_FACTOR);
  const targeter = makeTargeter(options.mapping);
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const targets = new Map<string, ColumnTarget>();
  const warned = new Set<string>();
  let read = false;
  for await (const item of items) {
    const fields: Record<string, unknown> = {};
    const extra: Record<string, string> = Object.create(null);
    const value = item.value;
    if (item.error || typeof value !== "object" || value === null || Array.isArray(value)) {
      const reason = item.error ?? `expected a record object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`;
      yield { location: item.location, fields, extra, problem: { field: "record", reason } };
      continue;
    }
    let problem: FieldProblem | undefined;
    const row = options.rows ? { columns: [] as string[], values: [] as unknown[], idColumn: -1 } : undefined;
    for (const [key, raw] of Object.entries(value)) {
      let target = targets.get(key);
      if (!target) {
        if (targets.size >= maxColumns) throw new InputError(`${source.name}: ${placeOf(locate(item.location))}: more than ${maxColumns} distinct keys in the records (--max-columns)`);
        target = targeter(key);
        targets.set(key, target);
        for (const [field, title] of columnTitles([key], [target])) if (!titles.has(field)) titles.set(field, title);
        if (target.kind === "extra" && !warned.has(target.name) && !options.expectedColumns?.has(target.name)) {
          warned.add(target.name);
          options.warn?.(`${source.name}: carrying through a key that is not a rubric field: ${target.name}`);
        }
      }
      if (row && keptInRow(target, options.rows)) {
        if (target.kind === "field" && target.name === "case_id") row.idColumn = row.columns.length;
        row.columns.push(key);
        row.values.push(raw);
      }
      if (target.kind === "field" && Object.hasOwn(fields, target.name)) {
        problem ??= { field: target.name, reason: `two keys are the field ${target.name}` };
      }
      const over = typeof raw === "string" ? tooLong(raw, maxField) : undefined;
      if (over) {
        problem ??= { field: fieldName(target), reason: over };
      } else if (target.kind === "field") fields[target.name] = raw;
      else if (target.kind === "extra") extra[target.name] = typeof raw === "string" ? raw : jsonText(raw);
    }
    yield { location: item.location, fields, extra, problem, row: row && (() => row) };
    read = true;
  }
  if (read && options.groupBy !== undefined) checkGroupColumn(source.name, options.groupBy, targets.values(), "key");
}

async function openRecords(path: string, options: ReadOptions, titles: Map<string, string>): Promise<AsyncGenerator<RawRecord>> {
  const maxRecordChars = (options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES) * RECORD_LIMIT_FACTOR;
  const opened = await openInput(path, { ...options, maxRecordChars });
  return "table" in opened ? tableRecords(opened.table, options, titles) : jsonRecords(opened.source, options, titles);
}

/**
 * Reads case records from a file (or `-` for stdin) and validates each one.
 * Every record comes out once: as a case, or as an invalid record with its
 * line or index, field and reason. Problems with the whole file throw InputError.
 */
export async function* readCases(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const titles = new Map<string, string>();
  const records = await openRecords(path, options, titles);
  // The record check is zod's: loaded here, so that a run the fast path grades never loads it.
  const { checkRecord } = await import("./record.js");
  const ids = new FirstSeen();
  const readers = fieldReaders(options.mapping);
  for await (const raw of records) {
    const caseId = caseIdOf(raw.fields);
    const invalid = (errors: FieldProblem[]): ReadItem => ({
      kind: "invalid",
      invalid: invalidRecord(raw.location, caseId, errors, titles),
      raw: raw.fields,
      rawExtra: raw.extra,
    });
    if (raw.problem) {
      yield invalid([raw.problem]);
      continue;
    }
    if (options.rows && (caseId === undefined || !options.rows.ids.has(caseId))) continue;
    // The first record with an id owns it, graded or not; every later one is a duplicate.
    const first = caseId === undefined ? undefined : ids.claim(caseId, raw.location);
    if (first) {
      yield invalid([{ field: "case_id", reason: `duplicate case_id; first seen at ${placeOf(locate(first))}` }]);
      continue;
    }
    readers.mapFields(raw.fields);
    const checked = checkRecord(raw.fields, raw.extra, readers.fields);
    if (!checked.ok) yield invalid(checked.problems);
    else yield raw.row ? { kind: "case", record: checked.record, location: raw.location, row: raw.row() } : { kind: "case", record: checked.record, location: raw.location };
  }
}
