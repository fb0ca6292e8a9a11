import { InputError } from "./errors.js";
import { chunks, type Source } from "./source.js";

export interface JsonItem {
  /** 0-based position in the array (JSON) or 1-based line (NDJSON). */
  location: { index: number } | { line: number };
  value: unknown;
  /** Why the item could not be read as JSON, when it could not. */
  error?: string;
}

async function readAll(source: Source, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new InputError(`${source.name}: a JSON document over ${maxBytes} bytes; write large inputs as NDJSON or CSV, which are streamed`);
  // A file says its size: refuse it before reading a byte more.
  if (source.size !== undefined && source.size > maxBytes) throw tooLarge();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks(source)) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString("utf8").replace(/^\uFEFF/, "");
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

/** A JSON file: an array of records, or an object whose `cases` is one. */
export async function* readJsonItems(source: Source, maxBytes: number): AsyncGenerator<JsonItem> {
  let document: unknown;
  const text = await readAll(source, maxBytes);
  if (text.trim() === "") throw emptyInput(source);
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source.name}: ${jsonProblem(error, text)}`);
  }
  const records =
    Array.isArray(document)
      ? document
      : typeof document === "object" && document !== null && Array.isArray((document as { cases?: unknown }).cases)
        ? (document as { cases: unknown[] }).cases
        : undefined;
  if (!records) throw new InputError(`${source.name}: expected a JSON array of case records or an object with a "cases" array`);
  for (let index = 0; index < records.length; index++) yield { location: { index }, value: records[index] };
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
