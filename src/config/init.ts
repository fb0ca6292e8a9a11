import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CliError } from "../errors.js";
import { parserFor } from "../input/check.js";
import { closeness, type ColumnGuess } from "../input/column-names.js";
import { compileDateForm, dateParser, type DateForm } from "../input/dates.js";
import { columnTitle, fieldLabel } from "../input/describe.js";
import { FIELDS, REQUIRED_FIELDS, type FieldSpec } from "../input/fields.js";
import { normaliseHeader } from "../input/header.js";
import { openInput, type OpenOptions } from "../input/table.js";
import { BUILT_IN_RULES } from "../rules/index.js";
import { detectSeparator, guessColumns, guessValues, listItems, type ValueGuesses } from "./guess.js";
import { proposeDateForms, type DateProposal } from "./guess-dates.js";
import { terminalPad, terminalWidth } from "../text/terminal-width.js";
import { parseConfig } from "./load.js";
import { FILL_IN, fillIn } from "./mapped-values.js";
import { quoteName } from "../text/quote.js";

/** Distinct values kept per field while the file is read: past it a field is not a list of codes. */
const MAX_KEPT = 20_000;
/** More values than this left to fill in for one field are not written one by one. */
export const MAX_TO_FILL = 200;
/** A value (a list's item) longer than this is no code but text in the wrong column: counted, never written. */
export const MAX_VALUE_CHARS = 100;
/** A cell longer than this is not held while the file is read, only counted: a list of codes is never so long. */
const MAX_CELL_CHARS = 1000;
/** An unplaced header at least this close to a field is listed with it. */
const NEAREST_FIELD = 0.5;

/** What init found for one placed column with typed values. */
export interface FieldFinding {
  header: string;
  field: string;
  kind: FieldSpec["kind"];
  /** The export's own list separator, beside `;`. */
  separator?: string;
  /** Values mapped with confidence. */
  mapped: number;
  /** Values written for the user to fill in. */
  toFill: number;
  /** Set when more values than MAX_TO_FILL are left to fill in: none is written. */
  tooMany?: true;
  /** Values refused and longer than MAX_VALUE_CHARS (cells longer than MAX_CELL_CHARS): counted, not written. */
  tooLong?: number;
}

export interface InitResult {
  /** Rows read after the header: every one. */
  rows: number;
  placed: ColumnGuess[];
  /** Headers not placed, each with the nearest field not already taken, when one is close. */
  unplaced: { header: string; nearest?: string }[];
  fields: FieldFinding[];
  dates: DateProposal;
  missing: string[];
  config: Record<string, unknown>;
}

interface Column {
  guess: ColumnGuess;
  spec: FieldSpec;
  index: number;
  /** Distinct values the field's reader refuses as written, up to MAX_KEPT. */
  refused: Set<string>;
  /** Cells refused and longer than MAX_CELL_CHARS, counted only: they are not held. */
  long: number;
}

const typed = (spec: FieldSpec | undefined): spec is FieldSpec => spec !== undefined && spec.kind !== "text";
const accepts = (parse: (raw: unknown) => { ok: boolean }) => (value: string) => parse(value).ok;

