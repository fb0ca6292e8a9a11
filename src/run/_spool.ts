import { closeSync, createReadStream, writeSync } from "node:fs";
import { Readable } from "node:stream";
import { openOnly, removeTemporary, temporaryFile } from "../temporary.js";

/** Stdin copied whole into a temporary file (mode 0600, its name removed at once where the system allows), gone after `remove` or when the process exits. */
export interface Spooled {
  path: string;
  size: number;
  remove(): void;
}

/**
 * Copies stdin to a temporary file, so that a CSV piped in is read as a file is, in byte ranges on
 * worker threads, instead of as a stream on one thread (100k rows: 1.1 s against 3.9 s). If no file
 * can be made or written (no space left), or a line runs on past `maxRecordBytes` (no record can be
 * that long: the run will stop there, and should not read on to the end first), gives back instead a
 * stream of everything stdin gives, the bytes already copied first, for the reference reader.
 */
export async function spoolStdin(stdin: Readable, maxRecordBytes: number, onBytes: (bytes: number) => void): Promise<Spooled | { replay: Readable }> {
  const chunks = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let file: { fd: number; path: string; read: string } | undefined;
  let size = 0;
  let pending: Buffer | undefined;
  /** Bytes since the last line feed, as far as the chunks' last line feeds tell. */
  let run = 0;
  try {
    const made = temporaryFile("stdin");
    file = { ...made, read: openOnly(made) };
    for (;;) {
      let next: IteratorResult<Buffer | string>;
      try {
        next = await chunks.next();
      } catch (error) {
        // Stdin failed: the reference reader reads what came, then meets the error, as it would have.
        return { replay: replay(file, size, undefined, chunks, error) };
      }
      if (next.done) break;
      pending = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      const lastLine = pending.lastIndexOf(0x0a);
      run = lastLine === -1 ? run + pending.length : pending.length - 1 - lastLine;
      if (run > maxRecordBytes) throw new Error("a line longer than any record may be");
      for (let at = 0; at < pending.length; ) at += writeSync(file.fd, pending, at, pending.length - at, size + at);
      size += pending.length;
      pending = undefined;
      onBytes(size);
    }
    const { fd, path, read } = file;
    return {
      path: read,
      size,
      remove: () => {
        closeSync(fd);
        removeTemporary(path);
      },
    };
  } catch {
    // No file, no room, or a line too long: what was copied, what was being copied, then the rest of stdin.
    return { replay: replay(file, size, pending, chunks) };
  }
}

/** The bytes copied to `file`, then `pending`, then the rest of stdin (or its error): the file is closed and removed once read. */
function replay(
  file: { fd: number; path: string; read: string } | undefined,
  copied: number,
  pending: Buffer | undefined,
  chunks: AsyncIterator<Buffer | string>,
  error?: unknown,
): Readable {
  const all = async function* () {
    try {
      if (file && copied > 0) yield* createReadStream(file.read, { start: 0, end: copied - 1 });
    } finally {
      if (file) {
        closeSync(file.fd);
        removeTemporary(file.path);
      }
    }
    if (error !== undefined) throw error;
    if (pending) yield pending;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  };
  return Readable.from(all(), { objectMode: false });
}
