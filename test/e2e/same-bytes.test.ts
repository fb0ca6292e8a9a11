import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-same-bytes-"));
const file = (name: string, bytes: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const overall = (stdout: string) => (JSON.parse(stdout) as { summary: { overall: { graded: number; invalid: number } } }).summary.overall;
const PLUGIN = new URL("../config/plugins/medical-advice.mjs", import.meta.url).pathname;

describe("old Mac line ends (CR alone) are line ends", () => {
  const crOnly = file("hmic-cr.csv", readFileSync(fixture("hmic-2015.csv"), "utf8").replace(/\r?\n/g, "\r"));
  const config = file("plugin.json", JSON.stringify({ plugins: [PLUGIN] }));

  test.each([
    ["a file", [crOnly], undefined],
    ["stdin", ["-"], readFileSync(crOnly)],
    ["the reference reader (a plugin rule), from stdin", ["-", "--config", config, "--allow-plugins"], readFileSync(crOnly)],
  ])("%s: every record graded, as with LF", async (_name, args, input) => {
    const [cr, lf] = await Promise.all([runCli(["score", ...args, "-f", "json", "-q"], { input }), runCli(["score", fixture("hmic-2015.csv"), "-f", "json", "-q", ...args.slice(1)])]);
    expect(cr.code, cr.stderr).toBe(0);
    expect(overall(cr.stdout)).toEqual(overall(lf.stdout));
    expect(overall(cr.stdout).graded).toBe(576);
  });
});

describe("the delimiter is sniffed from the same bytes on every path", () => {
  // The first 64 KiB of the header hold more semicolons than commas; its first 256 KiB, more commas.
  const header = `case_id,force,reported_on,${"x".repeat(60_000)}${";".repeat(3_000)},${Array.from({ length: 3_500 }, (_, i) => `c${i}`).join(",")}`;
  const wide = file("wide.csv", `${header}\nA,N,2015-07-02,v${",".repeat(3_500)}\n`);

  test("a header wider than 64 KiB reads the same from a file and from stdin", async () => {
    const [fromFile, fromStdin] = await Promise.all([runCli(["validate", wide, "-f", "json"]), runCli(["validate", "-", "-f", "json"], { input: readFileSync(wide) })]);
    for (const run of [fromFile, fromStdin]) {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ records: 1, valid: 1 });
    }
  });
});
