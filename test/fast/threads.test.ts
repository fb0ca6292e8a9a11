import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { tempFiles } from "./_csv.js";
import { caseFiles } from "./_generate.js";
import { ConfigError } from "../../src/errors.js";
import { fast, PLAIN, reference, type Settings } from "./_runs.js";
import { DECLARATIVE_RUBRIC, PLUGIN_RUBRIC, rubricWith } from "./_rubrics.js";
import { STRAYS } from "./_strays.js";

const file = tempFiles();

/** On two workers, read once and read twice (a first pass finding the ids that recur), against the reference. */
async function bothWays(path: string, chunkBytes: number, settings: Settings = PLAIN) {
  const expected = await reference(path, settings);
  for (const firstPassFromRecords of [0, Infinity]) {
    expect(await fast(path, settings, { workers: 2, threadsFromBytes: 0, chunkBytes, firstPassFromRecords })).toEqual(expected);
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

  test("a file of stray quotes costs each its record, as on the reference", async () => {
    const path = file("strays.csv", `${STRAYS}\n`);
    const expected = await reference(path, PLAIN);
    for (const chunkBytes of [1, 3, 17, 40, 101]) {
      expect(await fast(path, PLAIN, { chunkBytes, workers: 2, threadsFromBytes: 0 }), `chunkBytes ${chunkBytes}`).toEqual(expected);
    }
  });
});

describe("on worker threads, every rubric: its rules loaded again in each worker", () => {
  test.each([
    ["plugin rules, one failing on some cases, under the points strategy", PLUGIN_RUBRIC],
    ["a rule written in the config", DECLARATIVE_RUBRIC],
  ])("%s", async (_name, rubric) => {
    await fc.assert(
      fc.asyncProperty(caseFiles, fc.integer({ min: 8, max: 300 }), async ({ bytes }, chunkBytes) =>
        bothWays(file("cases.csv", bytes), chunkBytes, { groupBy: "force", rubric, expectedColumns: new Set(["team"]) }),
      ),
      { numRuns: 6 },
    );
  });

  test("a plugin that loads here but not in a worker: a config error naming it, before any record is read", async () => {
    const rubric = await rubricWith("./main-thread-only.mjs");
    const path = file("bench.csv", "");
    execFileSync(process.execPath, ["bench/generate.mjs", "3000", path, "--seed", "7"]);
    let records = 0;
    const run = fast(path, { groupBy: "force", rubric }, { workers: 2, threadsFromBytes: 0, chunkBytes: 4096, onProgress: (p) => void (records += p.records) });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/rule "main-thread-only": ".\/main-thread-only.mjs" failed to load in a worker thread: this module runs on the main thread only/);
    expect(records).toBe(0);
  });
});
