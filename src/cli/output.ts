import { createWriteStream, openSync, rmSync, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { CliError } from "../errors.js";

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
  /** Views for `copy`, of the bytes last given and of the buffer now gathering. */
  private source: Uint8Array | undefined;
  private sourceWords: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private target: Buffer | undefined;
  private targetWords: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

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
    this.copy(bytes, start, end);
    this.used += end - start;
    return this.pending();
  }

  /**
   * Copies bytes[start, end) to the end of the buffer, 8 bytes a step (short ones a byte at a time).
   * `set` of a subarray is quicker for one case, but the view it makes for each is garbage for the
   * main thread to collect: at 1M rows of JSON, 43 scavenges with `set`, 15-17 with this.
   */
  private copy(bytes: Uint8Array, start: number, end: number): void {
    const { buf } = this;
    let i = start;
    let at = this.used;
    if (end - start >= 32) {
      if (bytes !== this.source) {
        this.source = bytes;
        this.sourceWords = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
      if (buf !== this.target) {
        this.target = buf;
        this.targetWords = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      const from = this.sourceWords;
      const to = this.targetWords;
      for (; i + 8 <= end; i += 8, at += 8) {
        to.setInt32(at, from.getInt32(i));
        to.setInt32(at + 4, from.getInt32(i + 4));
      }
    }
    for (; i < end; i++, at++) buf[at] = bytes[i]!;
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
      setImmediate(this.flushSoon);
    }
    return this.full;
  }

  /** One function for every turn's flush: a closure made per call here was most of a large run's garbage. */
  private readonly flushSoon = () => {
    this.scheduled = false;
    void this.flush();
  };

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
