import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { HashSpill } from "../../src/fast/_spill.js";
import { runs } from "../helpers/runs.js";

type Hash = [hi: number, lo: number];
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Hashes crowded into few top bits and few low halves too, so that parts fill unevenly and near misses abound. */
const hash = fc.tuple(fc.oneof(int32, fc.integer({ min: -4, max: 4 }).map((n) => n << 26)), fc.oneof(int32, fc.integer({ min: 0, max: 3 })));

const spillFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith("audit-ids-"));

/** Spills the hashes (in batches, as chunks come) and checks the table against counting them in a Map, claiming each in order. */
function checkSpill(hashes: readonly Hash[], spill: HashSpill): void {
  const counts = new Map<string, number>();
  for (const [hi, lo] of hashes) counts.set(`${hi}:${lo}`, (counts.get(`${hi}:${lo}`) ?? 0) + 1);
  for (let i = 0; i < hashes.length; i += 7) spill.add(Int32Array.from(hashes.slice(i, i + 7).flat()));
  const table = spill.recurring();
  spill.close();
  // Listing one more would cost only memory; listing one fewer, a duplicate missed.
  expect(table.count).toBe([...counts.values()].filter((n) => n > 1).length);
  const first = new Map<string, number>();
  hashes.forEach(([hi, lo], i) => {
    const key = `${hi}:${lo}`;
    const line = i + 2;
    const got = table.claim(hi, lo, line);
    if (counts.get(key)! < 2) expect(got, `${key} is not a repeat`).toBe(0);
    else {
      expect(got, `${key} at line ${line}`).toBe(first.get(key) ?? 0);
      if (!first.has(key)) first.set(key, line);
    }
  });
}

describe("HashSpill: the hashes that recur, found a part at a time", () => {
  const tmp = process.env.TMPDIR;
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  });

  test("any hashes, any repeats: exactly the repeated ones are listed, each claimed first by its first line", () => {
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 400 }), fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (distinct, picks, blockPairs) => {
        const repeats = distinct.length ? picks.map((k) => distinct[k % distinct.length]!) : [];
        const hashes = [...distinct, ...repeats].sort((a, b) => (a[0] ^ b[1]) - (b[0] ^ a[1]));
        checkSpill(hashes, new HashSpill(blockPairs));
      }),
      { numRuns: runs(200) },
    );
  });

  test("the file is gone while it is written and after, and blocks stay in memory when no file can be made", () => {
    const hashes: Hash[] = Array.from({ length: 5000 }, (_, i) => [Math.imul(i % 4000, 0x9e3779b1), i % 4000]);
    const before = spillFiles().length;
    const spill = new HashSpill(16);
    spill.add(Int32Array.from(hashes.slice(0, 2500).flat()));
    // Blocks were written, and the file was deleted as soon as it was made.
    expect(spillFiles().length).toBe(before);
    spill.close();

    process.env.TMPDIR = join(tmpdir(), "no-such-directory", "below");
    checkSpill(hashes, new HashSpill(16));
  });
});
