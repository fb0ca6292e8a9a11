import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import { runAudit } from "../../src/engine/run.js";
import { scoreInput, type ScoreProgress } from "../../src/run/score.js";
import { defineRule } from "../../src/rules/define-rule.js";
import { readCases } from "../../src/input/read.js";
import { tempFiles } from "./_csv.js";

const file = tempFiles();
const HEADER = "case_id,force,reported_on,child_age";

/** What a run ends with: its summary and invalid records as JSON, or its error message. */
async function outcome(run: () => Promise<unknown>, invalid: unknown[]): Promise<string> {
  try {
    return JSON.stringify({ summary: await run(), invalid });
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

async function same(path: string, rubric: Rubric = referenceRubric()): Promise<void> {
  const ours: unknown[] = [];
  const theirs: unknown[] = [];
  const reference = await outcome(() => runAudit(readCases(path), rubric, { case: () => {}, invalid: (r) => void theirs.push(r) }), theirs);
  const fast = await outcome(() => scoreInput(path, { rubric, wantCases: false, workers: 0, onInvalid: (r) => void ours.push(r) }), ours);
  expect(fast).toBe(reference);
}

describe("scoreInput ends as the reference pipeline does", () => {
  test.each([
    ["an empty file", ""],
    ["only empty lines", "\n\r\n\n"],
    ["a header and no rows", `${HEADER}\n`],
    ["a missing required column", "case_id,force\nA,N\n"],
    ["a missing required column, near-miss spelt", "case_id,force,reported\nA,N,2015-07-02\n"],
    ["two columns for one field", `${HEADER},Case ID\nA,N,2015-07-02,3,B\n`],
    ["a quote error in the header", 'case_id,force,"reported_on\n'],
    ["a file that is JSON", '[{"case_id":"A","force":"N","reported_on":"2015-07-02"}]'],
    ["binary data", "case_id\u0000force"],
  ])("%s", async (_name, content) => {
    await same(file("f.csv", content));
  });

  test("a path that does not exist, and a directory", async () => {
    await same(`${file("x", "")}-missing.csv`);
    const dir = `${dirname(file("d", ""))}/a-directory.csv`;
    mkdirSync(dir);
    await same(dir);
  });

  test("a tab-separated .tsv file", async () => {
    await same(file("f.tsv", "case_id\tforce\treported_on\nA\tN\t2015-07-02\nA\tN\t2015-07-03\n"));
  });

  test("a rubric with a rule made in code, from no file, is graded on this thread, and gives the same", async () => {
    const plugin = defineRule({ id: "always-good", description: "a plugin", fields: [], evaluate: () => ({ rating: "good", findings: [] }) });
    const rubric = referenceRubric();
    rubric.rules.push({ rule: plugin, options: {}, critical: false, source: "plugins/good.js" });
    await same(file("p.csv", `${HEADER}\nA,N,2015-07-02,3\n`), rubric);
  });
});

describe("progress", () => {
  test("is reported after each chunk, as bytes of the total and records", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `A${i},N,2015-07-02,3`).join("\n");
    const path = file("big.csv", `${HEADER}\n${rows}\n`);
    const seen: ScoreProgress[] = [];
    await scoreInput(path, { rubric: referenceRubric(), wantCases: false, workers: 0, chunkBytes: 512, onProgress: (p) => void seen.push(p) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toEqual({ bytes: seen.at(-1)!.total, total: seen.at(-1)!.total, records: 200 });
    expect(seen.map((p) => p.bytes)).toEqual([...seen.map((p) => p.bytes)].sort((a, b) => a! - b!));
  });

  test("a file of many records is read twice: the first pass is heard of, and is done before the first record", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `A${i % 150},N,2015-07-02,3`).join("\n");
    const path = file("twice.csv", `${HEADER}\n${rows}\n`);
    const passes = async (firstPassFromRecords: number) => {
      const seen: ScoreProgress[] = [];
      const invalid: string[] = [];
      const options = { rubric: referenceRubric(), wantCases: false, workers: 0, chunkBytes: 512, firstPassFromRecords };
      await scoreInput(path, { ...options, onProgress: (p) => void seen.push(p), onInvalid: (r) => void invalid.push(r.reason) });
      return { seen, invalid };
    };
    const twice = await passes(100);
    const first = twice.seen.filter((p) => p.firstPass);
    expect(first.length).toBeGreaterThan(5);
    expect(first.at(-1)!.bytes).toBe(first.at(-1)!.total);
    expect(twice.seen.findIndex((p) => !p.firstPass)).toBe(first.length);
    // 50 ids come twice, and each later one is listed: read once or twice, the same.
    const once = await passes(1_000_000);
    expect(once.seen.some((p) => p.firstPass)).toBe(false);
    expect(twice.invalid).toHaveLength(50);
    expect(twice.invalid).toEqual(once.invalid);
  });

  test("CSV piped in is copied, then read by the fast path: progress of the copy, then of the file's bytes and records", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `A${i},N,2015-07-02,3`).join("\n");
    const stdin = Readable.from([Buffer.from(`${HEADER}\n`), Buffer.from(`${rows}\n`)]);
    const seen: ScoreProgress[] = [];
    const summary = await scoreInput("-", { rubric: referenceRubric(), wantCases: false, workers: 0, chunkBytes: 512, stdin, onProgress: (p) => void seen.push(p) });
    expect(summary.overall.graded).toBe(200);
    expect(seen[0]).toMatchObject({ spooling: true, records: 0 });
    // Only the fast path knows the total, the copy's size; the reference reader counts records alone.
    const size = HEADER.length + 1 + rows.length + 1;
    expect(seen.at(-1)).toEqual({ bytes: size, total: size, records: 200 });
  });

  test("a file that changes between the two passes stops the run with one clear error", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `A${i},N,2015-07-02,3`).join("\n");
    const path = file("growing.csv", `${HEADER}\n${rows}\n`);
    let appended = false;
    const onProgress = (p: ScoreProgress) => {
      if (p.firstPass && !appended) {
        appendFileSync(path, "A1,N,2015-07-02,3\n");
        appended = true;
      }
    };
    const run = scoreInput(path, { rubric: referenceRubric(), wantCases: false, workers: 0, chunkBytes: 512, firstPassFromRecords: 0, onProgress });
    await expect(run).rejects.toThrow(/growing\.csv: the file changed while it was being read/);
  });
});
