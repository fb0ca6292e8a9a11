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
  ])("%s", async (_name, text) => {
    await same(Buffer.from(text, "latin1"), ",", 3);
  });
});
