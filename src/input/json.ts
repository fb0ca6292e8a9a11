import { InputError } from "./errors.js";
import { chunks, type Source } from "./source.js";
import { JsonRecordSplitter, JsonShapeError, type RecordText } from "./_json-records.js";

export interface JsonItem {
  /** 0-based position in the array (JSON) or 1-based line (NDJSON). */
  location: { index: number } | { line: number };
  value: unknown;
  /** Why the item could not be read as JSON, when it could not. */
  error?: string;
}

/** Where JSON.parse failed, without the text around it (it may hold private free text). */
function jsonProblem(error: unknown, text: string): string {
  const at = /at position (\d+)/.exec((error as Error).message);
  if (!at) return "not valid JSON";
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  return `not valid JSON at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
}

/** A JSON or NDJSON input with nothing but white space in it: an error, as an empty CSV file is. */
const emptyInput = (source: Source) => new InputError(`${source.name}: the file is empty (no records)`);

/** Where JSON.parse failed in a record that starts at `line`, `column` of the file. */
function recordProblem(error: unknown, record: { text: string; line: number; column: number }): string {
  const at = /at position (\d+)/.exec((error as Error).message);
  const before = record.text.slice(0, at ? Number(at[1]) : record.text.length);
  const lines = before.split("\n").length - 1;
  const column = lines === 0 ? record.column + Buffer.byteLength(before) : Buffer.byteLength(before.slice(before.lastIndexOf("\n")));
  return `not valid JSON at line ${record.line + lines}, column ${column}`;
}

/**
 * A JSON file: an array of records, or an object whose `cases` is one. Streamed: each record is cut
 * out of the bytes as they come and parsed on its own, so that one record at a time is held.
 */
export async function* readJsonItems(source: Source, maxRecordBytes: number): AsyncGenerator<JsonItem> {
  const splitter = new JsonRecordSplitter(maxRecordBytes);
  const parse = (record: RecordText): JsonItem => {
    const location = { index: record.index };
    if (record.text === undefined) return { location, value: undefined, error: `a record over ${maxRecordBytes} bytes (8 times --max-field-bytes)` };
    try {
      return { location, value: JSON.parse(record.text) };
    } catch (error) {
      throw new InputError(`${source.name}: ${recordProblem(error, { ...record, text: record.text })}`);
    }
  };
  try {
    for await (const chunk of chunks(source)) for (const record of splitter.feed(chunk)) yield parse(record);
    splitter.end();
  } catch (error) {
    if (!(error instanceof JsonShapeError)) throw error;
    if (error.reason === "empty") throw emptyInput(source);
    if (error.reason === "shape") throw new InputError(`${source.name}: expected a JSON array of case records or an object with a "cases" array`);
    if (error.reason === "too-long") throw new InputError(`${source.name}: line ${error.line}: a value longer than 8 times --max-field-bytes; is the file JSON?`);
    throw new InputError(`${source.name}: not valid JSON at line ${error.line}, column ${error.column}`);
  }
}

/** NDJSON: one record object per line, blank lines ignored, read line by line. */
export async function* readNdjsonItems(source: Source, maxLineBytes: number): AsyncGenerator<JsonItem> {
  let line = 0;
  let read = false;
  const decoder = new TextDecoder("utf-8");
  function* lines(text: string): Generator<JsonItem> {
    for (const raw of text.split("\n")) {
      line++;
      const trimmed = (line === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (trimmed === "") continue;
      read = true;
      const bytes = trimmed.length * 3 > maxLineBytes ? Buffer.byteLength(trimmed, "utf8") : 0;
      if (bytes > maxLineBytes) {
        yield { location: { line }, value: undefined, error: `a line of ${bytes} bytes is over the limit of ${maxLineBytes} (--max-field-bytes)` };
        continue;
      }
      try {
        yield { location: { line }, value: JSON.parse(trimmed) };
      } catch (error) {
        yield { location: { line }, value: undefined, error: jsonProblem(error, trimmed).replace(/ at line \d+,/, " at") };
      }
    }
  }
  // The start of a line still open, in pieces: joined only once its end comes, not once per chunk.
  let open: string[] = [];
  let openLength = 0;
  for await (const chunk of chunks(source)) {
    const text = decoder.decode(chunk, { stream: true });
    const cut = text.lastIndexOf("\n");
    if (cut === -1) {
      open.push(text);
      openLength += text.length;
      if (openLength > maxLineBytes * 8) {
        throw new InputError(`${source.name}: line ${line + 1}: a line longer than 8 times --max-field-bytes; is the file NDJSON?`);
      }
      continue;
    }
    const rest = text.slice(cut + 1);
    yield* lines(open.join("") + text.slice(0, cut));
    open = [rest];
    openLength = rest.length;
  }
  const carry = open.join("") + decoder.decode();
  if (carry.trim() !== "") yield* lines(carry);
  if (!read) throw emptyInput(source);
}
