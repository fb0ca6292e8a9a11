import { randomBytes } from "node:crypto";
import { existsSync, openSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeStaleFiles } from "./stale-files.js";

/** `audit-stdin-4242-0123456789ab`: the prefix says what it is, and the whole name that it is ours. */
const OURS = /^audit-[a-z]+-\d+-[0-9a-f]{12}$/;

const left = new Set<string>();
let hooked = false;

/** Every temporary file not yet removed, removed synchronously when the process exits (bin/audit.js exits so on Ctrl-C and SIGTERM). */
function removeLeft(): void {
  for (const path of left) rmSync(path, { force: true });
  left.clear();
}

/**
 * A new file of the process's own in the temporary directory (`$TMPDIR`), open for reading and
 * writing; throws if none can be made. It is removed by `removeTemporary`, or when the process exits.
 */
export function temporaryFile(prefix: string): { fd: number; path: string } {
  if (!hooked) {
    // The first file of a run: what a run stopped by kill -9 left here a day or more ago goes first.
    removeStaleFiles(tmpdir(), OURS, process.geteuid?.());
    process.once("exit", removeLeft);
    hooked = true;
  }
  const path = join(tmpdir(), `audit-${prefix}-${process.pid}-${randomBytes(6).toString("hex")}`);
  const fd = openSync(path, "wx+", 0o600);
  left.add(path);
  return { fd, path };
}

/** Removes a temporary file (once closed, where the system needs that). */
export function removeTemporary(path: string): void {
  rmSync(path, { force: true });
  left.delete(path);
}

/**
 * A path to a temporary file's contents that stays good while `fd` is open, its name removed at once
 * where the system allows (Linux's /proc/self/fd): nothing is left behind whatever stops the run. Elsewhere
 * the file's own path, removed by removeTemporary.
 */
export function openOnly(file: { fd: number; path: string }): string {
  const byDescriptor = `/proc/self/fd/${file.fd}`;
  return existsSync(byDescriptor) && unlinkOpen(file.path) ? byDescriptor : file.path;
}

/** Removes a temporary file while it is still open, where the system allows: true if it is gone. */
export function unlinkOpen(path: string): boolean {
  try {
    unlinkSync(path);
    left.delete(path);
    return true;
  } catch {
    return false;
  }
}