/** Each placed column's value mapping, and the date forms of all of them. */
function guessMappings(columns: readonly Column[]) {
  const dates = proposeDateForms(columns.filter((c) => c.spec.kind === "date").flatMap((c) => [...c.refused]));
  const forms = dates.formats.map((form) => compileDateForm(form) as DateForm);
  const readDate = dateParser(forms, dates.pivot);
  const values: Record<string, Record<string, string>> = {};
  const separators: Record<string, string> = {};
  const fields: FieldFinding[] = [];
  for (const { guess, spec, refused, long } of columns) {
    const separator = spec.kind === "list" ? detectSeparator(refused) : undefined;
    const found = spec.kind === "list" ? [...refused].flatMap((cell) => listItems(cell, separator)) : [...refused];
    const written = found.filter((value) => value.length <= MAX_VALUE_CHARS);
    const guesses: ValueGuesses = guessValues(spec, written, accepts(spec.kind === "date" ? readDate : parserFor(spec)));
    const tooMany = guesses.toFill.length > MAX_TO_FILL;
    const table = { ...guesses.table };
    if (!tooMany) for (const { value, nearest } of guesses.toFill) table[value] = fillIn(nearest);
    if (Object.keys(table).length) values[spec.name] = table;
    if (separator !== undefined) separators[spec.name] = separator;
    const finding: FieldFinding = { header: guess.header, field: spec.name, kind: spec.kind, mapped: Object.keys(guesses.table).length, toFill: tooMany ? 0 : guesses.toFill.length };
    if (separator !== undefined) finding.separator = separator;
    if (tooMany) finding.tooMany = true;
    const tooLong = long + new Set(found.filter((value) => value.length > MAX_VALUE_CHARS)).size;
    if (tooLong) finding.tooLong = tooLong;
    if (finding.mapped || finding.toFill || finding.tooMany || finding.tooLong || finding.separator) fields.push(finding);
  }
  return { dates, values, separators, fields };
}

/**
 * Reads an export's header and every row (a CSV file or a workbook's sheet, as score reads them)
 * and guesses the config that maps it onto the case-record contract: columns, value codes, list
 * separators and date forms, with what it could not place left to fill in.
 */
export async function guessConfig(from: string, read: Pick<OpenOptions, "format" | "delimiter" | "sheet"> = {}): Promise<InitResult> {
  if (from === "-") throw new CliError("init: --from needs a file, not stdin");
  const opened = await openInput(from, read);
  if (!("table" in opened)) throw new CliError(`init: ${from}: expected a CSV export or an .xlsx workbook (init reads its header row)`);
  const { header, rows } = opened.table;
  const { placed, unplaced } = guessColumns(header);
  const columns = placed.flatMap((guess): Column[] => {
    const spec = FIELDS.find((f) => f.name === guess.field);
    return typed(spec) ? [{ guess, spec, index: header.indexOf(guess.header), refused: new Set(), long: 0 }] : [];
  });
  const refuses = columns.map((column) => {
    const ok = accepts(parserFor(column.spec));
    return (cell: string) => !ok(cell);
  });
  let count = 0;
  for await (const row of rows) {
    count++;
    columns.forEach((column, i) => {
      const cell = (row.cells[column.index] ?? "").trim();
      if (cell.length > MAX_CELL_CHARS) column.long += refuses[i]!(cell) ? 1 : 0;
      else if (column.refused.size < MAX_KEPT && !column.refused.has(cell) && refuses[i]!(cell)) column.refused.add(cell);
    });
  }
  const { dates, values, separators, fields } = guessMappings(columns);
  const taken = new Set(placed.map((guess) => guess.field));
  const nearestField = (header: string) => {
    const scored = FIELDS.filter((f) => !taken.has(f.name)).map((f) => ({ field: f.name, score: closeness(header, f.name) }));
    const best = scored.sort((a, b) => b.score - a.score)[0];
    return best && best.score >= NEAREST_FIELD ? { header, nearest: best.field } : { header };
  };
  const config: Record<string, unknown> = {
    rules: Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, "on"])),
    strategy: "worst",
    columns: Object.fromEntries(placed.filter((guess) => normaliseHeader(guess.header) !== guess.field).map((guess) => [guess.header, guess.field])),
    values,
    ...(Object.keys(separators).length ? { list_separators: separators } : {}),
    ...(dates.formats.length ? { date_formats: dates.formats } : {}),
    ...(dates.pivot === undefined ? {} : { two_digit_year_pivot: dates.pivot }),
  };
  const missing = REQUIRED_FIELDS.filter((field) => !taken.has(field));
  return { rows: count, placed, unplaced: unplaced.map(nearestField), fields, dates, missing, config };
}

