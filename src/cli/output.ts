import { createWriteStream, openSync, rmSync, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { CliError } from "./errors.js";

/** Where a report goes: stdout, or a file written beside its target and renamed into place on success. */
export interface Destination {
  name: string;
  write(text: string): Promise<void> | void;
  /** Completes the report: a file appears only now. */
  commit(): Promise<void>;
  /** Gives up: no half-written file is left behind. */
  abandon(): Promise<void>;
}

function writeTo(stream: Writable, text: string): Promise<void> | void {
  if (text === "" || stream.write(text)) return;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off("error", onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off("drain", onDrain);
      reject(error);
    };
    stream.once("drain", onDrain);
    stream.once("error", onError);
  });
}

export function stdoutDestination(stdout: Writable): Destination {
  return {
    name: "stdout",
    write: (text) => writeTo(stdout, text),
    commit: async () => {},
    abandon: async () => {},
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
  const close = () => new Promise<void>((resolve) => stream.end(() => resolve()));
  return {
    name: path,
    write: (text) => writeTo(stream, text),
    async commit() {
      await close();
      await rename(temporary, path);
      unfinished.delete(temporary);
    },
    async abandon() {
      await close();
      await rm(temporary, { force: true });
      unfinished.delete(temporary);
    },
  };
}
