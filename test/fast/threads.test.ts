import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { referenceRubric } from "../../src/engine/rubric.js";
import { runAudit } from "../../src/engine/run.js";
import { scoreCsvFile } from "../../src/fast/index.js";
import { InputError } from "../../src/input/errors.js";
import { readCases } from "../../src/input/read.js";
import { tempFiles } from "./_csv.js";
import { caseFiles } from "./_generate.js";

const file = tempFiles();

interface Run {
  cases: string[];
  invalid: string[];
  summary?: string;
  error?: string;
}

async function collect(run: (out: Run) => Promise<unknown>): Promise<Run> {
  const out: Run = { cases: [], invalid: [] };
  try {
    out.summary = JSON.stringify(await run(out));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.error = error.message;
  }
  return out;
}

async function bothWays(path: string, chunkBytes: number) {
  const rubric = referenceRubric();
  const reference = await collect((out) =>
    runAudit(readCases(path), rubric, {
      case: (result) => void out.cases.push(JSON.stringify(result)),
      invalid: (record) => void out.invalid.push(JSON.stringify(record)),
    }),
  );
  const fast = await collect((out) =>
    scoreCsvFile(path, {
      rubric,
      wantCases: true,
      workers: 2,
      threadsFromBytes: 0,
      chunkBytes,
      onCaseJson: (json) => void out.cases.push(json),
      onInvalid: (record) => void out.invalid.push(JSON.stringify(record)),
    }),
  );
  expect(fast).toEqual(reference);
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
