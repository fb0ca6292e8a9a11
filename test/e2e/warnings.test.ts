import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-warnings-"));

describe("warnings are counted, not repeated: the first 20 of a kind, then how many more", () => {
  test("score: a carried-through key warned about once each, 30 keys", async () => {
    const records = Array.from({ length: 30 }, (_, i) => JSON.stringify({ case_id: `C-${i}`, force: "N", reported_on: "2015-07-02", [`extra_${i}`]: "x" }));
    const path = join(dir, "keys.ndjson");
    writeFileSync(path, `${records.join("\n")}\n`);
    const run = await runCli(["score", path]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.filter((line) => line.includes("carrying through a key"))).toHaveLength(20);
    expect(lines.at(-1)).toBe("audit: warning: ... and 10 more warnings");
  });

  test("validate: 30 invalid records listed as the first 20, then a count; -f json has all 30", async () => {
    const path = join(dir, "invalid.csv");
    writeFileSync(path, `case_id,force,reported_on\n${Array.from({ length: 30 }, (_, i) => `C-${i},N,not a date`).join("\n")}\n`);
    const text = await runCli(["validate", path]);
    expect(text.code).toBe(1);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => line.includes(": error: "))).toHaveLength(20);
    expect(lines).toContain("... and 10 more invalid records (-f json lists every one)");
    expect(lines.at(-1)).toMatch(/30 records: 0 valid, 30 invalid/);
    const json = await runCli(["validate", path, "-f", "json"]);
    expect(JSON.parse(json.stdout).invalid).toHaveLength(30);
  });
});
