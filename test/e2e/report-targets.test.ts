import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BIN, fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const root = fs.mkdtempSync(join(tmpdir(), "audit-targets-"));
let made = 0;
const freshDir = () => fs.mkdtempSync(join(root, `run-${++made}-`));
const PARTIAL = /\.audit-partial$/;
const onlyOneLine = (stderr: string) => expect(stderr.trimEnd().split("\n"), stderr).toHaveLength(1);

/** Runs the built CLI with its stdout on `stdout` (a file descriptor), as a shell's `>` would. */
function runTo(args: string[], stdout: number, cwd?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", stdout, "pipe"], cwd });
    const stderr: Buffer[] = [];
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("close", (code) => resolve({ code, stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}

describe("a report target that is not a regular file is written in place, never replaced by a file", () => {
  test("a FIFO is streamed to its reader and stays a FIFO", async () => {
    const dir = freshDir();
    const fifo = join(dir, "report.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const running = runCli(["score", HMIC, "-f", `json=${fifo}`]);
    const read = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      fs.createReadStream(fifo).on("data", (chunk) => chunks.push(chunk as Buffer)).on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    const [run, text] = await Promise.all([running, read]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(text) as { cases: unknown[] }).cases).toHaveLength(576);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["report.fifo"]);
  });

  test("a character device (a null device of our own) gets the report and stays a device", async () => {
    const dir = freshDir();
    const device = join(dir, "mynull");
    const made = spawnSync("mknod", [device, "c", "1", "3"]);
    if (made.status !== 0) return expect.soft(made.stderr.toString(), "mknod needs root: this check ran without it").toBe("");
    const run = await runCli(["score", HMIC, "-o", device]);
    expect(run.code, run.stderr).toBe(0);
    const after = fs.lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["mynull"]);
  });

  test("a link to /proc/self/fd/1 (as /dev/stdout is) writes to the run's own stdout and stays a link", async () => {
    const dir = freshDir();
    const link = join(dir, "out");
    fs.symlinkSync("/proc/self/fd/1", link);
    const run = await runCli(["score", HMIC, "-o", link]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Overall\s+576/m);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["out"]);
  });

  test("-o - is stdout", async () => {
    const run = await runCli(["score", HMIC, "-f", "json", "-o", "-"], { cwd: freshDir() });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { cases: unknown[] }).cases).toHaveLength(576);
  });

  test.each<[string, (dir: string) => string, RegExp]>([
    ["a directory", (dir) => dir, /is a directory/],
    ["a name in a directory that is not there", (dir) => join(dir, "absent", "report.json"), /no such directory/],
  ])("%s is refused with one line, exit 2", async (_name, target, message) => {
    const dir = freshDir();
    const run = await runCli(["score", HMIC, "-f", `json=${target(dir)}`]);
    expect(run.code).toBe(2);
    onlyOneLine(run.stderr);
    expect(run.stderr).toMatch(message);
  });
});

