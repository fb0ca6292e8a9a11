import { normaliseHeader } from "../input/header.js";
import type { RecordRow } from "../input/read.js";
import { csvCell } from "./csv.js";
import type { SampleCase, SampleDesignFile } from "./sample-schema.js";
import { terminalText } from "../text/terminal.js";
import { alignedTable } from "./table.js";

/** The sample's own columns in CSV, after the case's: named so that they cannot be taken for a record's. */
export const SAMPLE_COLUMNS = {
  group: "sample_group",
  stratum: "sample_stratum",
  probability: "sample_probability",
  weight: "sample_weight",
} as const;

const OWN = new Set<string>(Object.values(SAMPLE_COLUMNS));

/** A value as written, as a CSV cell: text as it is; from JSON, a list as `a;b`, nothing for null, else JSON. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value.join(";");
  return JSON.stringify(value);
}

/**
 * A row's columns, each with its name and how many earlier columns of the row share that name (a CSV
 * header may repeat one), without any named as one of the sample's own columns, which replace them.
 */
function namedColumns(row: RecordRow): { name: string; repeat: number; at: number }[] {
  const seen = new Map<string, number>();
  return row.columns.flatMap((name, at) => {
    const repeat = seen.get(name) ?? 0;
    seen.set(name, repeat + 1);
    return OWN.has(normaliseHeader(name)) ? [] : [{ name, repeat, at }];
  });
}

/** Every column of the rows, in the order first met (for CSV input, the file's header). */
function unionOfColumns(rows: readonly RecordRow[]): { name: string; repeat: number }[] {
  const all = new Map<string, { name: string; repeat: number }>();
  for (const row of rows) for (const { name, repeat } of namedColumns(row)) all.set(`${repeat}\u0000${name}`, { name, repeat });
  return [...all.values()];
}

const line = (cells: readonly string[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * The sample as CSV (RFC 4180, CRLF, cells guarded against spreadsheet formulas as in the CSV report):
 * `case_id`, then the sample's columns; with the records' rows, their columns as written in place of
 * `case_id`, so that the file is itself input that `audit agree` can read once inspectors add their grades.
 */
export function sampleCsv(cases: readonly SampleCase[], rows?: ReadonlyMap<string, RecordRow>): string {
  const own = (c: SampleCase) => [c.group, c.stratum, String(c.probability), String(c.weight)];
  if (!rows) return [line(["case_id", ...Object.values(SAMPLE_COLUMNS)]), ...cases.map((c) => line([c.case_id, ...own(c)]))].join("");
  const rowOf = (c: SampleCase) => rows.get(c.case_id)!;
  const columns = unionOfColumns(cases.map(rowOf));
  const body = cases.map((c) => {
    const row = rowOf(c);
    const cells = new Map(namedColumns(row).map(({ name, repeat, at }) => [`${repeat}\u0000${name}`, cellText(row.values[at])]));
    return line([...columns.map(({ name, repeat }) => cells.get(`${repeat}\u0000${name}`) ?? ""), ...own(c)]);
  });
  return [line([...columns.map((c) => c.name), ...Object.values(SAMPLE_COLUMNS)]), ...body].join("");
}

/** A row as a JSON object: each column's value as written, a repeated column name numbered (`x (2)`). */
export function recordObject(row: RecordRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { name, repeat, at } of namedColumns(row)) record[repeat === 0 ? name : `${name} (${repeat + 1})`] = row.values[at];
  return record;
}

const points = (margin: number | null) => (margin === null ? "-" : `±${(margin * 100).toFixed(1)}`);
const decimals = (value: number | null, digits: number) => (value === null ? "-" : value.toFixed(digits));

/** The design as a table, for `--dry-run`: each group's cases, sample and margin, and with strata each stratum's. */
export function renderSamplePlan(file: SampleDesignFile): string {
  const { design, groupBy } = file;
  const stratified = design.stratify !== null;
  const figures = (s: { probability: number | null; weight: number | null }) => [decimals(s.probability, 3), decimals(s.weight, 2)];
  const rows = design.groups.flatMap((group) => [
    [group.name, String(group.cases), String(group.sample), ...(stratified ? ["", ""] : figures(group.strata[0]!)), points(group.margin)],
    ...(stratified ? group.strata.map((s) => [`  ${s.name}`, String(s.cases), String(s.sample), ...figures(s), ""]) : []),
  ]);
  const head = [groupBy === "force" ? "Force" : groupBy, "Cases", "Sample", "Probability", "Weight", "Margin (pts)"];
  const table = alignedTable([head, ...rows, ["Total", String(design.frame.cases), String(design.sample), "", "", ""]]);
  const sizing = design.sizing;
  const asked =
    sizing.by === "per-group" ? `${sizing.size} per group` : sizing.by === "total" ? `${sizing.size} in all, ${sizing.equal ? "equally" : "in proportion"}` : `±${(sizing.margin * 100).toFixed(1)} points`;
  const factors = Object.entries(design.oversample).map(([stratum, factor]) => `${stratum} ×${factor}`);
  const lines = [
    `Sample size: ${asked}${stratified ? `; stratified by ${design.stratify}` : ""}${factors.length ? `; oversampling ${factors.join(", ")}` : ""}.`,
    `Margin: half the width of a 95% interval for a share near ${+(design.expected * 100).toFixed(1)}%, with the finite-population correction${factors.length ? " and the design effect of unequal weights" : ""}.`,
    ...design.notes.map((note) => `Note: ${note}.`),
  ];
  return `${table}\n${lines.map(terminalText).join("\n")}\n`;
}
