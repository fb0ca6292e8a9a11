import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest's global setup: every temporary file the suite makes (tests' own, and the CLI's they
 * run) goes under one directory, removed when the run ends, so that runs leave nothing in /tmp.
 * Test workers and the CLI processes they start inherit TMPDIR.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "audit-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
