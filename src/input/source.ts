import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import type { Readable } from "node:stream";
import { InputError } from "./errors.js";

/** How a file is read: `xlsx` is a workbook, read by src/input/xlsx.ts, never through a Source. */
export type InputFormat = "csv" | "json" | "ndjson" | "xlsx";

export interface Source {
  /** How the input is named in messages: its path, or `stdin`. */
  name: string;
  format: InputFormat;
  /** The first bytes, already read from `rest`. */
  head: Buffer;
  rest: AsyncIterable<Buffer>;
  /** Total size in bytes when known (a regular file). */
  size?: number;
  /** Bytes handed to the parser so far, for progress. */
  bytesRead?: number;
  /** Lines end in CR alone (as old Mac files do): each is read as a line feed, `head` included. */
  crLineEnds?: boolean;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
};

function describeFsError(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return `${path}: no such file`;
    case "EACCES":
      return `${path}: permission denied`;
    case "EISDIR":
      return `${path}: is a directory, not a file`;
    default:
      return `${path}: cannot read (${error.code ?? error.message})`;
  }
}

/** Guesses the format from the first bytes: JSON array or object, NDJSON lines, or CSV. */
export function sniffFormat(head: Buffer): InputFormat {
  const text = sniffed(head).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "json";
  if (!text.startsWith("{")) return "csv";
  const firstLine = text.split("\n", 1)[0]!.trim();
  try {
    const value: unknown = JSON.parse(firstLine);
    const isWrapper = typeof value === "object" && value !== null && "cases" in value;
    return isWrapper ? "json" : "ndjson";
  } catch {
    return "json";
  }
}

const BINARY_SNIFF_BYTES = 8192;

export function looksBinary(head: Buffer): boolean {
  return head.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/**
 * How much of the start of the input the format, delimiter and line ends are judged from, on every
 * path (a file, stdin, the fast path's probe): the first line, as far as it goes within this.
 */
export const SNIFF_BYTES = 256 * 1024;

/** The first bytes as every sniffer sees them: at most SNIFF_BYTES, however many were read. */
export const sniffed = (head: Buffer): Buffer => head.subarray(0, SNIFF_BYTES);

/**
 * Whether the first line ends in CR alone: a file saved with old Mac line ends, which would
 * otherwise be read as one header row and nothing else. A CR at the very end of what was read
 * may be the start of a CRLF, and is not taken as one.
 */
export function endsLinesWithCr(head: Buffer): boolean {
  const bytes = sniffed(head);
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && byte === 0x0a) return false;
    else if (!quoted && byte === 0x0d) return i + 1 < bytes.length && bytes[i + 1] !== 0x0a;
  }
  return false;
}

/** A chunk of a CR-ended input with each CR a line feed: the same length, so every offset holds. */
function crToLf(chunk: Buffer): Buffer {
  const copy = Buffer.from(chunk);
  for (let at = copy.indexOf(0x0d); at !== -1; at = copy.indexOf(0x0d, at + 1)) copy[at] = 0x0a;
  return copy;
}

/**
 * Reads until the first line is complete and 8 KiB are in (or SNIFF_BYTES, or the end), so that
 * sniffing sees a whole header and the binary check the same bytes however the input is chunked.
 */
async function firstLine(iterator: AsyncIterator<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let lineEnded = false;
  /** Whether the last chunk ended in a CR, which may be half of a CRLF. */
  let crLast = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    parts.push(chunk);
    size += chunk.length;
    const cr = chunk.indexOf(0x0d);
    lineEnded ||= chunk.includes(0x0a) || (crLast && chunk.length > 0) || (cr !== -1 && cr < chunk.length - 1);
    crLast = chunk[chunk.length - 1] === 0x0d;
    if ((lineEnded && size >= BINARY_SNIFF_BYTES) || size >= SNIFF_BYTES) break;
  }
  return Buffer.concat(parts);
}

function asBuffer(chunk: Buffer | string | Uint8Array): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

/** Opens a file path, or stdin for `-`, and settles its format. */
export async function openSource(path: string, format: InputFormat | undefined, stdin: Readable | undefined): Promise<Source> {
  const isStdin = path === "-";
  const name = isStdin ? "stdin" : path;
  let size: number | undefined;
  if (!isStdin) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
      size = info.isFile() ? info.size : undefined;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(describeFsError(path, error as NodeJS.ErrnoException));
    }
  }
  if (isStdin && !stdin) throw new InputError("stdin: no standard input was given to read");
  const stream = isStdin ? stdin! : createReadStream(path, { highWaterMark: 256 * 1024 });
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let head: Buffer;
  try {
    head = await firstLine(iterator);
  } catch (error) {
    throw new InputError(describeFsError(name, error as NodeJS.ErrnoException));
  }
  if (looksBinary(head)) throw new InputError(`${name}: not a CSV or JSON file (it holds binary data)`);
  const crLineEnds = endsLinesWithCr(head);
  if (crLineEnds) head = crToLf(head);
  const resolved = format ?? (isStdin ? undefined : BY_EXTENSION[extname(path).toLowerCase()]) ?? sniffFormat(head);
  const rest: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield crLineEnds ? crToLf(asBuffer(next.value)) : asBuffer(next.value);
    },
  };
  return { name, format: resolved, head, rest, size, bytesRead: 0, ...(crLineEnds ? { crLineEnds } : {}) };
}

/** A file read while something writes to it: it may never end, and a second read would not be the first. */
export const changedWhileRead = (name: string) => new InputError(`${name}: the file changed while it was being read; score a copy that nothing writes to`);

export async function* chunks(source: Source): AsyncGenerator<Buffer> {
  source.bytesRead = source.head.length;
  if (source.head.length) yield source.head;
  try {
    for await (const chunk of source.rest) {
      source.bytesRead = (source.bytesRead ?? 0) + chunk.length;
      // A file that grows as it is read (a log being written) would never end: it holds what it held when opened.
      if (source.size !== undefined && source.bytesRead > source.size) throw changedWhileRead(source.name);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(source.name, error as NodeJS.ErrnoException));
  }
}

