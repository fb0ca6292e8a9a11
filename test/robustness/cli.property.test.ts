import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { InputFormat } from "../../src/input/source.js";
import { OUTPUT_FORMATS } from "../../src/report/index.js";
import { csvCase, csvText, hostileBytes, jsonRecordText } from "./_arbitraries.js";
import { expectContract, jsonReport, readOutcome, recordsIn, runMain, runs, scratchDir, stdinOf, writer } from "./_harness.js";

const dir = scratchDir();
const write = writer(dir);
const inputFormat = fc.constantFrom<InputFormat | undefined>(undefined, "csv", "json", "ndjson");

describe("audit score, in process, on input it was never meant to get", () => {
  test("any bytes on stdin: the exit code of the contract, and the report counts what the reader read", async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, inputFormat, fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 }), async (bytes, format, cuts) => {
        const flags = format ? ["--input-format", format] : [];
        const run = await runMain(["score", "-", "-f", "json", "-q", ...flags], { stdin: stdinOf(bytes, cuts), cwd: dir });
        expectContract(run);
        const read = await readOutcome("-", { stdin: stdinOf(bytes), format });
        if (!read.ok) {
          expect(run.code).toBe(2);
          expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(`audit: ${read.error.message}`);
          return;
        }
        expect(recordsIn(jsonReport(run))).toBe(read.items.length);
      }),
      { numRuns: runs(200) },
    );
  });

  test("a CSV of awkward rows, in every output format: records read = graded + invalid", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvCase,
        fc.constantFrom(...OUTPUT_FORMATS),
        fc.constantFrom("16", "64", "1024", "1048576"),
        fc.constantFrom("0", "3", "20"),
        async (csv, format, maxFieldBytes, maxErrors) => {
          const file = write(".csv", csvText(csv));
          const out = path.join(dir, `report-${path.basename(file)}.${format}`);
          const limits = ["--max-field-bytes", maxFieldBytes, "--max-errors", maxErrors];
          const run = await runMain(["score", file, "-f", "json", "-f", `${format}=${out}`, ...limits], { cwd: dir });
          expectContract(run);
          if (run.code === 2) {
            expect(fs.existsSync(out)).toBe(false);
            return;
          }
          const read = await readOutcome(file, { maxFieldBytes: Number(maxFieldBytes) });
          expect(read.ok).toBe(true);
          expect(recordsIn(jsonReport(run))).toBe(csv.rows.length);
          expect(fs.statSync(out).size).toBeGreaterThan(0);
          const listed = run.stderr.split("\n").filter((line) => line.startsWith(`${file}:`)).length;
          expect(listed).toBeLessThanOrEqual(Number(maxErrors));
        },
      ),
      { numRuns: runs(120) },
    );
  });

  test("a JSON array of anything: every element is graded or listed invalid", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonRecordText(500), { maxLength: 8 }), async (records) => {
        const file = write(".json", `[${records.join(",")}]`);
        const run = await runMain(["score", file, "-f", "json", "-q"], { cwd: dir });
        expectContract(run);
        expect(recordsIn(jsonReport(run))).toBe(records.length);
      }),
      { numRuns: runs(80) },
    );
  });
});

/** Flags and values, good and bad, in any order: the command line a tired auditor types. */
const argvPart = fc.oneof(
  fc.constantFrom(
    ["-f", "json"], ["-f", "csv"], ["-f", "ndjson"], ["-f", "markdown"], ["-f", "junit"], ["-f", "yaml"], ["-f", "json="],
    ["--max-field-bytes", "0"], ["--max-field-bytes", "-5"], ["--max-field-bytes", "1e3"], ["--max-field-bytes", "99999999999999999999"],
    ["--max-errors", "x"], ["--max-errors", "0"], ["--delimiter", ";;"], ["--delimiter", "tab"], ["--delimiter", '"'],
    ["--group-by", "child_role"], ["--group-by", ""], ["--input-format", "xml"], ["--input-format", "ndjson"], ["--redact"],
    ["--fail-on", "good"], ["--fail-on", "adequate"], ["--max-inadequate", "40%"], ["--max-inadequate", "150%"], ["--min-good", "-1"],
    ["--max-invalid", "2"], ["--per-group"], ["--quiet"], ["--color"], ["--no-color"], ["--"], ["-"], ["--help"], ["-V"], ["--bogus"],
  ),
  fc.string({ maxLength: 10 }).map((s) => [s]),
);

describe("the command line itself", () => {
  test("any mix of flags: exit 0, 1 or 2, never a stack trace", async () => {
    const file = write(".csv", "case_id,force,reported_on,notes\nA,N,2015-07-02,x\nB,N,bad,y\n");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(["score", file], ["score"], ["validate", file], ["validate", "-"], ["schema"], ["schema", "case"], ["rules", "--no-config"], ["config", "--no-config"], []),
        fc.array(argvPart, { maxLength: 6 }),
        async (command, parts) => {
          const argv = [...command, ...parts.flat()];
          const run = await runMain(argv, { cwd: dir, stdin: Buffer.from("case_id,force,reported_on\nA,N,2015-07-02\n") });
          expectContract(run);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
