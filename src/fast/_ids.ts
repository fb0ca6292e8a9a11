/**
 * A case_id as two 32-bit halves of a 64-bit hash of its text (its UTF-16 code units), written
 * to `out[0]` and `out[1]`. Two ids share a hash with odds about n²/2⁶⁵: 7 in 10 million for a
 * file of 5 million distinct ids. That is the price of not holding every id as a string.
 */
export function hashId(id: string, out: Int32Array): void {
  let h1 = 0x9747b28c ^ id.length;
  let h2 = 0x85ebca6b;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = Math.imul(h2, 5) + 0xe6546b64;
  }
  finish(h1, h2, out);
}

/** `hashId` of an id written in ASCII, from its bytes (each byte is then one code unit). */
export function hashAsciiId(buf: Uint8Array, start: number, end: number, out: Int32Array): void {
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x85ebca6b;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = Math.imul(h2, 5) + 0xe6546b64;
  }
  finish(h1, h2, out);
}

function finish(h1: number, h2: number, out: Int32Array): void {
  h1 ^= h2;
  h2 ^= h1 >>> 7;
  out[0] = fmix(h1);
  out[1] = fmix(h2 + Math.imul(h1, 0x27d4eb2d));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Which line first claimed each case_id hash: open addressing over typed arrays (the hash's two
 * halves and the line: 12 bytes a slot), at most 4/5 full, sized to the number of ids expected
 * rather than to a power of two. The hash (0, 0) stands for "empty", so it is stored as (0, 1).
 */
export class IdRegistry {
  private hi = new Int32Array(1 << 16);
  private lo = new Int32Array(1 << 16);
  private lines = new Uint32Array(1 << 16);
  private count = 0;

  /** Sizes the table for about `count` ids. */
  reserve(count: number): void {
    const size = Math.ceil((Math.max(count, this.count) * 5) / 4) + 1024;
    if (size <= this.hi.length) return;
    const { hi, lo, lines } = this;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.lines = new Uint32Array(size);
    this.count = 0;
    for (let slot = 0; slot < hi.length; slot++) if (hi[slot] !== 0 || lo[slot] !== 0) this.claim(hi[slot]!, lo[slot]!, lines[slot]!);
  }

  /** Claims the hash for `line`; returns 0 if it is new, else the line that claimed it first. */
  claim(hi: number, lo: number, line: number): number {
    if (hi === 0 && lo === 0) lo = 1;
    const size = this.hi.length;
    // The home slot: the hash's high half scaled to the table (multiply-shift, any size).
    let slot = Math.floor(((hi >>> 0) * size) / 4294967296);
    for (;;) {
      const h = this.hi[slot]!;
      const l = this.lo[slot]!;
      if (h === 0 && l === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.lines[slot] = line;
        if (++this.count * 5 > size * 4) this.reserve(Math.ceil(this.count * 1.5));
        return 0;
      }
      if (h === hi && l === lo) return this.lines[slot]!;
      if (++slot === size) slot = 0;
    }
  }
}
