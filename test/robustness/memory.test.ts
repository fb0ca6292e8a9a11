import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { BIN } from "../helpers/run-cli.js";
import { scratchDir } from "./_harness.js";

// Memory held to bounds, measured (peak RSS, written by a preload on exit) in a child process:
// bounds, never times. Each input is written once, in pieces, never held whole by the test.

const dir = scratchDir("audit-memory-");
const PEAK_PRELOAD = fileURLToPath(new URL("../support/peak-memory.mjs", import.meta.url));
const MiB = 1024;

interface Measured {
  code: number | null;
  stderr: string;
  /** Peak resident memory, KiB. */
  peakKiB: number;
}

/** Runs the built CLI under the peak-memory preload; `args` may name a FIFO another process fills. */
async function measured(args: string[], node: string[] = [], fill?: { fifo: string; from: string }): Promise<Measured> {
  const peakFile = path.join(dir, `peak-${process.hrtime.bigint()}`);
  const child = spawn(process.execPath, [...node, "--import", PEAK_PRELOAD, BIN, ...args], {
    env: { ...process.env, AUDIT_TEST_PEAK_FILE: peakFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (fill) fs.createReadStream(fill.from).pipe(fs.createWriteStream(fill.fifo));
  const err: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stderr: Buffer.concat(err).toString("utf8"), peakKiB: Number(fs.readFileSync(peakFile, "utf8")) };
}

/** A file of `count` lines, each `line(i)`, written a few thousand at a time. */
function writeLines(name: string, count: number, line: (i: number) => string, head = "", tail = ""): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, head);
  for (let i = 0; i < count; i += 5_000) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(count, i + 5_000); k++) lines.push(line(k));
    fs.writeSync(fd, lines.join(""));
  }
  fs.writeSync(fd, tail);
  fs.closeSync(fd);
  return file;
}

/** Free text that makes each record a few hundred bytes, as a real export's notes do. */
const NOTES = "x".repeat(400);
const record = (i: number) => `{"case_id":"C-${i}","force":"F${i % 8}","reported_on":"2015-07-02","notes":"${NOTES}"}`;

describe("memory stays bounded whatever the input", () => {
  test("JSON is streamed: 60,000 records (28 MB) in a 48 MB heap", async () => {
    const file = writeLines("many.json", 60_000, (i) => `${i ? "," : ""}${record(i)}\n`, "[", "]");
    expect(fs.statSync(file).size).toBeGreaterThan(28_000_000);
    const run = await measured(["score", file, "-q"], ["--max-old-space-size=48"]);
    // Read whole and parsed at once, it ran out of heap: exit 134.
    expect(run.code, run.stderr).toBe(0);
    expect(run.peakKiB).toBeLessThan(160 * MiB);
  });

  test("a named pipe (process substitution) is read in a file's memory, not a stream's", async () => {
    const csv = writeLines("pipe.csv", 200_000, (i) => `C-${i},F${i % 8},2015-07-02,${NOTES}\n`, "case_id,force,reported_on,notes\n");
    const fifo = path.join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const [fromFile, fromPipe] = [await measured(["score", csv, "-q"]), await measured(["score", fifo, "-q"], [], { fifo, from: csv })];
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromPipe.code, fromPipe.stderr).toBe(0);
    // Read as a stream by the reference reader, the pipe took 1.8 times the file's memory (221 MB against 121 MB).
    expect(fromPipe.peakKiB).toBeLessThan(fromFile.peakKiB * 1.5);
  });

  test("10,001 distinct --group-by values: one clear error, not a run of gigabytes (or at 150,000, a stack overflow)", async () => {
    const file = writeLines("teams.csv", 10_001, (i) => `C-${i},F,2015-07-02,team-${i}\n`, "case_id,force,reported_on,team\n");
    const run = await measured(["score", file, "--group-by", "team", "-q"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("audit: --group-by: more than 10,000 groups; group by a column with fewer distinct values (force, a team, a district), not one that names each case\n");
  });
});
