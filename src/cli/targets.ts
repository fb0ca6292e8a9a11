import { fstatSync, realpathSync, statSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { CliError } from "../errors.js";
import type { OutputSpec } from "./formats.js";

/**
 * Where a report goes. A regular file, or a name that is not there yet, is written to a temporary
 * file beside it and renamed over it when complete; a pipe or a character device (`/dev/null`, a
 * terminal, `/dev/stdout`) is written in place, as a stream, and never replaced by a file.
 */
export type ReportTarget =
  | { kind: "file"; /** The file to rename over: a link's own target. */ path: string; existing?: Stats }
  | { kind: "stream"; path: string };

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** What `path` (called `name` in messages) is, as a report target; anything else (a directory, a block device, a socket) is refused. */
export function reportTarget(path: string, name = path): ReportTarget {
  let info: Stats | undefined;
  try {
    info = statSync(path);
  } catch (error) {
    if (errno(error) !== "ENOENT") throw new CliError(`${name}: cannot write the report (${errno(error) ?? "error"})`);
  }
  if (info === undefined) {
    if (!isDirectory(dirname(path))) throw new CliError(`${name}: no such directory to write the report in`);
    return { kind: "file", path };
  }
  if (info.isFile()) return { kind: "file", path: realpathSync(path), existing: info };
  if (info.isFIFO() || info.isCharacterDevice()) return { kind: "stream", path };
  if (info.isDirectory()) throw new CliError(`${name}: is a directory; name a file for the report`);
  throw new CliError(`${name}: is neither a file, a pipe nor a character device; name a file for the report`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A file as its device and inode. A character device is none: it is written in place, never replaced,
 * so two reports may share one (stdout sent to /dev/null, and -f json=/dev/null).
 */
const fileId = (info: Stats) => (info.isCharacterDevice() ? undefined : `${info.dev}:${info.ino}`);

/** Which file a name stands for, however it is spelled: its device and inode, or for a new file its real directory and name. */
function identity(path: string): string | undefined {
  let info: Stats;
  try {
    info = statSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return undefined;
    }
  }
  return fileId(info);
}

/** The file this process's stdout is, as `identity` names it (a pipe or socket too, which no name may open); undefined without one. */
function stdoutIdentity(stdout: Writable): string | undefined {
  const fd = (stdout as { fd?: unknown }).fd;
  if (typeof fd !== "number") return undefined;
  try {
    return fileId(fstatSync(fd));
  } catch {
    return undefined;
  }
}

/** Whether `path` names this process's own stdout (`/dev/stdout`, `/proc/self/fd/1`, the file stdout was sent to). */
export function isStdout(path: string, stdout: Writable): boolean {
  const own = stdoutIdentity(stdout);
  return own !== undefined && identity(path) === own;
}

/**
 * Refuses, before anything is read, a report that would be written over one of the `inputs`, and two
 * reports that name one file (`a.json`, `./a.json`, a link to it), stdout included (`-f table -f
 * json=/dev/stdout`).
 */
export function refuseSharedTargets(outputs: readonly OutputSpec[], inputs: readonly string[], ctx: { cwd: string; stdout: Writable }): void {
  const read = new Map(inputs.filter((input) => input !== "-").map((input) => [identity(resolve(ctx.cwd, input)), input]));
  const written = new Map<string, string>();
  for (const { format, path } of outputs) {
    const id = path === undefined ? stdoutIdentity(ctx.stdout) : identity(resolve(ctx.cwd, path));
    if (id === undefined) continue;
    const spec = path === undefined ? `${format} (stdout)` : `${format}=${path}`;
    const input = read.get(id);
    if (input !== undefined) throw new CliError(`--format ${spec}: that is the input ${input}; write the report to another file`);
    const other = written.get(id);
    if (other) throw new CliError(`--format: ${other} and ${spec} name one file; give each report its own`);
    written.set(id, spec);
  }
}

/** `.report.json.3f9a0c1b2d4e5f60.audit-partial`: a report being written, beside its target; the name says whose it is. */
export const PARTIAL = /^\..+\.[0-9a-f]{16}\.audit-partial$/;
export const partialName = (target: string) => `.${basename(target)}.${randomBytes(8).toString("hex")}.audit-partial`;
