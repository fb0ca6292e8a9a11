import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

// What a run loads is most of what a small run costs: zod (the config's and the reference reader's
// checks) and string-width (lining up a table) are loaded only by the runs that use them.

const RECORD_IMPORTS = fileURLToPath(new URL("../support/record-imports.mjs", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-start-up-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** The packages a run of the built CLI loaded, by name, and its exit code. */
async function packagesLoaded(args: string[], cwd?: string): Promise<{ code: number | null; packages: Set<string> }> {
  const log = path.join(dir, `imports-${++runs}.log`);
  const run = await runCli(args, { env: { NODE_OPTIONS: `--import ${RECORD_IMPORTS}`, AUDIT_TEST_IMPORTS_LOG: log }, ...(cwd ? { cwd } : {}) });
  const urls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n") : [];
  return { code: run.code, packages: new Set(urls.flatMap((url) => url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? [])) };
}

const CSV = fixture("hmic-2015.csv");

test.each<[string, string[], string[], string[]]>([
  ["--version loads no command's packages", ["--version"], ["commander"], ["zod", "string-width", "csv-parse", "chalk"]],
  ["a table from a CSV file, with no config, loads no zod", ["score", CSV], ["csv-parse", "string-width"], ["zod"]],
  ["a JSON report to a file loads neither zod nor string-width", ["score", CSV, "-f", "json", "-o", "REPORT"], ["csv-parse"], ["zod", "string-width"]],
  ["a JSON input file loads zod, which checks its records", ["score", fixture("hmic-2015.json")], ["zod"], []],
  ["a config file loads zod, which checks it", ["score", CSV, "--config", fixture("force-export/audit.config.json")], ["zod"], []],
])("%s", async (_name, args, loaded, notLoaded) => {
  const { code, packages } = await packagesLoaded(args.map((arg) => (arg === "REPORT" ? path.join(dir, `report-${runs}.json`) : arg)));
  expect(code).toBe(0);
  expect(loaded.filter((name) => !packages.has(name))).toEqual([]);
  expect(notLoaded.filter((name) => packages.has(name))).toEqual([]);
});
