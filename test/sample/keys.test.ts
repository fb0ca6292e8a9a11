import { describe, expect, test } from "vitest";
import { compareKeyed, keyHex, seedKey, seedKeyHex, selectionKey } from "../../src/sample/keys.js";
import { sipHash24, type SipKey } from "../../src/sample/siphash.js";

const hex = (hash: { hi: number; lo: number }) => {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(hash.lo, 0);
  bytes.writeUInt32LE(hash.hi, 4);
  return bytes.toString("hex");
};

describe("SipHash-2-4", () => {
  // The paper's key 00 01 .. 0f; expected values printed by
  // `printf MESSAGE | openssl mac -macopt hexkey:000102030405060708090a0b0c0d0e0f -macopt size:8 SIPHASH`.
  const PAPER_KEY: SipKey = [0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c];
  test.each([
    ["the empty message (the paper's first vector)", "", "310e0edd47db6f72"],
    ["one zero byte (the paper's second vector)", "\u0000", "fd67dc93c539f874"],
    ["a case id shorter than a block", "GMP-0044", "0d433747164e5347"],
    ["exactly one block", "abcdefgh", "7044d491a3dd29c3"],
    ["two blocks and a byte", "abcdefghijklmnopq", "d2419e5bf2a87041"],
    ["text beyond ASCII, as UTF-8", "Ünïcødé case 12345", "9ce1aab8be08903d"],
  ])("%s", (_name, message, expected) => {
    expect(hex(sipHash24(PAPER_KEY, Buffer.from(message, "utf8")))).toBe(expected);
  });
});

describe("selection keys", () => {
  // Each as `printf ID | openssl mac -macopt hexkey:$(seed key) -macopt size:8 SIPHASH` prints it.
  test.each([
    ["seed 42", 42, "2a000000000000000000000000000000", "GMP-0044", "884979f131c66f9c"],
    ["seed 42, another id", 42, "2a000000000000000000000000000000", "NFK-0070", "c2a9b6c31833c549"],
    ["seed 42, a long id", 42, "2a000000000000000000000000000000", "a-much-longer-case-identifier-2015/07/01", "78ed665c021105e2"],
    ["a seed over 2^32", 2 ** 53 - 1, "ffffffffffff1f000000000000000000", "GMP-0044", "55b5d0bdcff98198"],
    ["a chosen-size seed", 1_000_000_000, "00ca9a3b000000000000000000000000", "GMP-0044", "a70dd6c1b3b9c4dd"],
  ])("%s: the key is the hash as OpenSSL prints it", (_name, seed, keyText, id, expected) => {
    expect(seedKeyHex(seed)).toBe(keyText);
    expect(keyHex(selectionKey(seedKey(seed), id))).toBe(expected);
  });

  test("keys order as their hex does, and equal keys by case_id", () => {
    const key = seedKey(42);
    const ids = ["GMP-0044", "NFK-0070", "DYP-0001", "WMP-0100", "x"];
    const byKey = [...ids].sort((a, b) => compareKeyed({ ...selectionKey(key, a), id: a }, { ...selectionKey(key, b), id: b }));
    const byHex = [...ids].sort((a, b) => keyHex(selectionKey(key, a)).localeCompare(keyHex(selectionKey(key, b))));
    expect(byKey).toEqual(byHex);
    expect(compareKeyed({ hi: 1, lo: 2, id: "A" }, { hi: 1, lo: 2, id: "B" })).toBeLessThan(0);
    expect(compareKeyed({ hi: 1, lo: 3, id: "A" }, { hi: 1, lo: 2, id: "B" })).toBeGreaterThan(0);
  });

  test.each([
    ["a negative seed", -1],
    ["a fraction", 1.5],
    ["past 2^53", 2 ** 53],
  ])("%s is refused", (_name, seed) => {
    expect(() => seedKey(seed)).toThrow(RangeError);
  });
});
