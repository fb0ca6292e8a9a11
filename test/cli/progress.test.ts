import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { Progress, progressLine } from "../../src/cli/progress.js";

function sink() {
  const writes: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (writes.push(chunk.toString()), done()) });
  return { stream, writes };
}

describe("progressLine", () => {
  test.each([
    ["a file half read", { cases: 500_000, bytes: 80 * 1_048_576, total: 160 * 1_048_576, elapsedMs: 2000, settled: true }, /^\[#{12}\.{12}\]\s+50% 80 MB of 160 MB · 500,000 cases · 250k cases\/s · 2s left$/],
    ["a pipe of unknown size: a count and a rate", { cases: 12_345, bytes: 5_000_000, elapsedMs: 3000 }, /^12,345 cases · 4115 cases\/s$/],
    ["a long run shows minutes", { cases: 10, bytes: 1, total: 100, elapsedMs: 1000, settled: true }, /1m39s left$/],
    ["no time left before the rate has settled", { cases: 10, bytes: 1, total: 100, elapsedMs: 1000 }, /· 10 cases\/s · estimating the time left$/],
    ["stdin being copied to a file: bytes and a rate", { cases: 0, bytes: 30 * 1_048_576, elapsedMs: 2000, spooling: true }, /^30 MB read from stdin · 15 MB\/s$/],
    ["the fast path's first pass: the bar alone", { cases: 0, bytes: 25 * 1_048_576, total: 100 * 1_048_576, elapsedMs: 900, firstPass: true }, /^\[#{6}\.{18}\]\s+25% 25 MB of 100 MB · checking for repeated case ids \(a first, quicker pass over the file\)$/],
  ])("%s", (_name, state, expected) => {
    expect(progressLine(state)).toMatch(expected);
  });
});

describe("Progress", () => {
  test("stays silent for the first second, then redraws at most every 100 ms, and erases itself", () => {
    let now = 0;
    const { stream, writes } = sink();
    const progress = new Progress(stream, () => now);
    progress.update({ cases: 10, bytes: 10, total: 100 });
    now = 999;
    progress.update({ cases: 10, bytes: 10, total: 100 });
    expect(writes).toEqual([]);
    now = 1000;
    progress.update({ cases: 20, bytes: 20, total: 100 });
    now = 1050;
    progress.update({ cases: 30, bytes: 30, total: 100 });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.startsWith("\r\u001b[2K[")).toBe(true);
    expect(writes[0]).toMatch(/\]\s+20% /);
    progress.finish();
    expect(writes.at(-1)).toBe("\r\u001b[2K");
  });

  test("a run shorter than a second writes nothing at all", () => {
    const { stream, writes } = sink();
    const progress = new Progress(stream, () => 0);
    progress.update({ cases: 1, bytes: 1 });
    progress.finish();
    expect(writes).toEqual([]);
  });

  test("shows the first pass, then counts rates and time left from its end", () => {
    let now = 0;
    const { stream, writes } = sink();
    const progress = new Progress(stream, () => now);
    // Three seconds of the fast path's first pass over the file, before any case.
    now = 1500;
    progress.update({ cases: 0, bytes: 55, total: 110, firstPass: true });
    expect(writes.at(-1)).toMatch(/50% .* · checking for repeated case ids/);
    now = 3000;
    progress.update({ cases: 0, bytes: 110, total: 110, firstPass: true });
    now = 4000;
    progress.update({ cases: 5000, bytes: 55, total: 110 });
    expect(writes.at(-1)).toMatch(/· 5000 cases\/s · estimating the time left$/);
  });

  test("the time left appears once two seconds in a row read at about the same rate, and stays", () => {
    let now = 0;
    const { stream, writes } = sink();
    const progress = new Progress(stream, () => now);
    // A slow start (workers starting), then a steady 100 bytes a second.
    const steps: [number, number][] = [[0, 0], [1000, 10], [2000, 110], [3000, 210], [4000, 280]];
    const lines = steps.map(([time, bytes]) => {
      now = time;
      progress.update({ cases: bytes, bytes, total: 1000 });
      return writes.at(-1) ?? "";
    });
    expect(lines.slice(1, 3).every((line) => line.endsWith("estimating the time left"))).toBe(true);
    expect(lines[3]).toMatch(/ left$/);
    expect(lines[3]).not.toMatch(/estimating/);
    expect(lines[4]).toMatch(/\ds left$/);
  });

  test("while stdin is copied, the megabytes copied and their rate since the run began", () => {
    let now = 0;
    const { stream, writes } = sink();
    const progress = new Progress(stream, () => now);
    now = 1000;
    progress.update({ cases: 0, bytes: 15 * 1_048_576, spooling: true });
    now = 2000;
    progress.update({ cases: 0, bytes: 30 * 1_048_576, spooling: true });
    expect(writes.at(-1)).toMatch(/30 MB read from stdin · 15 MB\/s$/);
  });
});
