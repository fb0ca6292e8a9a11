import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { JsonRecordSplitter, JsonShapeError } from "../../src/input/_json-records.js";

/** Every record's text, the document fed in chunks of the given sizes (the rest in one). */
function split(document: string | Buffer, cuts: number[] = [], max = 1 << 20): (string | undefined)[] {
  const bytes = Buffer.isBuffer(document) ? document : Buffer.from(document);
  const splitter = new JsonRecordSplitter(max);
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (const size of [...cuts, bytes.length]) {
    if (at >= bytes.length) break;
    texts.push(...splitter.feed(bytes.subarray(at, at + Math.max(1, size))).map((r) => r.text));
    at += Math.max(1, size);
  }
  splitter.end();
  return texts;
}

function fault(document: string, max?: number): Pick<JsonShapeError, "reason" | "line" | "column"> {
  try {
    split(document, [], max);
  } catch (error) {
    if (!(error instanceof JsonShapeError)) throw error;
    return { reason: error.reason, line: error.line, column: error.column };
  }
  throw new Error("no fault");
}

const parsed = (texts: (string | undefined)[]) => texts.map((text) => JSON.parse(text!) as unknown);

describe("JsonRecordSplitter: the records of a JSON document, one at a time", () => {
  test("any array of JSON values, cut anywhere, gives each element as JSON.parse reads it", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }), fc.boolean(), (values, cuts, pretty) => {
        const document = JSON.stringify(values, null, pretty ? 2 : undefined);
        expect(parsed(split(document, cuts))).toEqual(JSON.parse(document));
      }),
    );
  });

  test("the cases array of an object, whatever comes before and after it", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }), (cases, others, cuts) => {
        const document = JSON.stringify({ ...others, cases, after: others });
        // As JSON writes them: a -0 among the generated values is written 0.
        expect(parsed(split(document, cuts))).toEqual(JSON.parse(JSON.stringify(cases)));
      }),
    );
  });

  test.each<[string, string, Partial<JsonShapeError>]>([
    ["nothing", "  \n ", { reason: "empty" }],
    ["a trailing comma", "[1,]", { reason: "syntax", line: 1, column: 4 }],
    ["two arrays", "[1]\n[2]", { reason: "syntax", line: 2, column: 1 }],
    ["NDJSON", '{"a":1}\n{"a":2}', { reason: "syntax", line: 2, column: 1 }],
    ["cut off", '[{"a":1},{"b"', { reason: "syntax", line: 1, column: 14 }],
    ["text after a record", '[{"a":1} oops]', { reason: "syntax", line: 1, column: 10 }],
    ["a string", '"cases"', { reason: "shape" }],
    ["a number", "12", { reason: "shape" }],
    ["not JSON at all", "oops", { reason: "syntax" }],
    ["an object without cases", '{"case":[]}', { reason: "shape" }],
    ["cases that is not an array", '{"cases":"A"}', { reason: "shape" }],
    ["a key of the wrapper over the limit", `{"${"x".repeat(100)}":1,"cases":[]}`, { reason: "too-long", line: 1, column: 2 }],
  ])("%s", (_name, document, expected) => {
    expect(fault(document, 64)).toMatchObject(expected);
  });

  test("a record over the limit is scanned to its end, kept by none, and the next one read", () => {
    expect(split(`[{"a":"${"x".repeat(100)}"},{"b":[1,"]"]}]`, [3, 50, 7], 64)).toEqual([undefined, '{"b":[1,"]"]}']);
  });

  test("a byte order mark before the document", () => {
    expect(split(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("[1,2]")]))).toEqual(["1", "2"]);
  });

  test("each record's line and column, for an error inside it", () => {
    const splitter = new JsonRecordSplitter(1024);
    const records = splitter.feed(Buffer.from('[\n  {"a": 1},\n  {"b": 2}\n]\n'));
    expect(records.map(({ index, line, column }) => ({ index, line, column }))).toEqual([
      { index: 0, line: 2, column: 3 },
      { index: 1, line: 3, column: 3 },
    ]);
  });

  test("white space between records is never kept: a long run of it is no record too long", () => {
    expect(split(`[${" ".repeat(10_000)}1${" ".repeat(10_000)},\n${" ".repeat(10_000)}2 ]`, [], 64)).toEqual(["1", "2"]);
  });
});
