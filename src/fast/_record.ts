import { groupValue } from "../engine/group.js";
import type { Case } from "../input/case.js";
import { FIELDS } from "../input/fields.js";
import type { ColumnMapping } from "../input/mapping.js";
import { checkFields, type FieldProblem } from "../input/check.js";
import { fieldReaders, type FieldReaders } from "../input/mapping.js";
import type { Parsed } from "../input/values.js";
import { caseIdOf, damagedFields, raggedRow, rowFields } from "../input/row.js";
import { compactFor } from "../rules/case-view.js";
import { FieldCells, fnv } from "./_cells.js";
import type { ColumnPlan } from "./_columns.js";
import { Groups } from "./_groups.js";
import { hashAsciiId, hashId } from "../input/case-ids.js";
import { caseShape, noExtra, plainAscii } from "./_steps.js";
import { decodeCell, unescaped, utf8, type RecordCells } from "./_tokenizer.js";

/** What a record is before duplicate ids are settled. */
export const CASE = 0;
export const INVALID = 1;
/** Invalid before validation (ragged row, over-long cell): it does not claim its case_id. */
export const PROBLEM = 2;

export const CASE_ID = FIELDS.findIndex((f) => f.name === "case_id");
const TYPED = FIELDS.flatMap((spec, f) => (spec.private ? [] : [f]));
const FIELD_INDEX: Partial<Record<string, number>> = Object.fromEntries(FIELDS.map((spec, f) => [spec.name, f]));
export interface CheckerOptions {
  plan: ColumnPlan;
  mapping?: ColumnMapping;
  groupBy: string;
  maxFieldBytes: number;
}


/**
 * Validates one record as src/input/read.ts and record.ts do, each field's reference parser
 * called once per distinct cell text (FieldCells). Records that are not plain valid cases take
 * the reference's own steps on decoded strings, so their problems are the reference's.
 */
export class RecordChecker {
  kind = CASE;
  /** The case_id as written, trimmed: in `idText`, or (plain ASCII) as the bytes buf[idFrom, idTo). */
  hasId = false;
  idText: string | undefined;
  idFrom = 0;
  idTo = 0;
  group = "";
  rawGroup = "";
  problems: FieldProblem[] = [];
  /** Per field, its compact value (see FieldCells). */
  readonly num = new Float64Array(FIELDS.length);
  private readonly entries = new Int32Array(FIELDS.length);
  private record: Case | undefined;
  private id: unknown;
  private buf: Uint8Array = new Uint8Array(0);
  private cells: RecordCells | undefined;
  private readonly cellsOf: FieldCells[] = [];
  private readonly readers: FieldReaders;
  private readonly parseId: (raw: unknown) => Parsed<unknown>;
  private readonly mappedIds: boolean;
  private readonly mappers: ((raw: unknown) => unknown)[] = [];
  private readonly absent: unknown[] = [];
  private readonly absentNum = new Float64Array(FIELDS.length);
  private readonly typed: Int32Array;
  private readonly columns: Int32Array;
  private readonly required: Uint8Array;
  private readonly groups: Groups;
  private readonly extraColumns: number[];
  /** `--group-by extra` reads the whole carried-through object: every record takes the slow path. */
  private readonly slowAlways: boolean;

  constructor(private readonly options: CheckerOptions) {
    const { plan, mapping, groupBy } = options;
    const readers = (this.readers = fieldReaders(mapping));
    this.parseId = readers.byName.get("case_id")!.parse;
    for (const f of TYPED) {
      const spec = FIELDS[f]!;
      const { parse, map } = readers.byName.get(spec.name)!;
      const compact = compactFor(spec);
      this.mappers[f] = map;
      const absent = parse(undefined);
      this.absent[f] = absent.ok ? absent.value : undefined;
      this.absentNum[f] = this.absent[f] === undefined ? NaN : compact(this.absent[f]);
      this.cellsOf[f] = new FieldCells((text) => parse(map(text)), compact, spec.kind === "date" && !mapping?.values?.[spec.name]);
    }
    const typed = TYPED.filter((f) => f !== CASE_ID);
    this.typed = Int32Array.from(typed);
    this.columns = Int32Array.from(typed, (f) => plan.columnOf[f]!);
    this.required = Uint8Array.from(typed, (f) => (FIELDS[f]!.required ? 1 : 0));
    this.slowAlways = groupBy === "extra";
    this.extraColumns = plan.targets.flatMap((t, i) => (t.kind === "extra" ? [i] : []));
    this.mappedIds = mapping?.values?.case_id !== undefined;
    this.groups = new Groups(plan, groupBy, readers, this.absent);
  }

