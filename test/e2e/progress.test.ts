import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BIN } from "../helpers/run-cli.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;

// `script` gives the CLI a pseudo-terminal, as a person's shell would.
describe.skipIf(!hasScript)("progress on a terminal", () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-progress-"));
  const feeder = join(dir, "feed.mjs");
  // Writes 4,096 cases in two parts. The first is more than a pipe holds (64 KiB), so it is taken only
  // once audit is reading, its progress clock already running; the rest comes 1.5 s after that, past the
  // one second before progress shows, however slowly a loaded machine runs either process.
  writeFileSync(
    feeder,
    `const ndjson = process.argv[2] === "ndjson";
     const row = (i) => ndjson ? JSON.stringify({ case_id: "C-" + i, force: "Norfolk", reported_on: "2015-03-02" }) + "\\n" : "C-" + i + ",Norfolk,2015-03-02\\n";
     const rows = (from, to) => { let s = ""; for (let i = from; i < to; i++) s += row(i); return s; };
     const rest = () => setTimeout(() => process.stdout.write(rows(3000, 4096)), 1500);
     if (process.stdout.write((ndjson ? "" : "case_id,force,reported_on\\n") + rows(0, 3000))) rest();
     else process.stdout.once("drain", rest);`,
  );

  test("a pipe shows the bytes copied to a temporary file and a rate on stderr, then erases it; stdout holds only the table", () => {
    const command = `node ${feeder} | node ${BIN} score - >${join(dir, "out")}`;
    const typescript = execFileSync("script", ["-qc", command, "/dev/null"], { encoding: "utf8" });
    expect(typescript).toMatch(/[\d.]+ MB read from stdin · [\d.]+ MB\/s/);
    expect(typescript.endsWith("\u001b[2K")).toBe(true);
    const out = execFileSync("cat", [join(dir, "out")], { encoding: "utf8" });
    expect(out).toMatch(/^Overall\s+4096 /m);
    expect(out).not.toMatch(/MB\/s/);
  });

  test("read as a stream (NDJSON), a pipe shows a count of cases and a rate", () => {
    const command = `node ${feeder} ndjson | node ${BIN} score - --input-format ndjson >${join(dir, "out")}`;
    const typescript = execFileSync("script", ["-qc", command, "/dev/null"], { encoding: "utf8" });
    expect(typescript).toMatch(/\d[\d,]* cases · \d+ cases\/s/);
    expect(execFileSync("cat", [join(dir, "out")], { encoding: "utf8" })).toMatch(/^Overall\s+4096 /m);
  });
});
