import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ReadItem } from "../../src/input/read.js";
import type { InputFormat } from "../../src/input/source.js";
import { csvCase, csvText, hostileBytes, jsonRecordText } from "./_arbitraries.js";
import { readOutcome, runs, scratchDir, stdinOf, writer, type ReadOutcome } from "./_harness.js";

const write = writer(scratchDir());
const cuts = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 20 });

/** What a read came to, without the input's name: comparable across a file and stdin. */
function shape(outcome: ReadOutcome, name: string) {
  const items = outcome.items.map((item: ReadItem) =>
    item.kind === "case"
      ? { kind: "case", id: item.record.case_id, at: item.location }
      : { kind: "invalid", field: item.invalid.field, reason: item.invalid.reason, line: item.invalid.line, index: item.invalid.index },
  );
  // A missing column's next step names the file, or FILE for stdin (init reads a file).
  return outcome.ok ? { items } : { items, error: outcome.error.message.replace("FILE (saved from stdin)", "<input>").replaceAll(name, "<input>") };
}

/** Every item is a case or an invalid record that says where it was and what is wrong. */
function expectWellFormed(items: ReadItem[]): void {
  for (const item of items) {
    if (item.kind === "case") {
      expect(typeof item.record.case_id).toBe("string");
      expect(item.record.case_id).not.toBe("");
      continue;
    }
    expect(item.invalid.line ?? item.invalid.index).toBeTypeOf("number");
    expect(item.invalid.field).toMatch(/\S/);
    expect(item.invalid.reason).toMatch(/\S/);
    expect(item.invalid.reason).not.toContain("\n");
  }
}

describe("CSV reader", () => {
  test("every row is one record, however the file is spelled, and stdin in any chunks reads the same", async () => {
    await fc.assert(
      fc.asyncProperty(csvCase, cuts, async (csv, chunking) => {
        const text = csvText(csv);
        const file = write(".csv", text);
        const read = await readOutcome(file);
        if (!read.ok) throw read.error;
        expect(read.items).toHaveLength(csv.rows.length);
        expectWellFormed(read.items);
        const lines = read.items.map((item) => (item.kind === "case" ? (item.location as { line: number }).line : item.invalid.line!));
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        const piped = await readOutcome("-", { stdin: stdinOf(Buffer.from(text), chunking), format: "csv" });
        expect(shape(piped, "stdin")).toEqual(shape(read, file));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("JSON and NDJSON readers", () => {
  test("every element of a JSON array is one record, whatever it holds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonRecordText(), { maxLength: 10 }), fc.boolean(), async (records, wrapped) => {
        const array = `[${records.join(",")}]`;
        const file = write(".json", wrapped ? `{"cases":${array}}` : array);
        const read = await readOutcome(file);
        if (!read.ok) throw read.error;
        expect(read.items).toHaveLength(records.length);
        expectWellFormed(read.items);
      }),
      { numRuns: runs(150) },
    );
  });

  test("every non-blank NDJSON line is one record, and chunking does not matter", async () => {
    const line = fc.oneof(jsonRecordText(), fc.constantFrom("", "  ", "\r", "not json", '{"case_id":', "]", '"a string"'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), cuts, async (lines, chunking) => {
        const text = lines.join("\n");
        const file = write(".ndjson", text);
        const read = await readOutcome(file);
        const records = lines.filter((l) => l.trim() !== "").length;
        if (records === 0) {
          // A file of blank lines holds no records: a clear error, as for an empty CSV.
          expect(read.ok ? "read" : String(read.error)).toMatch(/empty/);
        } else {
          if (!read.ok) throw read.error;
          expect(read.items).toHaveLength(records);
          expectWellFormed(read.items);
        }
        const piped = await readOutcome("-", { stdin: stdinOf(Buffer.from(text), chunking), format: "ndjson" });
        expect(shape(piped, "stdin")).toEqual(shape(read, file));
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("any bytes at all", () => {
  test.each<[string, string, InputFormat | undefined]>([
    ["a .csv file", ".csv", undefined],
    ["a .json file", ".json", undefined],
    ["a .ndjson file", ".ndjson", undefined],
    ["a file sniffed by its bytes", ".txt", undefined],
  ])("%s: records or one clear file error, never a crash; stdin reads it the same", async (_name, ext) => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, cuts, async (bytes, chunking) => {
        const file = write(ext, bytes);
        const read = await readOutcome(file);
        expectWellFormed(read.items);
        if (!read.ok) {
          expect(read.error.message.startsWith(`${file}: `)).toBe(true);
          expect(read.error.message).not.toContain("\n");
        }
        if (ext === ".txt") {
          const piped = await readOutcome("-", { stdin: stdinOf(bytes, chunking) });
          expect(shape(piped, "stdin")).toEqual(shape(read, file));
        }
      }),
      { numRuns: runs(250) },
    );
  });
});