/** The config without its entries left to fill in: what must be valid as it is. */
function filledPart(config: Record<string, unknown>): Record<string, unknown> {
  const values = config.values as Record<string, Record<string, string>>;
  const kept = Object.entries(values).map(([field, table]) => [field, Object.fromEntries(Object.entries(table).filter(([, to]) => !to.startsWith(FILL_IN)))]);
  return { ...config, values: Object.fromEntries(kept) };
}

/** Writes the starter config; an existing file is never overwritten. */
export async function writeStarterConfig(result: InitResult, output: string, cwd: string): Promise<void> {
  const file = resolve(cwd, output);
  await parseConfig(filledPart(result.config), dirname(file), output);
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

const counted = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;
const label = (header: string, field: string) => fieldLabel(header === field ? { field } : { field, column: header });

/** What init read, placed and could not, for stderr (each line to be shown as `terminalText`): each column's field, then what is left to the user. */
export function initReport(result: InitResult, from: string, output: string): string[] {
  const { placed, unplaced } = result;
  const titles = placed.map((guess) => columnTitle(guess.header));
  const width = Math.max(0, ...titles.map(terminalWidth));
  const lines = [`audit: init: read all ${counted(result.rows, "row")} of ${from}; placed ${placed.length} of ${counted(placed.length + unplaced.length, "column")}:`];
  placed.forEach((guess, i) => lines.push(`  ${terminalPad(titles[i]!, width, "end")}  -> ${guess.field} (${guess.kind})`));
  if (unplaced.length) {
    const listed = unplaced.map(({ header, nearest }) => `${columnTitle(header)} (${nearest ? `nearest field: ${nearest}` : "no field close"})`);
    lines.push(`audit: init: could not place ${counted(unplaced.length, "column")}; they will be carried through: ${listed.join(", ")}`);
  }
  const { formats, pivot } = result.dates;
  if (formats.length) {
    const years = pivot === undefined ? "" : `, with two_digit_year_pivot ${pivot} (00-${pivot - 1} are 20YY, the others 19YY)`;
    lines.push(`audit: init: date_formats: ${formats.map(quoteName).join(", ")}${years}`);
  }
  let toFill = 0;
  for (const finding of result.fields) {
    const at = `audit: init: ${label(finding.header, finding.field)}:`;
    if (finding.separator) lines.push(`${at} items separated by ${quoteName(finding.separator)} (list_separators)`);
    if (finding.mapped) lines.push(`${at} mapped ${counted(finding.mapped, "value")} under values.${finding.field}`);
    if (finding.toFill) lines.push(`${at} ${counted(finding.toFill, "value")} to fill in under values.${finding.field}`);
    if (finding.tooMany) {
      const fix = finding.kind === "date" ? "; give their form under date_formats" : "; map them under values";
      lines.push(`${at} more than ${MAX_TO_FILL} values it cannot read, too many to write one by one${fix}`);
    }
    if (finding.tooLong) {
      lines.push(`${at} ${counted(finding.tooLong, "value")} it cannot read, each longer than ${MAX_VALUE_CHARS} characters (text in the wrong column?), not written`);
    }
    toFill += finding.toFill;
  }
  if (result.missing.length) {
    const missing = result.missing.map((field) => {
      const near = unplaced.filter((column) => column.nearest === field).map((column) => columnTitle(column.header));
      return near.length ? `${field} (nearest: ${near.join(", ")})` : field;
    });
    lines.push(`audit: init: no column found for the required ${result.missing.length === 1 ? "field" : "fields"} ${missing.join(", ")}; add ${result.missing.length === 1 ? "it" : "them"} under columns`);
  }
  const config = output === "audit.config.json" ? "" : ` --config ${output}`;
  const next = toFill ? `replace each "${FILL_IN}" (${toFill} in all), then run` : "check it, then run";
  lines.push(`audit: init: wrote ${output}; ${next}: audit validate${config} ${from}`);
  return lines;
}