  /** Settles the record in `cells`; the outcome is in this object's fields until the next call. */
  check(buf: Uint8Array, cells: RecordCells): void {
    this.buf = buf;
    this.cells = cells;
    this.record = undefined;
    const { header, columnOf } = this.options.plan;
    this.idText = undefined;
    this.id = undefined;
    if (cells.count !== header.length) {
      this.kind = PROBLEM;
      this.hasId = false;
      this.problems = [raggedRow(cells.count, header.length)];
      this.group = this.rawGroup = this.groups.ragged;
      return;
    }
    const { start, end, quoted } = cells;
    const safeLength = this.options.maxFieldBytes / 3;
    for (let i = 0; i < cells.count; i++) if (end[i]! - start[i]! > safeLength) return this.slow();
    if (this.slowAlways) return this.slow();
    const idColumn = columnOf[CASE_ID]!;
    // A mapped id is decoded, for its mapping to be looked up; the id as written is still what duplicates compare.
    const idText = this.settleId(buf, start[idColumn]!, end[idColumn]!, quoted[idColumn]!, this.mappedIds);
    if (idText !== undefined) {
      const parsedId = this.parseId(this.mappers[CASE_ID]!(idText));
      if (!parsedId.ok || parsedId.value === undefined) return this.slow();
      this.id = parsedId.value;
    }
    const { typed, columns, required, entries, num } = this;
    for (let k = 0; k < typed.length; k++) {
      const f = typed[k]!;
      const column = columns[k]!;
      if (column < 0) {
        if (required[k]) return this.slow();
        entries[f] = -1;
        num[f] = this.absentNum[f]!;
        continue;
      }
      const cellsOf = this.cellsOf[f]!;
      let entry: number;
      if (quoted[column]) {
        const bytes = unescaped(buf, start[column]!, end[column]!);
        entry = cellsOf.lookup(bytes, 0, bytes.length, fnv(bytes, 0, bytes.length));
      } else entry = cellsOf.lookup(buf, start[column]!, end[column]!, cells.hash[column]!);
      if (cellsOf.ok[entry] === 0 || (required[k] && cellsOf.missing[entry])) return this.slow();
      entries[f] = entry;
      num[f] = cellsOf.num[entry]!;
    }
    const keys = this.groups.of(buf, cells);
    this.kind = CASE;
    this.rawGroup = keys.raw;
    this.group = keys.graded;
  }

  /**
   * Settles the case_id as duplicates compare it: its bytes (`idFrom`, `idTo`) when it is plain ASCII
   * and unquoted, unless `decode`; else its decoded text, trimmed (`idText`). Returns the decoded text
   * as it stands, if decoded. What parseText keeps of a plain ASCII id is its text as it stands.
   */
  private settleId(buf: Uint8Array, start: number, end: number, quoted: number, decode: boolean): string | undefined {
    this.idText = undefined;
    if (!decode && !quoted && plainAscii(buf, start, end)) {
      this.hasId = true;
      this.idFrom = start;
      this.idTo = end;
      return undefined;
    }
    const text = decodeCell(buf, start, end, quoted);
    this.idText = text.trim();
    this.hasId = this.idText !== "";
    return text;
  }

  /** The settled case_id's 64-bit hash, in `out`: of its bytes or its text (the same for the same text). */
  hashSettledId(out: Int32Array): void {
    if (this.idText === undefined) hashAsciiId(this.buf, this.idFrom, this.idTo, out);
    else hashId(this.idText, out);
  }

