import { z } from "zod";
import { readCsvRows } from "../input/csv.js";
import { InputError } from "../input/errors.js";
import type { ColumnMapping } from "../input/mapping.js";
import { makeTargeter } from "../input/header.js";
import { chunks, openSource, type Source } from "../input/source.js";
import { unguardedCell } from "../report/csv.js";

/** The part of a JSON sample (or score) report that names its cases. */
const casesSchema = z.object({ cases: z.array(z.object({ case_id: z.string() })) });

async function jsonIds(source: Source): Promise<string[]> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks(source)) parts.push(chunk);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    throw new InputError(`${source.name}: not valid JSON`);
  }
  const parsed = casesSchema.safeParse(value);
  if (!parsed.success) throw new InputError(`${source.name}: not a sample or report (expected "cases", each with a "case_id")`);
  return parsed.data.cases.map((c) => c.case_id.trim());
}

async function csvIds(source: Source, mapping: ColumnMapping | undefined): Promise<string[]> {
  const rows = readCsvRows(source);
  const first = await rows.next();
  if (first.done) throw new InputError(`${source.name}: the file is empty (no header row)`);
  const target = makeTargeter(mapping);
  const column = first.value.cells.findIndex((header) => {
    const to = target(header);
    return to.kind === "field" && to.name === "case_id";
  });
  if (column === -1) throw new InputError(`${source.name}: no case_id column (expected a sample written by audit sample, CSV or JSON)`);
  const ids: string[] = [];
  for await (const { line, cells, damage } of rows) {
    if (damage !== undefined || cells.length !== first.value.cells.length) {
      throw new InputError(`${source.name}: line ${line}: ${damage ?? "the row's cells are not as many as the header's"}; every case to exclude must be readable`);
    }
    const id = unguardedCell(cells[column]!).trim();
    if (id !== "") ids.push(id);
  }
  return ids;
}

/**
 * The case_ids of a file of cases already audited: a sample from `audit sample` (CSV, with any columns,
 * or JSON), a JSON report of `audit score`, or any CSV with a case_id column (named as the config maps it).
 */
export async function readExcludedIds(path: string, mapping: ColumnMapping | undefined): Promise<string[]> {
  const source = await openSource(path, undefined, undefined);
  return source.format === "csv" ? csvIds(source, mapping) : jsonIds(source);
}
