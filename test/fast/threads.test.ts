import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { tempFiles } from "./_csv.js";
import { caseFiles } from "./_generate.js";
import { fast, PLAIN, reference } from "./_runs.js";

const file = tempFiles();

/** On two workers, read once and read twice (a first pass finding the ids that recur), against the reference. */
async function bothWays(path: string, chunkBytes: number) {
  const expected = await reference(path, PLAIN);
  for (const firstPassFromRecords of [0, Infinity]) {
    expect(await fast(path, PLAIN, { workers: 2, threadsFromBytes: 0, chunkBytes, firstPassFromRecords })).toEqual(expected);
  }
}

describe("on worker threads, chunks cut anywhere", () => {
  test.each([
    ["LF", []],
    ["CRLF and a BOM", ["--crlf", "--bom"]],
  ])("a benchmark file with %s", async (_name, flags) => {
    const path = file("bench.csv", "");
    execFileSync(process.execPath, ["bench/generate.mjs", "3000", path, "--seed", "7", ...flags]);
    expect(readFileSync(path).length).toBeGreaterThan(300_000);
    await bothWays(path, 4096);
  });

  test("generated case files", async () => {
    await fc.assert(
      fc.asyncProperty(caseFiles, fc.integer({ min: 8, max: 300 }), async ({ bytes }, chunkBytes) => bothWays(file("cases.csv", bytes), chunkBytes)),
      { numRuns: 12 },
    );
  });
});
