import { constants } from "node:os";
import { removeUnfinishedOutputs, writeFailure } from "./output.js";

/**
 * Signals that stop a run. Each removes every half-written report (and, as the process exits, the copy of
 * stdin) and exits with 128 + the signal's number, as a shell reports it. SIGKILL cannot be caught: the
 * next run removes what it left (removeStaleFiles).
 */
export const STOPPING_SIGNALS = ["SIGHUP", "SIGINT", "SIGQUIT", "SIGTERM", "SIGUSR2", "SIGALRM", "SIGXCPU", "SIGXFSZ"] as const;

/**
 * What the process does on a signal or a failed standard stream, set up once by bin/audit.js. A write
 * to stdout that fails (a full disk, `/dev/full`, a reader that closed the pipe, as `| head` does) ends
 * the run at once with one line on stderr and exit 2: the report was not delivered whole, and a
 * pipeline (`set -o pipefail`) must be able to tell. Stderr that fails ends it with exit 2 and no line.
 */
export function handleProcessEvents(process: NodeJS.Process): void {
  for (const signal of STOPPING_SIGNALS) {
    process.on(signal, () => {
      removeUnfinishedOutputs();
      process.exit(128 + constants.signals[signal]);
    });
  }
  process.stdout.on("error", (error) => {
    removeUnfinishedOutputs();
    process.stderr.write(`audit: ${writeFailure("stdout", error).message}\n`);
    process.exit(2);
  });
  process.stderr.on("error", () => {
    removeUnfinishedOutputs();
    process.exit(2);
  });
}