describe("a report file is replaced only when complete, by a file made for it", () => {
  test("overwriting keeps the old file's mode and group; a link to a report updates the file it names", async () => {
    const dir = freshDir();
    const report = join(dir, "report.json");
    fs.writeFileSync(report, "old");
    fs.chmodSync(report, 0o640);
    fs.chownSync(report, fs.statSync(report).uid, 4321);
    const link = join(dir, "latest.json");
    fs.symlinkSync("report.json", link);
    const run = await runCli(["score", HMIC, "-f", `json=${link}`]);
    expect(run.code, run.stderr).toBe(0);
    const after = fs.statSync(report);
    expect([after.mode & 0o777, after.gid]).toEqual([0o640, 4321]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(report, "utf8")).toMatch(/^\{/);
    expect(fs.readdirSync(dir).sort()).toEqual(["latest.json", "report.json"]);
  });

  test("a new report gets the mode any new file gets (0666 less the umask, here 022)", async () => {
    const dir = freshDir();
    const run = await runCli(["score", HMIC, "-o", "new.txt"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.statSync(join(dir, "new.txt")).mode & 0o777).toBe(0o666 & ~0o022);
  });

  test("the stale partial reports of a run killed a day ago are removed; a fresh one, and anything not ours, are left", async () => {
    const dir = freshDir();
    const old = join(dir, ".report.json.0123456789abcdef.audit-partial");
    const fresh = join(dir, ".report.json.fedcba9876543210.audit-partial");
    const other = join(dir, ".report.json.12.partial");
    for (const path of [old, fresh, other]) fs.writeFileSync(path, "x");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    fs.utimesSync(other, twoDaysAgo, twoDaysAgo);
    const run = await runCli(["score", HMIC, "-f", "json=report.json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([fresh, other, join(dir, "report.json")].map((p) => p.slice(dir.length + 1)).sort());
  });
});

describe("two names for one file, or the input as a report, are refused before anything is read", { timeout: 90_000 }, () => {
  test.each<[string, (dir: string) => string[], RegExp]>([
    ["a.json and ./a.json", () => ["-f", "json=a.json", "-f", "csv=./a.json"], /json=a\.json and csv=\.\/a\.json name one file/],
    ["a file and a link to it", (dir) => {
      fs.writeFileSync(join(dir, "a.json"), "{}");
      fs.symlinkSync("a.json", join(dir, "b.json"));
      return ["-f", "json=a.json", "-f", "csv=b.json"];
    }, /name one file/],
    ["the input as the report", () => ["-o", "input.csv"], /that is the input input\.csv/],
    ["the input by another spelling", (dir) => ["-f", `json=${join(dir, ".", "input.csv")}`], /that is the input/],
  ])("%s", async (_name, flags, message) => {
    const dir = freshDir();
    fs.copyFileSync(HMIC, join(dir, "input.csv"));
    const args = flags(dir);
    const run = await runCli(["score", "input.csv", ...args], { cwd: dir });
    expect(run.code).toBe(2);
    onlyOneLine(run.stderr);
    expect(run.stderr).toMatch(message);
    expect(fs.readFileSync(join(dir, "input.csv"))).toEqual(fs.readFileSync(HMIC));
    expect(fs.readdirSync(dir).filter((name) => PARTIAL.test(name))).toEqual([]);
  });

  test("stdout by two names (-f table -f json=/dev/stdout) is refused", async () => {
    const run = await runCli(["score", HMIC, "-f", "table", "-f", "json=/dev/stdout"], { cwd: freshDir() });
    expect(run.code).toBe(2);
    onlyOneLine(run.stderr);
    expect(run.stderr).toMatch(/table \(stdout\) and json=\/dev\/stdout name one file/);
    expect(run.stdout).toBe("");
  });

  test("stdout sent to a file that a report names too is refused", async () => {
    const dir = freshDir();
    const out = fs.openSync(join(dir, "a.json"), "w");
    const run = await runTo(["score", HMIC, "-f", "table", "-f", "json=a.json"], out, dir);
    fs.closeSync(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/table \(stdout\) and json=a\.json name one file/);
  });

  test("a character device may take two reports: stdout on /dev/null and -f json=/dev/null", async () => {
    const devNull = fs.openSync("/dev/null", "w");
    const run = await runTo(["score", HMIC, "-f", "table", "-f", "json=/dev/null"], devNull);
    fs.closeSync(devNull);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  test.each([
    ["merge", (a: string) => ["merge", a, "-o", a]],
    ["diff", (a: string) => ["diff", a, a, "-f", `json=${a}`]],
    ["agree", (_a: string, csv: string) => ["agree", csv, "-o", csv]],
  ])("%s refuses to write over what it reads", async (_name, args) => {
    const dir = freshDir();
    const report = join(dir, "a.json");
    const csv = join(dir, "input.csv");
    fs.copyFileSync(HMIC, csv);
    await runCli(["score", csv, "-f", `json=${report}`]);
    const before = fs.readFileSync(report);
    const run = await runCli(args(report, csv));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/that is the input/);
    expect(fs.readFileSync(report)).toEqual(before);
  });
});

describe("a write that fails is exit 2 with one line: never a stack trace, never exit 1", () => {
  test("stdout on /dev/full", async () => {
    const full = fs.openSync("/dev/full", "w");
    const run = await runTo(["score", HMIC], full);
    fs.closeSync(full);
    expect(run.code).toBe(2);
    onlyOneLine(run.stderr);
    expect(run.stderr).toBe("audit: stdout: cannot write: no space left on the device (ENOSPC)\n");
  });

  test("-o /dev/full", async () => {
    const run = await runCli(["score", HMIC, "-f", "json", "-o", "/dev/full"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("audit: /dev/full: cannot write: no space left on the device (ENOSPC)\n");
  });

  test("a reader that stops reading (| head -1): exit 2, one line saying the report was cut short", async () => {
    const child = spawn(process.execPath, [BIN, "score", HMIC, "-f", "ndjson"], { stdio: ["ignore", "pipe", "pipe"] });
    const stderr: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(Buffer.concat(stderr).toString("utf8")).toBe("audit: stdout: cannot write: its reader closed it before the report was written whole (EPIPE)\n");
  });

  test("a read-only file system: exit 2, one line, the old report kept", async (context) => {
    const dir = freshDir();
    if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).status !== 0) {
      context.skip("mounting a tmpfs needs root");
    }
    try {
      fs.writeFileSync(join(dir, "report.json"), "old");
      expect(spawnSync("mount", ["-o", "remount,ro", dir]).status).toBe(0);
      const run = await runCli(["score", HMIC, "-f", `json=${join(dir, "report.json")}`]);
      expect(run.code).toBe(2);
      onlyOneLine(run.stderr);
      expect(run.stderr).toMatch(/report\.json: cannot write: the file system is read-only \(EROFS\)$/m);
      expect(fs.readFileSync(join(dir, "report.json"), "utf8")).toBe("old");
    } finally {
      spawnSync("umount", [dir]);
    }
  });

  test("a full disk: exit 2, one line, the old report kept and no partial file left", async (context) => {
    const dir = freshDir();
    if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).status !== 0) {
      context.skip("mounting a small tmpfs needs root");
    }
    try {
      fs.writeFileSync(join(dir, "report.json"), "old");
      const run = await runCli(["score", HMIC, "-f", `json=${join(dir, "report.json")}`]);
      expect(run.code).toBe(2);
      onlyOneLine(run.stderr);
      expect(run.stderr).toMatch(/report\.json: cannot write: no space left on the device \(ENOSPC\)$/m);
      expect(fs.readdirSync(dir)).toEqual(["report.json"]);
      expect(fs.readFileSync(join(dir, "report.json"), "utf8")).toBe("old");
    } finally {
      spawnSync("umount", [dir]);
    }
  });
});
