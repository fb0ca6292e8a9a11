import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { OUTPUT_FORMATS } from "../../src/report/index.js";
import { fixture, runCli } from "../helpers/run-cli.js";
import { expectContract, runMain, scratchDir, writer, type Run } from "./_harness.js";

const dir = scratchDir();
const write = writer(dir);
const IDS = ["NFK-CASE-0001", "NFK-CASE-0002", "NFK-CASE-0003", "NFK-CASE-0004", "NFK-CASE-0005"];
const csv = write(
  ".csv",
  [
    "case_id,force,reported_on,child_age,notes",
    `${IDS[0]},Norfolk,2015-07-02,12,a`,
    `${IDS[1]},Norfolk,2015-02-30,12,b`,
    `${IDS[2]},Suffolk,2015-07-02,30,c`,
    `${IDS[0]},Norfolk,2015-07-02,12,dup`,
    `  ${IDS[3]}  ,Suffolk,2015-07-02,5,e`,
    `${IDS[4]},Suffolk,2015-07-02`,
  ].join("\n"),
);
const json = write(
  ".json",
  JSON.stringify([
    { case_id: IDS[0], force: "Norfolk", reported_on: "2015-07-02" },
    { case_id: IDS[1], force: "Norfolk", reported_on: "bad" },
    { case_id: IDS[0], force: "Norfolk", reported_on: "2015-07-02" },
  ]),
);
const KEY_A = "key-a-0123456789abcdef0123456789";
const KEY_B = "key-b-0123456789abcdef0123456789";
const HASH = /hmac:[0-9a-f]{32}/g;

function redacted(run: Run, files: string[] = []): string {
  return [run.stdout, run.stderr, ...files.map((f) => fs.readFileSync(f, "utf8"))].join("\n");
}

async function hashesOf(input: string, key: string): Promise<string[]> {
  const run = await runMain(["score", input, "--redact", "-f", "json"], { cwd: dir, env: { AUDIT_REDACT_KEY: key } });
  const report = JSON.parse(run.stdout) as { cases: { case_id: string }[]; invalid: { case_id?: string }[] };
  return [...report.cases.map((c) => c.case_id), ...report.invalid.map((r) => r.case_id ?? "")];
}

