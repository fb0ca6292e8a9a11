import type { Readable, Writable } from "node:stream";

/** Everything the CLI takes from the process, so that tests can run it in-process. */
export interface CliContext {
  argv: string[];
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}
