import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError } from "../errors.js";

/** The SHA-256 of an input's bytes, for the report to say exactly what it graded. */
export interface InputDigest {
  /** The stream the run reads stdin from (the bytes pass through the hash as they are read). */
  stdin: Readable;
  /** The hash in hex, once the run has read everything; undefined for a pipe given by name. */
  finish(bytesRead: number | undefined): Promise<string | undefined>;
  /** Stops reading: the run failed. */
  abandon(): void;
}

/**
 * Stdin is hashed as the run reads it. A named regular file is read by byte ranges on worker threads,
 * not in one sequence a hash can follow, so it is read once more alongside the run (from the disk cache),
 * and the run stops if the two reads did not see the same number of bytes. A pipe or device given by
 * name can be read only once, so it gets no hash.
 */
export function inputDigest(path: string, stdin: Readable): InputDigest {
  const hash = createHash("sha256");
  let bytes = 0;
  const count = (chunk: Buffer | string) => {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    hash.update(buffer);
    bytes += buffer.length;
    return buffer;
  };
  if (path === "-") {
    const tap = new Transform({ transform: (chunk: Buffer, _encoding, done) => done(null, count(chunk)) });
    // The run reads from the terminal or a pipe as before: the tap keeps what stdin says of itself.
    Object.assign(tap, { isTTY: (stdin as { isTTY?: boolean }).isTTY });
    const piped = pipeline(stdin, tap).catch(() => {});
    return {
      stdin: tap,
      async finish() {
        await piped;
        return hash.digest("hex");
      },
      abandon: () => {},
    };
  }
  let regular = false;
  try {
    regular = statSync(path).isFile();
  } catch {
    // The run itself says why the file cannot be read.
  }
  const stop = new AbortController();
  const read = regular
    ? pipeline(
        createReadStream(path),
        async (chunks: AsyncIterable<Buffer>) => {
          for await (const chunk of chunks) count(chunk);
        },
        { signal: stop.signal },
      ).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);
  return {
    stdin,
    async finish(bytesRead) {
      if (!(await read)) return undefined;
      if (bytesRead !== undefined && bytesRead !== bytes) {
        throw new CliError(`${path}: the file changed while it was being read; score a copy that nothing writes to`);
      }
      return hash.digest("hex");
    },
    abandon: () => stop.abort(),
  };
}
