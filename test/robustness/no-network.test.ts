import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { OUTPUT_FORMATS } from "../../src/report/index.js";
import { BIN, fixture, runCli, type CliRun } from "../helpers/run-cli.js";
import { scratchDir } from "./_harness.js";

const NO_NETWORK = fileURLToPath(new URL("../support/no-network.mjs", import.meta.url));
const dir = scratchDir();
const CSV = fixture("hmic-2015.csv");
let logs = 0;

/** Runs the built CLI with every outbound connection made to fail; returns the run and the attempts it made. */
async function offline(args: string[], options: { input?: string; cwd?: string } = {}): Promise<CliRun & { attempts: string[] }> {
  const log = path.join(dir, `network-${++logs}.log`);
  const env = { NODE_OPTIONS: `--import ${NO_NETWORK}`, AUDIT_TEST_NETWORK_LOG: log, AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };
  const run = await runCli(args, { ...options, env });
  const attempts = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
  return { ...run, attempts };
}

/** The subcommands `audit --help` lists, read from the help itself so that a new one is not missed. */
function listedCommands(): string[] {
  const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" }).stdout;
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? "";
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
}

const initCwd = () => fs.mkdtempSync(path.join(dir, "init-"));
/** What each command is run with: every output format, every schema, every mode. */
const INVOCATIONS: Record<string, { args: string[]; code: number; cwd?: () => string; input?: string }[]> = {
  score: [
    ...OUTPUT_FORMATS.map((format) => ({ args: ["score", CSV, "-f", format], code: 0 })),
    { args: ["score", fixture("hmic-2015.json"), "--redact", "-f", "json"], code: 0 },
    { args: ["score", "-", "-f", "ndjson"], code: 0, input: fs.readFileSync(CSV, "utf8") },
    { args: ["score", fixture("invalid.csv")], code: 1 },
    { args: ["score", path.join(dir, "absent.csv")], code: 2 },
  ],
  schema: [["report"], ["case"], ["ndjson-line"], ["sample"], ["sample-design"], []].map((which) => ({ args: ["schema", ...which], code: 0 })),
  sample: [
    { args: ["sample", CSV, "--per-group", "5", "--seed", "1"], code: 0 },
    { args: ["sample", CSV, "--margin", "0.1", "--stratify", "grade", "--oversample", "inadequate=2", "--dry-run"], code: 0 },
    { args: ["sample", CSV, "--total", "40", "--columns", "all", "--redact", "-f", "json"], code: 0 },
  ],
  rules: [
    { args: ["rules", "--no-config"], code: 0 },
    { args: ["rules", "timeliness", "--no-config"], code: 0 },
  ],
  config: [
    { args: ["config", "--no-config"], code: 0 },
    { args: ["config", "--print", "--no-config"], code: 0 },
  ],
  init: [{ args: ["init", "--from", CSV], code: 0, cwd: initCwd }],
  validate: [
    { args: ["validate", CSV], code: 0 },
    { args: ["validate", fixture("invalid.csv"), "-f", "json"], code: 1 },
  ],
  help: [{ args: ["help", "score"], code: 0 }],
};

describe("no network access, ever", () => {
  test("the guard works: a connection, a lookup and a fetch are each refused and recorded", () => {
    const log = path.join(dir, "guard.log");
    const probe = `
      import net from "node:net"; import { lookup } from "node:dns"; import { request } from "node:https";
      for (const attempt of [() => net.connect(443, "127.0.0.1"), () => lookup("example.org", () => {}), () => request("https://example.org")]) {
        try { attempt(); } catch {}
      }
      await fetch("https://example.org").catch(() => {});`;
    const run = spawnSync(process.execPath, ["--import", NO_NETWORK, "--input-type=module", "-e", probe], {
      env: { ...process.env, AUDIT_TEST_NETWORK_LOG: log },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(fs.readFileSync(log, "utf8").split("\n").filter(Boolean)).toEqual(["net.connect", "dns.lookup", "https.request", "fetch"]);
  });

  const commands = listedCommands();
  test("--help lists the commands this test runs", () => {
    expect(commands).toEqual(expect.arrayContaining(["score", "schema"]));
  });

  test("audit --help, --version, and every command's --help", async () => {
    const runs = await Promise.all([["--help"], ["--version"], ...commands.map((c) => [c, "--help"])].map((args) => offline(args)));
    for (const run of runs) {
      expect(run.attempts).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe("");
    }
  });

  test.each(commands)("every way of running %s works offline", async (command) => {
    // A command this table does not know yet is still run once, and must not reach out either.
    const invocations = INVOCATIONS[command] ?? [{ args: [command, CSV], code: -1 }];
    const runs = await Promise.all(invocations.map(({ args, cwd, input }) => offline(args, { cwd: cwd?.(), input })));
    for (const [i, { args, code }] of invocations.entries()) {
      const run = runs[i]!;
      expect(run.attempts, args.join(" ")).toEqual([]);
      if (code === -1) expect([0, 1, 2]).toContain(run.code);
      else expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(code);
      expect(run.stderr).not.toMatch(/network access is blocked|\n\s+at /);
    }
  });
});
