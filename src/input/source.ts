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
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
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

function looksBinary(head: Buffer): boolean {
  return head.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Reads until the first line is complete and 8 KiB are in (or 64 KiB, or the end), so that
 * sniffing sees a whole header and the binary check the same bytes however the input is chunked.
 */
async function firstLine(iterator: AsyncIterator<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let lineEnded = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    parts.push(chunk);
    size += chunk.length;
    lineEnded ||= chunk.includes(0x0a);
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
  const resolved = format ?? (isStdin ? undefined : BY_EXTENSION[extname(path).toLowerCase()]) ?? sniffFormat(head);
  const rest: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield asBuffer(next.value);
    },
  };
  return { name, format: resolved, head, rest, size, bytesRead: 0 };
}

export async function* chunks(source: Source): AsyncGenerator<Buffer> {
  source.bytesRead = source.head.length;
  if (source.head.length) yield source.head;
  try {
    for await (const chunk of source.rest) {
      source.bytesRead = (source.bytesRead ?? 0) + chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw new InputError(describeFsError(source.name, error as NodeJS.ErrnoException));
  }
}

