import { randomBytes } from "node:crypto";
import { openSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  const path = join(tmpdir(), `audit-${prefix}-${process.pid}-${randomBytes(6).toString("hex")}`);
  const fd = openSync(path, "wx+", 0o600);
  left.add(path);
  if (!hooked) {
    process.once("exit", removeLeft);
    hooked = true;
  }
  return { fd, path };
}

/** Removes a temporary file (once closed, where the system needs that). */
export function removeTemporary(path: string): void {
  rmSync(path, { force: true });
  left.delete(path);
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
