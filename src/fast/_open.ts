import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { delimiterOf } from "../input/csv.js";
import { endsLinesWithCr, looksBinary, SNIFF_BYTES, sniffFormat, type InputFormat, type Source } from "../input/source.js";

/** A regular CSV file the fast path can read by byte ranges, with what openSource would have sniffed. */
export interface CsvFile {
  source: Source;
  size: number;
  /** When it was last written, as it was found: a file read twice must not change between. */
  mtimeMs: number;
  delimiter: string;
}

const BY_EXTENSION: Record<string, InputFormat> = { ".csv": "csv", ".tsv": "csv", ".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson" };

/**
 * The file at `path` if the fast path can take it: a regular, readable, non-binary file read
 * as CSV with a one-byte delimiter other than a quote or line end, in UTF-8. Anything else
 * (stdin, a pipe, JSON, an error to report) is left to the reference reader, which says it.
 */
export async function probeCsvFile(path: string, format: InputFormat | undefined, delimiter: string | undefined): Promise<CsvFile | undefined> {
  if (path === "-") return undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const handle = await open(path, "r");
    let head: Buffer;
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(Math.min(SNIFF_BYTES, info.size)), 0, Math.min(SNIFF_BYTES, info.size), 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    // Binary, UTF-16 and CR-ended files are read the reference way, which says what it makes of them.
    if (looksBinary(head) || (head[0] === 0xff && head[1] === 0xfe) || endsLinesWithCr(head)) return undefined;
    const resolved = format ?? BY_EXTENSION[extname(path).toLowerCase()] ?? sniffFormat(head);
    if (resolved !== "csv") return undefined;
    const chosen = delimiter ?? delimiterOf(path, head);
    if (Buffer.byteLength(chosen) !== 1 || chosen === '"' || chosen === "\r" || chosen === "\n") return undefined;
    const source: Source = { name: path, format: resolved, head, rest: { async *[Symbol.asyncIterator]() {} }, size: info.size };
    return { source, size: info.size, mtimeMs: info.mtimeMs, delimiter: chosen };
  } catch {
    return undefined;
  }
}