  /**
   * For the first pass over a file: whether the record in `cells` may claim a case_id, with its hash
   * in `out` if so, settled and hashed as `check` and `hashSettledId` do for the second pass. Every
   * record that `check` lets claim one (not a ragged row, not a damaged one, an id not blank) gets
   * the same hash. Over-long cells are not looked for: such a record claims none, and hashing it
   * anyway only lists one more id to watch.
   */
  idHash(buf: Uint8Array, cells: RecordCells, out: Int32Array): boolean {
    if (cells.count !== this.options.plan.header.length) return false;
    const column = this.options.plan.columnOf[CASE_ID]!;
    this.buf = buf;
    this.settleId(buf, cells.start[column]!, cells.end[column]!, cells.quoted[column]!, false);
    if (!this.hasId) return false;
    this.hashSettledId(out);
    return true;
  }

  get caseId(): string | undefined {
    if (!this.hasId) return undefined;
    return (this.idText ??= utf8(this.buf, this.idFrom, this.idTo));
  }

  /** A field's value in the case just checked. */
  valueOf(f: number): unknown {
    if (this.record) return (this.record as unknown as Record<string, unknown>)[FIELDS[f]!.name];
    if (f === CASE_ID) return (this.id ??= this.caseId);
    const entry = this.entries[f]!;
    return entry < 0 ? this.absent[f] : this.cellsOf[f]!.value(entry);
  }

  /**
   * A record with a stray quote (RecordReader's DAMAGED), as src/input/read.ts takes it: a problem
   * of the whole record, named by its case_id when that is its first cell, read before the quote.
   */
  damaged(cells: readonly string[], reason: string): void {
    this.record = undefined;
    this.cells = undefined;
    this.id = undefined;
    this.kind = PROBLEM;
    this.problems = [{ field: "record", reason }];
    const fields = damagedFields(cells, this.options.plan.columnOf[CASE_ID] === 0, this.options.maxFieldBytes);
    this.idText = caseIdOf(fields);
    this.hasId = this.idText !== undefined;
    this.group = this.rawGroup = groupValue(fields, noExtra(), this.options.groupBy);
  }

  /** The reference's steps for one row (src/input/read.ts), on decoded strings. */
  private slow(): void {
    const { buf } = this;
    const cells = this.cells!;
    const cell = (i: number) => decodeCell(buf, cells.start[i]!, cells.end[i]!, cells.quoted[i]!);
    const { fields, extra, problem } = rowFields(cells.count, cell, this.options.plan.targets, this.options.maxFieldBytes);
    const { groupBy } = this.options;
    this.idText = caseIdOf(fields);
    this.hasId = this.idText !== undefined;
    this.rawGroup = groupValue(fields, extra, groupBy);
    if (problem) {
      this.kind = PROBLEM;
      this.problems = [problem];
      this.group = this.rawGroup;
      return;
    }
    this.readers.mapFields(fields);
    const checked = checkFields(fields, extra, this.readers.fields);
    if (!checked.ok) {
      this.kind = INVALID;
      this.problems = checked.problems;
      this.group = groupValue(fields, extra, groupBy);
      return;
    }
    const record = checked.record;
    this.kind = CASE;
    this.record = record;
    this.group = groupValue(record, record.extra, groupBy);
    for (const f of TYPED) {
      const value = this.valueOf(f);
      this.num[f] = value === undefined ? NaN : compactFor(FIELDS[f]!)(value);
    }
  }

  /** The validated case as src/input/record.ts builds it, but shaped by caseShape: a rule reading it cannot tell. */
  caseRecord(): Case {
    if (this.record) return this.record;
    const record = this.shape();
    const extra = noExtra();
    const { targets } = this.options.plan;
    const cells = this.cells!;
    for (const i of this.extraColumns) extra[(targets[i] as { name: string }).name] = decodeCell(this.buf, cells.start[i]!, cells.end[i]!, cells.quoted[i]!);
    record.extra = extra;
    this.record = record;
    return record;
  }

  private shape(): Case {
    return caseShape((name) => this.valueOf(FIELD_INDEX[name]!));
  }
}
