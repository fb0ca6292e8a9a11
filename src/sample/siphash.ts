/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012), a keyed hash designed to be a pseudorandom function of
 * short inputs: without the key, nobody can choose inputs that hash low or high. Written here, in 32-bit
 * halves, because Node has no SipHash of its own and its HMAC costs a native call per case (about 8 µs
 * against well under 1). OpenSSL computes the same: `openssl mac -macopt hexkey:KEY -macopt size:8 SIPHASH`.
 */

/** The hash, a 64-bit unsigned number, as its high and low 32 bits. */
export interface Hash64 {
  hi: number;
  lo: number;
}

// The state v0..v3, each as its high and low halves: V[0] = v0 high, V[1] = v0 low, and so on.
const V = new Uint32Array(8);
const [V0H, V0L, V1H, V1L, V2H, V2L, V3H, V3L] = [0, 1, 2, 3, 4, 5, 6, 7];

/** a += b, 64-bit. */
function add(a: number, b: number): void {
  const lo = (V[a + 1]! + V[b + 1]!) >>> 0;
  V[a] = V[a]! + V[b]! + (lo < V[a + 1]! ? 1 : 0);
  V[a + 1] = lo;
}

/** a = rotl(a, n) ^ b, 64-bit, 0 < n < 32. */
function rotateXor(a: number, n: number, b: number): void {
  const hi = V[a]!;
  const lo = V[a + 1]!;
  V[a] = ((hi << n) | (lo >>> (32 - n))) ^ V[b]!;
  V[a + 1] = ((lo << n) | (hi >>> (32 - n))) ^ V[b + 1]!;
}

/** a = rotl(a, 32): its halves swapped. */
function swap(a: number): void {
  const hi = V[a]!;
  V[a] = V[a + 1]!;
  V[a + 1] = hi;
}

function sipRound(): void {
  add(V0H, V1H);
  rotateXor(V1H, 13, V0H);
  swap(V0H);
  add(V2H, V3H);
  rotateXor(V3H, 16, V2H);
  add(V0H, V3H);
  rotateXor(V3H, 21, V0H);
  add(V2H, V1H);
  rotateXor(V1H, 17, V2H);
  swap(V2H);
}

function compress(mh: number, ml: number): void {
  V[V3H] = V[V3H]! ^ mh;
  V[V3L] = V[V3L]! ^ ml;
  sipRound();
  sipRound();
  V[V0H] = V[V0H]! ^ mh;
  V[V0L] = V[V0L]! ^ ml;
}

/** Little-endian 32-bit word of `bytes` at `at`, zero past `end`. */
function word(bytes: Uint8Array, at: number, end: number): number {
  let value = 0;
  for (let k = 3; k >= 0; k--) value = (value << 8) | (at + k < end ? bytes[at + k]! : 0);
  return value >>> 0;
}

/** The 16-byte key as four little-endian 32-bit words: k0 low, k0 high, k1 low, k1 high. */
export type SipKey = readonly [number, number, number, number];

/** SipHash-2-4 of `bytes[0, length)` under `key`. */
export function sipHash24(key: SipKey, bytes: Uint8Array, length = bytes.length): Hash64 {
  const [k0l, k0h, k1l, k1h] = key;
  V.set([k0h ^ 0x736f6d65, k0l ^ 0x70736575, k1h ^ 0x646f7261, k1l ^ 0x6e646f6d, k0h ^ 0x6c796765, k0l ^ 0x6e657261, k1h ^ 0x74656462, k1l ^ 0x79746573]);
  const whole = length - (length % 8);
  for (let at = 0; at < whole; at += 8) compress(word(bytes, at + 4, length), word(bytes, at, length));
  // The last block: the bytes left, then the length's low byte in the top byte.
  compress((word(bytes, whole + 4, length) | ((length & 0xff) << 24)) >>> 0, word(bytes, whole, length));
  V[V2L] = V[V2L]! ^ 0xff;
  for (let round = 0; round < 4; round++) sipRound();
  return { hi: (V[V0H]! ^ V[V1H]! ^ V[V2H]! ^ V[V3H]!) >>> 0, lo: (V[V0L]! ^ V[V1L]! ^ V[V2L]! ^ V[V3L]!) >>> 0 };
}
