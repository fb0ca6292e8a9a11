import { sipHash24, type Hash64, type SipKey } from "./siphash.js";

/** Seeds are whole numbers from 0 to 2^53 − 1, which a JSON number holds exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The SipHash key of a seed: the seed as a 64-bit little-endian number, then eight zero bytes. */
export function seedKey(seed: number): SipKey {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`a seed is a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  return [seed % 2 ** 32, Math.floor(seed / 2 ** 32), 0, 0];
}

/** The key as OpenSSL takes it (`-macopt hexkey:...`), so that anyone can check a case's selection key. */
export function seedKeyHex(seed: number): string {
  const bytes = Buffer.alloc(16);
  const [low, high] = seedKey(seed);
  bytes.writeUInt32LE(low, 0);
  bytes.writeUInt32LE(high, 4);
  return bytes.toString("hex");
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

const byteSwap = (word: number) => (((word & 0xff) << 24) | ((word & 0xff00) << 8) | ((word >>> 8) & 0xff00) | (word >>> 24)) >>> 0;

/**
 * A case's selection key under a seed's key: SipHash-2-4 of its case_id in UTF-8, its 8 bytes in the
 * order OpenSSL prints them, read as one big-endian number (`hi` the first four bytes).
 */
export function selectionKey(key: SipKey, caseId: string): Hash64 {
  if (caseId.length * 3 > scratch.length) scratch = new Uint8Array(caseId.length * 3);
  const { written } = encoder.encodeInto(caseId, scratch);
  const hash = sipHash24(key, scratch, written);
  return { hi: byteSwap(hash.lo), lo: byteSwap(hash.hi) };
}

/** The key as 16 hex digits, as OpenSSL prints the hash. */
export const keyHex = (key: Hash64): string => key.hi.toString(16).padStart(8, "0") + key.lo.toString(16).padStart(8, "0");

/** The order of the draw: by key; equal keys (never yet seen) by case_id, in code-unit order. */
export function compareKeyed(a: Hash64 & { id: string }, b: Hash64 & { id: string }): number {
  return a.hi - b.hi || a.lo - b.lo || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