describe("--redact: every case id in every output is a keyed hash", () => {
  test.each(OUTPUT_FORMATS.flatMap((format) => [[format, csv], [format, json]] as const))("-f %s on %s: no id anywhere", async (format, input) => {
    const out = path.join(dir, `redacted-${format}-${path.extname(input).slice(1)}`);
    const toStdout = await runMain(["score", input, "--redact", "-f", format, "--max-errors", "100"], { cwd: dir, env: { AUDIT_REDACT_KEY: KEY_A } });
    const toFile = await runMain(["score", input, "--redact", "-f", `${format}=${out}`, "-f", "table"], { cwd: dir, env: { AUDIT_REDACT_KEY: KEY_A } });
    for (const run of [toStdout, toFile]) {
      expectContract(run);
      expect(run.code).toBe(1);
    }
    const all = redacted(toStdout) + redacted(toFile, [out]);
    for (const id of IDS) expect(all).not.toContain(id);
    expect(all).not.toContain("NFK-CASE");
    expect(toStdout.stderr).toMatch(HASH);
  });

  test("HMAC-SHA256 of the id under the key: the same run after run, others under another key", async () => {
    const hmac = (key: string, id: string) => `hmac:${createHmac("sha256", key).update(id).digest("hex").slice(0, 32)}`;
    const first = await hashesOf(csv, KEY_A);
    const again = await hashesOf(csv, KEY_A);
    const other = await hashesOf(csv, KEY_B);
    // The row of too few cells has no id to hash; the padded id is hashed trimmed; the duplicate hashes as its first.
    const withIds = IDS.slice(0, 4);
    expect(new Set(first.filter((h) => h !== ""))).toEqual(new Set(withIds.map((id) => hmac(KEY_A, id))));
    expect(new Set(other.filter((h) => h !== ""))).toEqual(new Set(withIds.map((id) => hmac(KEY_B, id))));
    expect(again).toEqual(first);
    expect(other.filter((h) => h !== "" && first.includes(h))).toEqual([]);
  });

  test("--redact-key-file gives the hashes the same key in AUDIT_REDACT_KEY gives", async () => {
    const keyFile = write(".key", `${KEY_A}\n`);
    const run = await runMain(["score", csv, "--redact", "--redact-key-file", keyFile, "-f", "json"], { cwd: dir });
    const fromFile = JSON.parse(run.stdout) as { cases: { case_id: string }[] };
    expect(fromFile.cases.map((c) => c.case_id)).toEqual((await hashesOf(csv, KEY_A)).slice(0, fromFile.cases.length));
  });

  test.each<[string, string[], Record<string, string>, RegExp]>([
    ["no key at all", [], {}, /--redact needs a key/],
    ["an empty AUDIT_REDACT_KEY", [], { AUDIT_REDACT_KEY: "" }, /--redact needs a key/],
    ["a short key", [], { AUDIT_REDACT_KEY: "short" }, /at least 16/],
    ["a key file that is not there", ["--redact-key-file", path.join(dir, "absent.key")], {}, /--redact-key-file: cannot read/],
  ])("%s: refuses to run, exit 2, and writes no report", async (_name, flags, env, message) => {
    const out = path.join(dir, `refused-${flags.length}-${Object.keys(env).length}.json`);
    const run = await runMain(["score", csv, "--redact", ...flags, "-f", `json=${out}`], { cwd: dir, env });
    expectContract(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
    for (const id of IDS) expect(run.stderr).not.toContain(id);
  });

  test("the built CLI: same key, same output; no key, exit 2", async () => {
    const a1 = await runCli(["score", csv, "--redact", "-f", "ndjson"], { env: { AUDIT_REDACT_KEY: KEY_A } });
    const a2 = await runCli(["score", csv, "--redact", "-f", "ndjson"], { env: { AUDIT_REDACT_KEY: KEY_A } });
    const none = await runCli(["score", csv, "--redact"], { env: { AUDIT_REDACT_KEY: undefined } });
    expect(a1.code).toBe(1);
    expect(a1.stdout.match(HASH)).toEqual(a2.stdout.match(HASH));
    for (const id of IDS) expect(a1.stdout + a1.stderr).not.toContain(id);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
  });

  // Bug (src/cli/commands/score.ts): --redact hashes case_id in results and invalid records, but
  // group names come from the record unredacted, so --group-by case_id prints every id in the tables.
  // Expected: the group names hashed too (or --redact with --group-by case_id refused, exit 2).
  test("--group-by case_id does not print the ids as group names", async () => {
    const run = await runMain(["score", csv, "--redact", "--group-by", "case_id"], { cwd: dir, env: { AUDIT_REDACT_KEY: KEY_A } });
    expect(redacted(run)).not.toContain("NFK-CASE");
  });
});

describe("--redact in every command that prints case ids", () => {
  const hmic = fixture("hmic-2015.csv");
  /** Every case id of the fixture: none may appear in a redacted output. */
  const fixtureIds = fs.readFileSync(hmic, "utf8").split("\n").slice(1).map((line) => line.split(",")[0]!).filter(Boolean);
  const env = { AUDIT_REDACT_KEY: KEY_A };
  const expectNoId = (text: string) => {
    const leaked = fixtureIds.find((id) => text.includes(id));
    expect(leaked, "a case id in a redacted output").toBeUndefined();
    expect(text).toMatch(HASH);
  };

  // NFK-0070, which audit grades good, graded inadequate by the inspector: a case furthest apart.
  const apart = write(".csv", fs.readFileSync(hmic, "utf8").replace(',,,good,"Child told a grandparent', ',,,inadequate,"Child told a grandparent'));

  test.each([
    ["agree, the table's cases furthest apart", ["agree", apart, "--redact"]],
    ["agree -f json", ["agree", apart, "--redact", "-f", "json"]],
    ["validate -f json", ["validate", fixture("invalid.csv"), "--redact", "-f", "json"]],
  ])("%s", async (_name, args) => {
    const run = await runMain(args, { cwd: dir, env });
    expectContract(run);
    expectNoId(run.stdout + run.stderr);
  });

  test("merge and diff, of reports written without --redact: the same hashes score --redact gives", async () => {
    const plain = path.join(dir, "plain.json");
    await runMain(["score", hmic, "-f", `json=${plain}`, "-q"], { cwd: dir });
    // The first case given the second's record (its id and force kept): its grade changes. A report edited by hand would be refused.
    const [header, first, second, ...rest] = fs.readFileSync(hmic, "utf8").split("\n");
    const changedCsv = path.join(dir, "changed.csv");
    fs.writeFileSync(changedCsv, [header, `${first!.split(",").slice(0, 2).join(",")},${second!.split(",").slice(2).join(",")}`, second, ...rest].join("\n"));
    const changed = path.join(dir, "changed.json");
    await runMain(["score", changedCsv, "-f", `json=${changed}`, "-q"], { cwd: dir });
    const scored = JSON.parse((await runMain(["score", hmic, "--redact", "-f", "json"], { cwd: dir, env })).stdout) as { cases: { case_id: string }[] };
    const merged = await runMain(["merge", plain, "--redact"], { cwd: dir, env });
    expectNoId(merged.stdout);
    expect((JSON.parse(merged.stdout) as { cases: { case_id: string }[] }).cases.map((c) => c.case_id)).toEqual(scored.cases.map((c) => c.case_id));
    for (const format of ["table", "json"]) {
      const diff = await runMain(["diff", plain, changed, "--redact", "-f", format], { cwd: dir, env });
      expectContract(diff);
      expectNoId(diff.stdout);
      expect(diff.stdout).toContain(scored.cases[0]!.case_id);
    }
  });

  test("a report already redacted is merged with its hashes as they are", async () => {
    const redactedReport = path.join(dir, "redacted.json");
    await runMain(["score", hmic, "--redact", "-f", `json=${redactedReport}`, "-q"], { cwd: dir, env });
    const merged = await runMain(["merge", redactedReport, "--redact"], { cwd: dir, env });
    expect(JSON.parse(merged.stdout).cases).toEqual(JSON.parse(fs.readFileSync(redactedReport, "utf8")).cases);
  });

  test.each<[string, string[], Record<string, string>, RegExp]>([
    ["--redact-key-file without --redact", ["--redact-key-file", "KEYFILE"], {}, /--redact-key-file is given without --redact/],
    ["a key of 15 bytes once the spaces around it are trimmed", ["--redact", "--redact-key-file", "SHORTFILE"], {}, /the key is 15 bytes; use at least 16/],
    ["a key of one character repeated", ["--redact"], { AUDIT_REDACT_KEY: "k".repeat(32) }, /one character repeated/],
    ["--redact --group-by case_id in agree", ["--redact", "--group-by", "case_id"], env, /would print every case id/],
  ])("%s: refused, exit 2, nothing written", async (_name, flags, keyEnv, message) => {
    const keyFile = write(".key", `  ${KEY_A}  \n`);
    const shortFile = write(".key", `   ${"0123456789abcde"}\n\n`);
    const args = flags.map((flag) => (flag === "KEYFILE" ? keyFile : flag === "SHORTFILE" ? shortFile : flag));
    for (const command of [["score", csv], ["agree", hmic], ["validate", csv], ["merge", path.join(dir, "plain.json")], ["diff", path.join(dir, "plain.json"), path.join(dir, "plain.json")]]) {
      if (flags.includes("--group-by") && command[0] !== "agree") continue;
      const run = await runMain([...command, ...args], { cwd: dir, env: keyEnv });
      expect(run.code, `${command[0]}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
    }
  });
});
