import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FirstSeen, hashId, IdRegistry } from "../../src/input/case-ids.js";

/** A 64-bit hash as the registry takes it: two signed 32-bit halves. */
type Hash = [hi: number, lo: number];

/** Claims every hash in order (line i + 2 for the i-th) and compares each answer with a Map's. */
function sameAsMap(hashes: readonly Hash[], reserve?: number): IdRegistry {
  const registry = new IdRegistry();
  if (reserve !== undefined) registry.reserve(reserve);
  const first = new Map<string, number>();
  hashes.forEach(([hi, lo], i) => {
    const line = i + 2;
    const key = `${hi | 0}:${lo | 0}`;
    const expected = first.get(key) ?? 0;
    if (expected === 0) first.set(key, line);
    const got = registry.claim(hi | 0, lo | 0, line);
    if (got !== expected) expect({ index: i, hi, lo, got }).toEqual({ index: i, hi, lo, got: expected });
  });
  // And every hash again, after all the growing: each answers with its first line.
  for (const [key, line] of first) {
    const [hi, lo] = key.split(":").map(Number) as Hash;
    expect(registry.claim(hi, lo, 1)).toBe(line);
  }
  return registry;
}

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe("IdRegistry: the first line of each 64-bit hash, exactly", () => {
  test("random hashes, with repeats, as a Map of hash to first line answers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(int32, int32), { maxLength: 3000 }), fc.integer({ min: 0, max: 100 }), (distinct, repeats) => {
        const hashes = [...distinct, ...distinct.slice(0, repeats)].sort((a, b) => (a[0] ^ b[1]) - (b[0] ^ a[1]));
        sameAsMap(hashes);
      }),
      { numRuns: 50 },
    );
  });

  test("hashes that differ in a single bit, anywhere, are told apart", () => {
    const base: Hash = [0x12345678, 0x9abcdef0 | 0];
    const hashes: Hash[] = [base];
    for (let bit = 0; bit < 32; bit++) {
      hashes.push([base[0] ^ (1 << bit), base[1]], [base[0], base[1] ^ (1 << bit)]);
    }
    sameAsMap([...hashes, ...hashes]);
    // (0, 0) is a hash like any other.
    sameAsMap([[0, 0], [0, 1], [1, 0], [0, 0], [0, 1]]);
  });

  test("many hashes crowding one part and one home slot: probes run long and the part grows", () => {
    // Same top 8 bits (one part), rests within 2^12 of each other (one home while the part is small), low halves all alike.
    const hashes: Hash[] = [];
    for (let i = 0; i < 5000; i++) hashes.push([(0x7f000000 | ((i * 7919) % 4096)) | 0, i % 3]);
    const registry = sameAsMap([...hashes, ...hashes.slice(0, 500)]);
    // It starts at 256 parts of 256 slots: only that one part grew.
    expect(registry.slots).toBeGreaterThan(256 * 256 + 5000 - 256);
  });

  test("rests 2^16 apart share their low 16 bits: the home slot tells them apart, at every size", () => {
    const hashes: Hash[] = [];
    for (let k = 0; k < 256; k++) hashes.push([(0x01000000 | (k << 16) | 0x1234) | 0, 42]);
    sameAsMap([...hashes, ...hashes]);
    const sizes = [0, 1000, 70_000];
    for (const reserve of sizes) sameAsMap([...hashes, ...hashes.reverse()], reserve);
  });

  test("lines past 2^24 widen the table; the lines already claimed stay as they were", () => {
    const out = new Int32Array(2);
    const registry = new IdRegistry();
    // 3,000 lines below 2^24, then 3,000 up to near 2^32.
    const line = (i: number) => (i < 3000 ? 2 + i * 5000 : 2 ** 24 + (i - 3000) * 1_400_000);
    for (let i = 0; i < 6000; i++) {
      hashId(`id-${i}`, out);
      expect(registry.claim(out[0]!, out[1]!, line(i))).toBe(0);
    }
    for (let i = 0; i < 6000; i++) {
      hashId(`id-${i}`, out);
      expect(registry.claim(out[0]!, out[1]!, 7)).toBe(line(i));
    }
    expect(registry.bytes).toBe(registry.slots * 11);
  });

  test("a table reserved for many ids answers as one that grew", () => {
    const out = new Int32Array(2);
    const hashes: Hash[] = [];
    for (let i = 0; i < 20_000; i++) {
      hashId(`GMP-${i % 15_000}`, out);
      hashes.push([out[0]!, out[1]!]);
    }
    sameAsMap(hashes);
    const empty = new IdRegistry();
    empty.reserve(150_000);
    // Reserved for 150,000 ids: 256 parts of 652 slots, 90% full when the ids come, 10 bytes a slot.
    expect(empty.slots).toBe(256 * Math.ceil(150_000 / 256 / 0.9));
    expect(empty.bytes).toBe(empty.slots * 10);
    const reserved = sameAsMap(hashes, 150_000);
    expect(reserved.slots).toBe(empty.slots);
  });
});

describe("a listed IdRegistry: only listed hashes are kept", () => {
  test("a listed hash is claimed by its first line; one not listed answers 0 and is never kept", () => {
    const table = new IdRegistry(true);
    table.list(7, 9);
    table.list(-1, 2 ** 31 - 1);
    expect(table.claim(7, 9, 5)).toBe(0);
    expect(table.claim(7, 9, 8)).toBe(5);
    expect(table.claim(3, 3, 6)).toBe(0);
    expect(table.claim(3, 3, 9)).toBe(0);
    // Lines past 2^24 take a wider table, and lines claimed before stay.
    expect(table.claim(-1, 2 ** 31 - 1, 2 ** 24 + 3)).toBe(0);
    expect(table.claim(-1, 2 ** 31 - 1, 2 ** 25)).toBe(2 ** 24 + 3);
    expect(table.claim(7, 9, 2 ** 25)).toBe(5);
  });
});

describe("FirstSeen: the first record of each case_id, from a table of hashes", () => {
  test.each([
    ["CSV and NDJSON lines", { line: 2 }, { line: 9 }],
    ["JSON indexes, from 0", { index: 0 }, { index: 5 }],
    ["workbook rows", { sheet: "Cases", row: 2 }, { sheet: "Cases", row: 40 }],
  ] as const)("%s: a repeat is told where the id was first seen", (_name, first, later) => {
    const seen = new FirstSeen();
    expect(seen.claim("K-1", first)).toBeUndefined();
    expect(seen.claim("K-2", later)).toBeUndefined();
    expect(seen.claim("K-1", later)).toEqual(first);
    expect(seen.claim("k-1", later)).toBeUndefined();
  });
});
