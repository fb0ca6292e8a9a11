import { createWriteStream, openSync, rmSync, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { CliError } from "./errors.js";

/** Where a report goes: stdout, or a file written beside its target and renamed into place on success. */
export interface Destination {
  name: string;
  /** Each returns a promise only when the stream is full: await it before writing more. */
  write(text: string): Promise<void> | void;
  /** `bytes[start, end)`, copied: the caller may reuse `bytes` at once. */
  writeBytes(bytes: Uint8Array, start: number, end: number): Promise<void> | void;
  /** Completes the report: a file appears only now. */
  commit(): Promise<void>;
  /** Gives up: no half-written file is left behind. */
  abandon(): Promise<void>;
}

const BUFFER_BYTES = 256 << 10;

/**
 * Gathers small writes (a case is a few hundred bytes) into one buffer, handed to the stream when
 * full or when the event loop next turns, so that a million cases are a few hundred stream writes,
 * not a million. A pipe still sees each batch as soon as it is made.
 */
class Batcher {
  private buf: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private scheduled = false;
  private full: Promise<void> | undefined;
  private readonly spare: Buffer[] = [];

  /** `reuse`: the stream is done with a buffer once it calls back (a file's is; a PassThrough's is not). */
  constructor(
    private readonly stream: Writable,
    private readonly reuse = false,
  ) {}

  text(text: string): Promise<void> | void {
    if (text.length * 3 > BUFFER_BYTES) return this.direct(Buffer.from(text));
    if (this.used + text.length * 3 > BUFFER_BYTES) this.flush();
    this.used += this.buf.write(text, this.used, "utf8");
    return this.pending();
  }

  bytes(bytes: Uint8Array, start: number, end: number): Promise<void> | void {
    if (end - start > BUFFER_BYTES) return this.direct(bytes.slice(start, end));
    if (this.used + end - start > BUFFER_BYTES) this.flush();
    this.buf.set(bytes.subarray(start, end), this.used);
    this.used += end - start;
    return this.pending();
  }

  /** Hands what is gathered to the stream; the promise settles when the stream can take more. */
  flush(): Promise<void> | void {
    if (this.used > 0) {
      const buf = this.buf;
      const batch = buf.subarray(0, this.used);
      // A buffer the stream has written is used again: fresh ones would each cost the heap a collection.
      this.buf = this.spare.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);
      this.used = 0;
      this.send(batch, () => {
        if (this.reuse && this.spare.length < 4) this.spare.push(buf);
      });
    }
    return this.full;
  }

  /** Forgets what is gathered and not yet written. */
  drop(): void {
    this.used = 0;
  }

  private direct(batch: Uint8Array): Promise<void> | void {
    this.flush();
    this.send(batch);
    return this.full;
  }

  private pending(): Promise<void> | void {
    if (!this.scheduled && this.used > 0) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
    return this.full;
  }

  private send(batch: Uint8Array, written?: () => void): void {
    if (this.stream.write(batch, written) || this.full) return;
    this.full = new Promise((resolve, reject) => {
      const onDrain = () => {
        this.stream.off("error", onError);
        this.full = undefined;
        resolve();
      };
      const onError = (error: Error) => {
        this.stream.off("drain", onDrain);
        reject(error);
      };
      this.stream.once("drain", onDrain);
      this.stream.once("error", onError);
    });
    // Whoever writes next hears of an error; a flush on its own must not crash the run with it.
    this.full.catch(() => {});
  }
}

export function stdoutDestination(stdout: Writable): Destination {
  const out = new Batcher(stdout);
  return {
    name: "stdout",
    write: (text) => out.text(text),
    writeBytes: (bytes, start, end) => out.bytes(bytes, start, end),
    commit: async () => {
      await out.flush();
    },
    abandon: async () => out.drop(),
  };
}

/** Temporary files of reports still being written, removed if the run is interrupted. */
const unfinished = new Set<string>();

/** On Ctrl-C or SIGTERM: remove every half-written report, synchronously, before the process exits. */
export function removeUnfinishedOutputs(): void {
  for (const path of unfinished) rmSync(path, { force: true });
  unfinished.clear();
}

export async function fileDestination(path: string): Promise<Destination> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  let fd: number;
  try {
    // Created synchronously, so that a signal's cleanup always finds what it must remove.
    fd = openSync(temporary, "w");
  } catch (error) {
    throw new CliError(`${path}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  unfinished.add(temporary);
  const stream: WriteStream = createWriteStream(temporary, { fd });
  const out = new Batcher(stream, true);
  const close = () => new Promise<void>((resolve) => stream.end(() => resolve()));
  return {
    name: path,
    write: (text) => out.text(text),
    writeBytes: (bytes, start, end) => out.bytes(bytes, start, end),
    async commit() {
      await out.flush();
      await close();
      await rename(temporary, path);
      unfinished.delete(temporary);
    },
    async abandon() {
      out.drop();
      await close();
      await rm(temporary, { force: true });
      unfinished.delete(temporary);
    },
  };
}
