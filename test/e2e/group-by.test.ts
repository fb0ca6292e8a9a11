import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const dir = mkdtempSync(join(tmpdir(), "audit-group-by-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const SHORT = file("short.csv", "case_id,force,reported_on\nA,N,2015-07-02\n");

const groupNames = (stdout: string) => (JSON.parse(stdout) as { summary: { groups: { name: string }[] } }).summary.groups.map((g) => g.name);

describe("--group-by that names no column is an error, not one silent (not recorded) group", () => {
  test.each<[string, string[], RegExp]>([
    ["score, a typo", ["score", HMIC, "--group-by", "forse"], /^audit: .*hmic-2015\.csv: --group-by forse names no column; did you mean "force"\?\n$/],
    ["score, a field the file has no column for", ["score", SHORT, "--group-by", "risk_level"], /^audit: .*short\.csv: --group-by risk_level names no column\n$/],
    ["score, nothing", ["score", HMIC, "--group-by", ""], /^audit: --group-by: expected a column name, got ""\n$/],
    ["score, white space", ["score", HMIC, "--group-by", "  "], /^audit: --group-by: expected a column name, got " {2}"\n$/],
    ["score, notes", ["score", HMIC, "--group-by", "Notes"], /^audit: --group-by: "Notes" is the free-text notes column, which is never printed; group by another column\n$/],
    ["sample", ["sample", HMIC, "--group-by", "forse", "--per-group", "2", "--seed", "1"], /--group-by forse names no column; did you mean "force"\?\n$/],
    ["sample --dry-run", ["sample", HMIC, "--group-by", "risk_levle", "--per-group", "2", "--dry-run"], /--group-by risk_levle names no column; did you mean "risk_level"\?\n$/],
    ["agree", ["agree", HMIC, "--group-by", "forse"], /--group-by forse names no column; did you mean "force"\?\n$/],
    ["agree, notes", ["agree", HMIC, "--group-by", "notes"], /"notes" is the free-text notes column/],
  ])("%s: exit 2, one line, nothing on stdout", async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  test("the same from stdin", async () => {
    const run = await runCli(["score", "-", "--group-by", "forse"], { input: readFileSync(HMIC) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('audit: stdin: --group-by forse names no column; did you mean "force"?\n');
  });

  test("JSON: a key no record has is an error once every record is read", async () => {
    const path = file("typo.ndjson", '{"case_id":"A","force":"N","reported_on":"2015-07-02","team":"t1"}\n');
    const run = await runCli(["score", path, "--group-by", "tema"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").at(-2)).toBe(`audit: ${path}: --group-by tema names no record's key; did you mean "team"?`);
    const good = await runCli(["score", path, "--group-by", "team", "-f", "json"]);
    expect(groupNames(good.stdout)).toEqual(["t1"]);
  });

  test("a column the config maps onto notes is free text too", async () => {
    const config = file("narrative.json", JSON.stringify({ columns: { "Officer Narrative": "notes" } }));
    const path = file("narrative.csv", "case_id,force,reported_on,Officer Narrative\nA,N,2015-07-02,said no\n");
    const run = await runCli(["score", path, "--config", config, "--group-by", "officer narrative"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^audit: --group-by: "officer narrative" is the free-text notes column/);
    expect(run.stdout + run.stderr).not.toContain("said no");
  });
});

describe("--group-by finds the column it names", () => {
  test("a column literally named extra groups by its values", async () => {
    const path = file("extra.csv", "case_id,force,reported_on,extra\nA,N,2015-07-02,x1\nB,N,2015-07-02,x2\n");
    for (const args of [[path], ["-", "--input-format", "csv"]]) {
      const run = await runCli(["score", ...args, "--group-by", "extra", "-f", "json"], { input: readFileSync(path) });
      expect(run.code, run.stderr).toBe(0);
      expect(groupNames(run.stdout)).toEqual(["x1", "x2"]);
    }
    const json = file("extra.json", JSON.stringify([{ case_id: "A", force: "N", reported_on: "2015-07-02", extra: "j1" }]));
    expect(groupNames((await runCli(["score", json, "--group-by", "extra", "-f", "json"])).stdout)).toEqual(["j1"]);
  });

  test("an export's own column title groups by the field the config maps it onto", async () => {
    const config = file("force-name.json", JSON.stringify({ columns: { "Force Name": "force" } }));
    const path = file("force-name.csv", "case_id,Force Name,reported_on\nA,Norfolk,2015-07-02\n");
    const run = await runCli(["score", path, "--config", config, "--group-by", "Force Name", "-f", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(groupNames(run.stdout)).toEqual(["Norfolk"]);
  });
});
