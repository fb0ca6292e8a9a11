import { quote } from "../input/values.js";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { CliError } from "../errors.js";
import { readCsvRows } from "../input/csv.js";
import { FIELDS, REQUIRED_FIELDS, type FieldSpec } from "../input/fields.js";
import { normaliseHeader } from "../input/header.js";
import { openSource } from "../input/source.js";
import { parseEnum, parseList } from "../input/values.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import type { ColumnGuess } from "../input/column-names.js";
import { guessColumns, guessValues } from "./guess.js";
import { parseConfig } from "./load.js";

/** Rows read to find the codes an export uses for enum and list fields. */
const SAMPLE_ROWS = 2000;

export interface InitResult {
  placed: ColumnGuess[];
  unplaced: string[];
  /** Per header, the cells it could not turn into a field's words. */
  unplacedValues: { header: string; field: string; cells: string[] }[];
  missing: string[];
  config: Record<string, unknown>;
}

const coded = (spec: FieldSpec | undefined): spec is FieldSpec => spec?.kind === "enum" || spec?.kind === "list";

function accepts(spec: FieldSpec): (cell: string) => boolean {
  return (cell) => (spec.kind === "list" ? parseList(cell, spec.values ?? []).ok : parseEnum(cell, spec.values ?? [], spec.aliases).ok);
}

/** Reads an export's header and first rows and guesses the config that maps it onto the case-record contract. */
export async function guessConfig(from: string): Promise<InitResult> {
  if (from === "-") throw new CliError("init: --from needs a file, not stdin");
  const source = await openSource(from, undefined, Readable.from([]));
  if (source.format !== "csv") throw new CliError(`init: ${from}: expected a CSV export (init reads its header row)`);
  const rows = readCsvRows(source);
  const first = await rows.next();
  if (first.done) throw new CliError(`init: ${from}: the file is empty (no header row)`);
  const headers = first.value.cells;
  const { placed, unplaced } = guessColumns(headers);
  const sampled = placed.flatMap((guess) => {
    const spec = FIELDS.find((f) => f.name === guess.field);
    return coded(spec) ? [{ guess, spec, index: headers.indexOf(guess.header), cells: [] as string[] }] : [];
  });
  let count = 0;
  for await (const row of rows) {
    for (const column of sampled) column.cells.push(row.cells[column.index] ?? "");
    if (++count >= SAMPLE_ROWS) break;
  }
  const values: Record<string, Record<string, string>> = {};
  const unplacedValues: InitResult["unplacedValues"] = [];
  for (const { guess, spec, cells } of sampled) {
    const guesses = guessValues(spec, cells, accepts(spec));
    if (Object.keys(guesses.table).length) values[spec.name] = guesses.table;
    if (guesses.unplaced.length) unplacedValues.push({ header: guess.header, field: spec.name, cells: guesses.unplaced });
  }
  const columns = Object.fromEntries(
    placed.filter((guess) => normaliseHeader(guess.header) !== guess.field).map((guess) => [guess.header, guess.field]),
  );
  const config = {
    rules: Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, "on"])),
    strategy: "worst",
    columns,
    values,
  };
  const missing = REQUIRED_FIELDS.filter((field) => !placed.some((guess) => guess.field === field));
  return { placed, unplaced, unplacedValues, missing, config };
}

/** Writes a starter config beside nothing: an existing file is never overwritten. */
export async function writeStarterConfig(result: InitResult, output: string, cwd: string): Promise<void> {
  const file = resolve(cwd, output);
  await parseConfig(result.config, dirname(file), output);
  try {
    await writeFile(file, `${JSON.stringify(result.config, null, 2)}\n`, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`init: ${output} already exists; init writes nothing over it`);
    throw new CliError(`init: ${output}: cannot write (${code ?? (error as Error).message})`);
  }
}

export function refuseExisting(output: string, cwd: string): void {
  if (existsSync(resolve(cwd, output))) throw new CliError(`init: ${output} already exists; init writes nothing over it`);
}

/** What init placed and could not, for stderr: each column's field, then what is left to the user. */
export function initReport(result: InitResult, from: string, output: string): string[] {
  const { placed, unplaced } = result;
  const width = Math.max(0, ...placed.map((guess) => guess.header.length));
  const lines = [`audit: init: placed ${placed.length} of ${placed.length + unplaced.length} columns of ${from}:`];
  for (const guess of placed) lines.push(`  ${guess.header.padEnd(width)}  -> ${guess.field} (${guess.kind})`);
  if (unplaced.length) {
    lines.push(`audit: init: could not place ${unplaced.length} columns; they will be carried through: ${unplaced.join(", ")}`);
  }
  for (const { header, field, cells } of result.unplacedValues) {
    const shown = cells.slice(0, 8).map(quote).join(", ");
    const values = cells.length > 8 ? `${shown} and ${cells.length - 8} more` : shown;
    lines.push(`audit: init: ${header} (${field}): could not place the values ${values}; add them under values.${field}`);
  }
  if (result.missing.length) {
    lines.push(`audit: init: no column found for the required fields ${result.missing.join(", ")}; add them under columns`);
  }
  lines.push(`audit: init: wrote ${output}; check it, then run: audit config --print`);
  return lines;
}
