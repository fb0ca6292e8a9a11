import { closeSync, constants, createWriteStream, fchmodSync, fchownSync, fstatSync, open, openSync, rmSync, type Stats, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { CliError } from "../errors.js";
import { removeStaleFiles } from "../stale-files.js";
import { isStdout, PARTIAL, partialName, reportTarget } from "./targets.js";

/** Where a report goes: stdout, or a file written beside its target and renamed into place on success. */
export interface Destination {
  name: string;
  /** This process's stdout (however it was named), where what was written cannot be taken back. */
  toStdout?: true;
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

  /** The stream's first error: every later write, and the commit, throws it as one line. */
  private failure: CliError | undefined;

  /** `reuse`: the stream is done with a buffer once it calls back (a file's is; a PassThrough's is not). */
  constructor(
    private readonly stream: Writable,
    private readonly name: string,
    private readonly reuse = false,
  ) {
    stream.on("error", (error) => void (this.failure ??= writeFailure(name, error)));
  }

  /** Throws the stream's error, if it has had one. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Ends the stream, once all is flushed: rejects with its error, if it had one. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    this.check();
  }

  text(text: string): Promise<void> | void {
    this.check();
    if (text.length * 3 > BUFFER_BYTES) return this.direct(Buffer.from(text));
    if (this.used + text.length * 3 > BUFFER_BYTES) this.flush();
    this.used += this.buf.write(text, this.used, "utf8");
    return this.pending();
  }

  bytes(bytes: Uint8Array, start: number, end: number): Promise<void> | void {
    this.check();
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
        reject(writeFailure(this.name, error));
      };
      this.stream.once("drain", onDrain);
      this.stream.once("error", onError);
    });
    // Whoever writes next hears of an error; a flush on its own must not crash the run with it.
    this.full.catch(() => {});
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large for the file system",
  EPIPE: "its reader closed it before the report was written whole",
  EIO: "an input/output error",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "its directory is gone",
};

/** A write that failed, as the one line that says so (exit 2): `report.json: cannot write: no space left on the device (ENOSPC)`. */
export function writeFailure(name: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
  return new CliError(`${name}: cannot write: ${reason}${code ? ` (${code})` : ""}`);
}

export function stdoutDestination(stdout: Writable): Destination {
  const out = new Batcher(stdout, "stdout");
  return {
    name: "stdout",
    toStdout: true,
    write: (text) => out.text(text),
    writeBytes: (bytes, start, end) => out.bytes(bytes, start, end),
    commit: async () => {
      await out.flush();
      out.check();
    },
    abandon: async () => out.drop(),
  };
}

/** Temporary files of reports still being written, removed if the run is interrupted. */
const unfinished = new Set<string>();

/** On a signal that stops the run: remove every half-written report, synchronously, before the process exits. */
export function removeUnfinishedOutputs(): void {
  for (const path of unfinished) rmSync(path, { force: true });
  unfinished.clear();
}

/** Where a report named `path` (as given: relative to `cwd`; undefined or `/dev/stdout` for stdout) goes. */
export async function openDestination(path: string | undefined, ctx: { cwd: string; stdout: Writable }): Promise<Destination> {
  if (path === undefined || isStdout(resolve(ctx.cwd, path), ctx.stdout)) return stdoutDestination(ctx.stdout);
  return fileDestination(resolve(ctx.cwd, path), path);
}

/**
 * A report to the file at `path`: written to a temporary file beside it, renamed over it when complete
 * (see reportTarget). A pipe or a character device is written in place instead.
 */
export async function fileDestination(path: string, name = path): Promise<Destination> {
  const target = reportTarget(path, name);
  if (target.kind === "stream") return streamDestination(path, name);
  const dir = dirname(target.path);
  removeStaleFiles(dir, PARTIAL, process.geteuid?.());
  const temporary = join(dir, partialName(target.path));
  let fd: number;
  try {
    // Created synchronously, so that a signal's cleanup always finds what it must remove; never through a link, never over a file.
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw writeFailure(name, error);
  }
  unfinished.add(temporary);
  const out = new Batcher(createWriteStream(temporary, { fd }), name, true);
  return {
    name,
    write: (text) => out.text(text),
    writeBytes: (bytes, start, end) => out.bytes(bytes, start, end),
    async commit() {
      await out.flush();
      keepAccess(fd, target.existing);
      await out.close();
      try {
        await rename(temporary, target.path);
      } catch (error) {
        throw writeFailure(name, error);
      }
      unfinished.delete(temporary);
    },
    async abandon() {
      out.drop();
      await out.close().catch(() => {});
      await rm(temporary, { force: true });
      unfinished.delete(temporary);
    },
  };
}

/**
 * The report file gets the mode and group of the one it replaces (a report made readable to a team stays
 * so, and one kept private stays private); a new one the mode any new file gets (0666 less the umask).
 * Where the group cannot be kept, the group gets no access rather than another group's.
 */
function keepAccess(fd: number, existing: Stats | undefined): void {
  if (!existing) {
    fchmodSync(fd, 0o666 & ~process.umask());
    return;
  }
  let mode = existing.mode & 0o777;
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    if (fstatSync(fd).gid !== existing.gid) mode &= ~0o070;
  }
  fchmodSync(fd, mode);
}

/** A pipe or a character device, written in place: opened without waiting on this thread (a FIFO waits for its reader). */
async function streamDestination(path: string, name: string): Promise<Destination> {
  const fd = await new Promise<number>((resolve, reject) =>
    open(path, constants.O_WRONLY | constants.O_NOCTTY, (error, opened) => (error ? reject(writeFailure(name, error)) : resolve(opened))),
  );
  const info = fstatSync(fd);
  if (!info.isFIFO() && !info.isCharacterDevice()) {
    closeSync(fd);
    throw new CliError(`${name}: changed while it was being opened; run again`);
  }
  const stream: WriteStream = createWriteStream(path, { fd });
  const out = new Batcher(stream, name);
  return {
    name,
    write: (text) => out.text(text),
    writeBytes: (bytes, start, end) => out.bytes(bytes, start, end),
    commit: () => out.close(),
    async abandon() {
      out.drop();
      await out.close().catch(() => {});
    },
  };
}
