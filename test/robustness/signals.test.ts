import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { fileDestination, removeUnfinishedOutputs } from "../../src/cli/output.js";
import { STOPPING_SIGNALS } from "../../src/cli/process-events.js";
import { BIN } from "../helpers/run-cli.js";
import { scratchDir } from "./_harness.js";

const dir = scratchDir();
const HEADER = "case_id,force,reported_on,child_age,concern,child_role,risk_assessed_on,risk_assessment_quality,social_care_referred_on,agencies_consulted";
const row = (i: number) => `ID-${i},Force ${i % 9},2015-07-02,${i % 18},cse,victim,2015-07-03,good,2015-07-03,social_care;health`;
const big = path.join(dir, "big.csv");
fs.writeFileSync(big, `${[HEADER, ...Array.from({ length: 60_000 }, (_, i) => row(i))].join("\n")}\n`);

let runs = 0;
function outputDir(): string {
  const out = path.join(dir, `out-${++runs}`);
  fs.mkdirSync(out);
  return out;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once `condition` holds (polled), or fails if the run ends first. */
  until(condition: () => boolean, what: string): Promise<void>;
}

function start(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  child.stdout.resume();
  child.stdin.on("error", () => {});
  let ended = false;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => {
      ended = true;
      resolve({ code, signal, stderr: Buffer.concat(stderr).toString("utf8") });
    }),
  );
  // No deadline of its own: however loaded the machine, the run either gets there or ends first.
  const until = async (condition: () => boolean, what: string) => {
    while (!condition()) {
      if (ended) throw new Error(`the run ended before ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { child, closed, until };
}

const partials = (out: string) => fs.readdirSync(out).filter((name) => name.endsWith(".audit-partial")).length;
const reports = (out: string) => ["json", "csv", "junit", "markdown"].map((f) => `${f}=${path.join(out, `report.${f}`)}`).flatMap((spec) => ["-f", spec]);

/** The copy of stdin a child has open: its name gone from `dir` already, its mode 0600. */
function openStdinCopy(pid: number, dir: string): { mode: number } | undefined {
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    const link = `/proc/${pid}/fd/${fd}`;
    try {
      if (fs.readlinkSync(link).startsWith(path.join(dir, "audit-stdin-"))) return { mode: fs.statSync(link).mode & 0o777 };
    } catch {
      // Closed meanwhile.
    }
  }
  return undefined;
}

describe("an interrupted run stops at once, with 128 + the signal, and leaves no report behind", () => {
  test.each(STOPPING_SIGNALS.map((signal) => [signal, 128 + os.constants.signals[signal]] as const))("%s while grading a large file: exit %d", async (signal, exitCode) => {
    const out = outputDir();
    const { child, closed, until } = start(["score", big, ...reports(out), "-q"]);
    await until(() => partials(out) === 4, "the reports were started");
    const sent = Date.now();
    child.kill(signal);
    const run = await closed;
    expect(run.code).toBe(exitCode);
    // Left alone, the run would have put its reports in place: it stopped before it finished.
    expect(fs.readdirSync(out)).toEqual([]);
    // And did not wait on its workers: a loose bound, to hold on a loaded machine.
    expect(Date.now() - sent).toBeLessThan(15_000);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test.each<[NodeJS.Signals, number]>([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGQUIT", 131],
  ])("%s while waiting on stdin keeps an older report as it was; the copy of stdin, mode 0600, had no name to leave", async (signal, exitCode) => {
    const out = outputDir();
    const temporary = path.join(out, "tmp");
    fs.mkdirSync(temporary);
    const old = path.join(out, "report.json");
    fs.writeFileSync(old, '{"previous":"run"}\n');
    const { child, closed, until } = start(["score", "-", "-f", `json=${old}`, "-f", "table", "-q"], { TMPDIR: temporary });
    // More than the 8 KiB the reader sniffs before it hands on the first record.
    child.stdin.write(`${[HEADER, ...Array.from({ length: 200 }, (_, i) => row(i))].join("\n")}\n`);
    // The copy is made with a name and unlinked at once, still open: on a loaded machine a look can fall
    // between the two, so wait for the copy to be open with its name gone (a copy that kept it never is).
    const started = () => partials(out) === 1 && openStdinCopy(child.pid!, temporary) !== undefined && fs.readdirSync(temporary).length === 0;
    await until(started, "the report and the copy of stdin were started, the copy's name removed");
    expect(openStdinCopy(child.pid!, temporary)).toEqual({ mode: 0o600 });
    expect(fs.readdirSync(temporary)).toEqual([]);
    child.kill(signal);
    const run = await closed;
    expect(run.code).toBe(exitCode);
    expect(fs.readdirSync(out).sort()).toEqual(["report.json", "tmp"]);
    expect(fs.readdirSync(temporary)).toEqual([]);
    expect(fs.readFileSync(old, "utf8")).toBe('{"previous":"run"}\n');
  });

  test("after kill -9, the next run removes what was left once it is a day old, and only what is ours", async () => {
    const out = outputDir();
    const temporary = path.join(out, "tmp");
    fs.mkdirSync(temporary);
    const { child, closed, until } = start(["score", big, ...reports(out), "-q"]);
    await until(() => partials(out) === 4, "the reports were started");
    child.kill("SIGKILL");
    await closed;
    const left = fs.readdirSync(out).filter((name) => name.endsWith(".audit-partial"));
    expect(left).toHaveLength(4);
    const stdinCopy = path.join(temporary, "audit-stdin-4242-0123456789ab");
    const notOurs = path.join(temporary, "audit-stdin-notes.txt");
    const dayOld = new Date(Date.now() - 25 * 3600 * 1000);
    for (const file of [stdinCopy, notOurs]) fs.writeFileSync(file, "x");
    for (const file of [...left.map((name) => path.join(out, name)), stdinCopy, notOurs]) fs.utimesSync(file, dayOld, dayOld);
    const fresh = path.join(out, ".report.json.0123456789abcdef.audit-partial");
    fs.writeFileSync(fresh, "a run still writing");
    const small = `${[HEADER, row(1)].join("\n")}\n`;
    const again = start(["score", "-", ...reports(out), "-q"], { TMPDIR: temporary });
    again.child.stdin.end(small);
    expect((await again.closed).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([".report.json.0123456789abcdef.audit-partial", "report.csv", "report.json", "report.junit", "report.markdown", "tmp"]);
    expect(fs.readdirSync(temporary)).toEqual(["audit-stdin-notes.txt"]);
  });

  test("a run left alone finishes and renames every report into place", async () => {
    const out = outputDir();
    const small = path.join(dir, "small.csv");
    fs.writeFileSync(small, `${[HEADER, row(1), row(2)].join("\n")}\n`);
    const run = await start(["score", small, ...reports(out), "-q"]).closed;
    expect(run.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["report.csv", "report.json", "report.junit", "report.markdown"]);
  });

  // Bug (src/cli/output.ts): a report's temporary file is listed as unfinished before its
  // asynchronous open creates it. A signal in that gap runs removeUnfinishedOutputs(), which finds
  // nothing to remove; the open then completes and a `.report.csv.<pid>.partial` is left behind.
  // Reproduced with the built CLI: SIGINT as soon as the first of four reports appears leaves a
  // partial file in about 1 run in 20. Expected: none left (e.g. create the file with openSync).
  test("a signal while a report is still being opened leaves no partial file", async () => {
    const out = outputDir();
    const opening = fileDestination(path.join(out, "report.json"));
    removeUnfinishedOutputs();
    const destination = await opening;
    const left = fs.readdirSync(out);
    await destination.abandon();
    expect(left).toEqual([]);
  });
});
