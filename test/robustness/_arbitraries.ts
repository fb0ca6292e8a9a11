import fc from "fast-check";
import { FIELD_NAMES } from "../../src/input/fields.js";
import { normaliseHeader } from "../../src/input/header.js";

/** Names that are no contract field: the awkward ones every export and prototype chain has. */
const EXTRA_NAMES = [
  "", " ", "notes", " Notes ", "__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "valueOf",
  "officer", "Officer", "x", "x", "column_1", "Ünïcödé ✓", "a,b", "a;b", 'say "hi"', "two\nlines",
];

export const extraName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXTRA_NAMES),
  fc.string({ unit: "grapheme", maxLength: 12 }).filter((name) => !FIELD_NAMES.has(normaliseHeader(name)) && !name.includes("\0")),
);

/** The header spellings of one required field that the contract accepts. */
function spellings(field: string): string[] {
  const words = field.split("_");
  const title = words.map((w) => w[0]!.toUpperCase() + w.slice(1));
  return [field, field.toUpperCase(), ` ${field} `, title.join(" "), words.join("-")];
}

const TYPED_VALUES = [
  "2015-07-02", "02/07/2015", "2015-07-02T14:30", "02/07/2015 14:30", "07/25/2015", "2015-02-30", "0000-01-01",
  "yes", "No", "y", "TRUE", "0", "1", "maybe",
  "12", "17", "25", "-1", "9007199254740993", "99999999999999999999999", "1e3", "12.5",
  "victim", "Victim And Suspect", "suspect", "cse", "sexual_abuse;neglect", "social_care;health", "social_care,health",
  "good", "requires improvement", "inadequate", "high", "unknown-word",
];

/** A cell: a typed value, some awkward text, or anything printable (never NUL: that is a binary file). */
export const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TYPED_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", '"', '""', ",", ";", "\t", "\n", "\r\n", "\r", "a\"b", "\uFEFF", "\u2028", "__proto__", "constructor") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => s.replaceAll("\0", "")) },
);

export type Delimiter = "," | ";" | "\t";

/** RFC 4180 quoting: a cell holding a delimiter, quote or line break is quoted with inner quotes doubled. */
export function csvCell(text: string): string {
  return /[",;\t\r\n]/.test(text) || text === "" ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row; an empty cell is quoted so that no row is ever a blank line. */
export function csvRow(cells: readonly string[], delimiter: Delimiter): string {
  return cells.map((c) => (c === "" ? "" : csvCell(c))).join(delimiter) || '""';
}

export interface CsvCase {
  header: string[];
  rows: string[][];
  delimiter: Delimiter;
  eol: "\n" | "\r\n";
  bom: boolean;
  finalEol: boolean;
}

/** A CSV with the required columns in any spelling and order, awkward extra columns, and rows of any length. */
export const csvCase: fc.Arbitrary<CsvCase> = fc
  .record({
    required: fc.tuple(...["case_id", "force", "reported_on"].map((f) => fc.constantFrom(...spellings(f)))),
    extras: fc.array(extraName, { maxLength: 6 }),
    order: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    rows: fc.array(fc.tuple(fc.array(cell, { maxLength: 12 }), fc.integer({ min: -2, max: 2 }), fc.boolean()), { maxLength: 12 }),
    delimiter: fc.constantFrom<Delimiter>(",", ";", "\t"),
    eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ required, extras, order, rows, delimiter, eol, bom, finalEol }) => {
    const header = [...required, ...extras];
    for (let i = header.length - 1; i > 0; i--) {
      const j = order[i % order.length]! % (i + 1);
      [header[i], header[j]] = [header[j]!, header[i]!];
    }
    const shaped = rows.map(([cells, skew, exact]) => {
      const width = exact ? header.length : Math.max(1, header.length + skew);
      return Array.from({ length: width }, (_, i) => cells[i % Math.max(1, cells.length)] ?? "");
    });
    return { header, rows: shaped, delimiter, eol, bom, finalEol };
  });

export function csvText(c: CsvCase): string {
  const lines = [c.header, ...c.rows].map((row) => csvRow(row, c.delimiter));
  return (c.bom ? "\uFEFF" : "") + lines.join(c.eol) + (c.finalEol ? c.eol : "");
}

/** A JSON value as text, from plain values to ones nested `maxNesting` deep or past 2^53. */
export function jsonValueText(maxNesting = 20_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 3, arbitrary: fc.constantFrom(...TYPED_VALUES).map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "9007199254740993", "1e400", "-0", "123456789012345678901234567890", "true", "null", "[]", "{}",
        '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '["social_care","health"]',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: maxNesting }).map((n) => "[".repeat(n) + "]".repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.min(maxNesting, 5_000) }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)) },
  );
}

const KEYS = [
  "case_id", "force", "reported_on", "Case ID", "child_age", "concern", "child_role", "agencies_consulted",
  "risk_assessed_on", "outcome_code", "notes", "Notes", "__proto__", "constructor", "prototype", "toString", "officer", "",
];

/**
 * One JSON record as text: keys in any order, repeated, or prototype-shaped; values of any kind.
 * `groupNesting` caps how deep a `force` value nests: the engine cannot yet group by a deeper one
 * (see "known bugs" in engine.property.test.ts).
 */
export function jsonRecordText(groupNesting = 20_000): fc.Arbitrary<string> {
  const deep = jsonValueText();
  const shallow = jsonValueText(groupNesting);
  const entry = fc
    .oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 }))
    .chain((key) => (key === "force" ? shallow : deep).map((value) => [key, value] as const));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.array(entry, { maxLength: 8 }), fc.boolean()).map(([entries, base]) => {
        const all = base ? [["case_id", '"ID"'] as const, ["force", '"F"'] as const, ["reported_on", '"2015-07-02"'] as const, ...entries] : entries;
        return `{${all.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
      }),
    },
    { weight: 1, arbitrary: deep },
  );
}

/** Bytes that are not what they claim: random, invalid UTF-8, UTF-16, NULs, or a good start cut short. */
export const hostileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.constantFrom("case_id,force,reported_on\n", "[", '{"cases":[', '{"case_id":"A"}\n', "\uFEFF"), fc.uint8Array({ maxLength: 400 })).map(
    ([head, tail]) => Buffer.concat([Buffer.from(head), Buffer.from(tail)]),
  ),
  fc.tuple(csvCase, fc.nat()).map(([c, cut]) => {
    const bytes = Buffer.from(csvText(c));
    return bytes.subarray(0, cut % (bytes.length + 1));
  }),
  fc.tuple(fc.array(jsonRecordText(500), { maxLength: 4 }), fc.nat()).map(([records, cut]) => {
    const bytes = Buffer.from(`[${records.join(",")}]`);
    return bytes.subarray(0, cut % (bytes.length + 1));
  }),
  fc.tuple(csvCase, fc.constantFrom("utf16le" as const, "latin1" as const)).map(([c, encoding]) => {
    const bom = encoding === "utf16le" ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0);
    return Buffer.concat([bom, Buffer.from(csvText(c), encoding)]);
  }),
);
