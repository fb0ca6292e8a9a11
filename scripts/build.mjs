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

/** A project's folders and files the build reads and writes (the tests build small projects of their own). */
function layout(root) {
  const dist = join(root, "dist");
  return {
    root,
    src: join(root, "src"),
    dist,
    /** Written by tsc at each build (tsconfig.build.json's tsBuildInfoFile); its time is the build's start. */
    stamp: join(dist, ".tsbuildinfo"),
    inputs: ["tsconfig.json", "tsconfig.build.json"].map((file) => join(root, file)),
  };
}

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

/** Whether anything under src/ (a file changed, added, renamed or removed) or a tsconfig is newer than the last build. */
export function isStale(root = ROOT) {
  const { src, stamp, inputs } = layout(root);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return Math.max(newestChange(src), ...inputs.map((file) => statSync(file).mtimeMs)) > built;
}

/** The compiled outputs of one source file, by the name they share. */
const OUTPUT = /(\.d)?\.js(\.map)?$|\.d\.ts(\.map)?$/;

/** Removes dist/'s outputs whose source in src/ is gone. */
function pruneOrphans({ src, dist }, folder = dist) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) pruneOrphans({ src, dist }, path);
    else if (OUTPUT.test(entry.name) && !existsSync(join(src, relative(dist, path).replace(OUTPUT, ".ts")))) rmSync(path);
  }
}

/**
 * Builds dist/ (or, with `ifStale`, only when it is older than src/) of the project at `root` (this one by
 * default). Returns tsc's output; throws with
 * it when tsc reports an error, as a failed build must stop the tests.
 */
export function build({ ifStale = false, root = ROOT } = {}) {
  if (ifStale && !isStale(root)) return "";
  const project = layout(root);
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, encoding: "utf8" });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  if (run.status !== 0) throw new Error(`the build failed (tsc -p tsconfig.build.json):\n${output || run.error}`);
  pruneOrphans(project);
  // A source saved while tsc ran is newer than this, so the next check builds again.
  utimesSync(project.stamp, started, started);
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
