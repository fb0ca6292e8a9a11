import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fastRows, referenceRows, tempFiles } from "./_csv.js";

const file = tempFiles();
const DELIMITERS = [",", ";", "\t"];

/** Bytes that stress a CSV reader: delimiters, quotes, both line ends, NUL, multi-byte and broken UTF-8. */
const piece = fc.constantFrom(",", ";", "\t", '"', '""', "\n", "\r\n", "\r", "a", "b c", " ", "\0", "\x01", "é", "\u2028", "\xff", "\ufeff", 'x"y');
const cellText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(""));
const quotedCell = cellText.map((text) => `"${text.replace(/"/g, '""')}"`);
const cell = fc.oneof(cellText, quotedCell, fc.constant(""));

const wellFormed = fc
  .record({
    delimiter: fc.constantFrom(...DELIMITERS),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    eol: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ delimiter, rows, eol, bom, finalEol }) => ({
    delimiter,
    bytes: Buffer.from(`${bom ? "\ufeff" : ""}${rows.map((r) => r.join(delimiter)).join(eol)}${finalEol ? eol : ""}`, "utf8"),
  }));

/** Quotes where none may be, and quotes never closed: in unquoted cells, after or inside quoted ones. */
const damage = fc.constantFrom('x"y', '"x"y', '"He said "no" later"', '"x"\r', '"open', 'a"', '"x""y"z', '"two\nlines"x', '"two\r\nlines" "');
const damaged = fc
  .record({
    delimiter: fc.constantFrom(...DELIMITERS),
    rows: fc.array(fc.array(fc.oneof({ arbitrary: cell, weight: 12 }, { arbitrary: damage, weight: 1 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
    eol: fc.constantFrom("\n", "\r\n"),
    empty: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ delimiter, rows, eol, empty, bom, finalEol }) => ({
    delimiter,
    bytes: Buffer.from(`${bom ? "\ufeff" : ""}${rows.map((r, i) => (empty[i] ? eol : "") + r.join(delimiter)).join(eol)}${finalEol ? eol : ""}`, "utf8"),
  }));

const anyBytes = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  bytes: fc.array(piece, { maxLength: 40 }).map((parts) => Buffer.from(parts.join(""), "latin1")),
});

async function same(bytes: Buffer, delimiter: string, chunk: number, maxRecordChars?: number): Promise<void> {
  const path = file("t.csv", bytes);
  expect(fastRows(path, bytes, delimiter, maxRecordChars)).toEqual(await referenceRows(bytes, delimiter, chunk, maxRecordChars));
}

describe("the byte tokenizer reads what csv-parse reads", () => {
  test("generated files of quoted cells, newlines, CRLF and BOM", async () => {
    await fc.assert(fc.asyncProperty(wellFormed, fc.integer({ min: 1, max: 16 }), (f, chunk) => same(f.bytes, f.delimiter, chunk)), { numRuns: 200 });
  });

  test("arbitrary bytes, errors included", async () => {
    await fc.assert(fc.asyncProperty(anyBytes, fc.integer({ min: 1, max: 16 }), (f, chunk) => same(f.bytes, f.delimiter, chunk)), { numRuns: 300 });
  });

  test("generated files with stray quotes and quotes never closed: each stray quote costs its record", async () => {
    await fc.assert(fc.asyncProperty(damaged, fc.integer({ min: 1, max: 16 }), (f, chunk) => same(f.bytes, f.delimiter, chunk)), { numRuns: 300 });
  });

  test("stray quotes near csv-parse's record size limit", async () => {
    await fc.assert(fc.asyncProperty(damaged, fc.integer({ min: 1, max: 40 }), (f, max) => same(f.bytes, f.delimiter, 5, max)), { numRuns: 200 });
  });

  test("records near csv-parse's record size limit", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.integer({ min: 1, max: 12 }), (f, max) => same(f.bytes, f.delimiter, 5, max)),
      { numRuns: 200 },
    );
  });

  test.each([
    ["an unclosed quote", 'a,b\n"x,y\n'],
    ["a quote inside an unquoted cell", 'a,b\nx"y,z\n'],
    ["text after a closing quote", 'a,b\n"x"y,z\n'],
    ["a NUL after a closing quote", 'a,b\n"x"\0y,z\n'],
    ["a bare CR after a closing quote", 'a,b\n"x"\r,z\n'],
    ["a CR at the very end", "a,b\nx,y\r"],
    ["empty lines before an error", 'a,b\n\n\r\n"x"y\n'],
    ["a quoted empty line", 'a,b\n""\n\nc,d\n'],
    ["a stray quote after the header", 'a,b\nx"y,z\nc,d\n'],
    ["a stray quote in the last record, no line end", 'a,b\nc,d\nx,y"z'],
    ["a stray quote, then a cell over two lines", 'a,b\nx"y,"z\nw"\nc,d\n'],
    ["a quoted cell over two lines, then a stray quote", 'a,b\n"x\ny",z"w\nc,d\n'],
    ["a quote never closed, closed by a quote lines later", 'a,b\n"x,y\nc,"d"\n'],
    ["a quote with text after it, all on one line", 'a,b\n"x"y,"z"\nc,d\n'],
    ["empty lines before a stray quote", 'a,b\n\n\r\nx"y\r\nc,d\r\n'],
    ["a stray quote in the header", 'a,b"\nc,d\n'],
  ])("%s", async (_name, text) => {
    await same(Buffer.from(text, "latin1"), ",", 3);
  });

  test("a stray quote's record is its cells before the quote, and reading goes on", async () => {
    const bytes = Buffer.from('a,b,c\nA,x"y,z\n"B",",","q"x\nC,d,e\n');
    const expected = {
      rows: [
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["A"], damage: "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)" },
        { line: 3, cells: ["B", ","], damage: "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)" },
        { line: 4, cells: ["C", "d", "e"] },
      ],
    };
    expect(await referenceRows(bytes, ",")).toEqual(expected);
    expect(fastRows(file("t.csv", bytes), bytes, ",")).toEqual(expected);
  });

  // Found by the properties above: csv-parse, asked about the start of a record, judged its last byte
  // (a CR that a LF would follow; a quote) other than it does with the rest in hand.
  test.each([
    ["a CR at the end of the bytes read so far", Buffer.from([13, 10, 32, 44, 44, 34, 13, 10, 34, 44, 34, 34, 34, 34, 44, 13, 10]), 3],
    ["quotes and delimiters only", Buffer.from([34, 44, 34, 34, 34, 44, 34, 44, 44, 44, 44, 44, 34, 44, 44, 13, 10]), 6],
  ])("a record near the size limit, read in parts: %s", async (_name, bytes, max) => {
    // Both readers take the bytes in parts of the same size.
    for (const chunk of [1, 5, 16]) expect(fastRows(file("t.csv", bytes), bytes, ",", max, chunk)).toEqual(await referenceRows(bytes, ",", chunk, max));
  });

  test("a stray quote's line longer than the record limit ends the reading, naming the record's line", async () => {
    const bytes = Buffer.from(`a,b\nc,d\nx"${"y".repeat(50)}\ne,f\n`);
    const expected = { rows: [{ line: 1, cells: ["a", "b"] }, { line: 2, cells: ["c", "d"] }], error: "f.csv: line 3: a record longer than 8 times --max-field-bytes; is the file CSV, with line breaks?" };
    expect(await referenceRows(bytes, ",", 7, 20)).toEqual(expected);
    expect(fastRows(file("t.csv", bytes), bytes, ",", 20)).toEqual(expected);
  });
});
