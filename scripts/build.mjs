#!/usr/bin/env node
// Compiles src/ to dist/ (tsc, incremental) and removes what dist/ holds of sources since deleted, so that
// dist/ is exactly the build of src/. `--if-stale` skips all of it when nothing under src/ or the tsconfigs
// is newer than the last build: the tests' global setup builds this way before every run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");
/** Written by tsc at each build (tsconfig.build.json's tsBuildInfoFile); its time is the build's start. */
const STAMP = join(DIST, ".tsbuildinfo");
const INPUTS = ["tsconfig.json", "tsconfig.build.json"].map((file) => join(ROOT, file));

/** What tsconfig.build.json compiles: the TypeScript under src/, not its tests. */
const compiled = (name) => name.endsWith(".ts") && !name.endsWith(".test.ts");

/** The newest change under a folder: a compiled file's content, or a folder's list (a file added, renamed or removed). */
function newestChange(folder) {
  let newest = statSync(folder).mtimeMs;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(path));
    else if (compiled(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return Math.max(newestChange(SRC), ...INPUTS.map((file) => statSync(file).mtimeMs)) > built;
}

/** The compiled outputs of one source file, by the name they share. */
const OUTPUT = /(\.d)?\.js(\.map)?$|\.d\.ts(\.map)?$/;

/** Removes dist/'s outputs whose source in src/ is gone. */
function pruneOrphans(folder = DIST) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) pruneOrphans(path);
    else if (OUTPUT.test(entry.name) && !existsSync(join(SRC, relative(DIST, path).replace(OUTPUT, ".ts")))) rmSync(path);
  }
}

/**
 * Builds dist/ (or, with `ifStale`, only when it is older than src/). Returns tsc's output; throws with
 * it when tsc reports an error, as a failed build must stop the tests.
 */
export function build({ ifStale = false } = {}) {
  if (ifStale && !isStale()) return "";
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, encoding: "utf8" });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  if (run.status !== 0) throw new Error(`the build failed (tsc -p tsconfig.build.json):\n${output || run.error}`);
  pruneOrphans();
  // A source saved while tsc ran is newer than this, so the next check builds again.
  utimesSync(STAMP, started, started);
  return output;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(build({ ifStale: process.argv.includes("--if-stale") }));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
