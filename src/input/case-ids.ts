import type { Location } from "./table.js";

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

/** The table's 256 parts, by the hash's top 8 bits; each grows on its own. */
const PART_BITS = 8;
const PARTS = 1 << PART_BITS;
/** The hash's high half below the part's bits: the home slot is taken from it. */
const REST_BITS = 32 - PART_BITS;
const REST = 2 ** REST_BITS;
/** A part's slots: at least this many, so that at most 2^16 values of the rest share a home slot (`rem` tells them apart). */
const MIN_SLOTS = 256;
/** Parts are sized to be this full, and grow by GROWTH once fuller than MAX_LOAD or when a probe would run too far. */
const LOAD = 0.9;
const MAX_LOAD = 0.95;
const GROWTH = 1.25;
/** Distances from home are kept plus one in a byte, 0 marking an empty slot. */
const MAX_DISTANCE = 254;
/** Lines below this take 3 bytes; the first line past it widens every part to 4. */
const NARROW_LINES = 2 ** 24;

/**
 * One part. Per slot: the hash's low half (as the signed 32-bit integer it comes as), the low 16 bits of
 * the rest, the line (its low 16 bits, and the rest of it in a byte, or in 16 bits once lines are wide)
 * and 1 + the distance from home (0: empty).
 */
interface Part {
  slots: number;
  count: number;
  lo: Int32Array;
  rem: Uint16Array;
  lineLow: Uint16Array;
  lineHigh: Uint8Array | Uint16Array;
  distance: Uint8Array;
}

function makePart(slots: number, wide: boolean): Part {
  // One buffer per part: 10 bytes a slot (11 with wide lines).
  const buffer = new ArrayBuffer(slots * (wide ? 11 : 10));
  return {
    slots,
    count: 0,
    lo: new Int32Array(buffer, 0, slots),
    rem: new Uint16Array(buffer, slots * 4, slots),
    lineLow: new Uint16Array(buffer, slots * 6, slots),
    lineHigh: wide ? new Uint16Array(buffer, slots * 8, slots) : new Uint8Array(buffer, slots * 8, slots),
    distance: new Uint8Array(buffer, slots * (wide ? 10 : 9), slots),
  };
}

/** The home slot of a rest (the hash's high half below the part's bits) in a part of `slots` slots. */
const homeOf = (rest: number, slots: number) => Math.floor((rest * slots) / REST);

/** The rest whose home is `home` and whose low 16 bits are `rem`: one, as at most 2^16 rests share a home. */
function restOf(home: number, rem: number, slots: number): number {
  // The first rest with this home: ceil(home * REST / slots), corrected for the division's rounding.
  let first = Math.ceil((home * REST) / slots);
  while (first > 0 && homeOf(first - 1, slots) === home) first--;
  while (homeOf(first, slots) < home) first++;
  return first + ((rem - first) & 0xffff);
}

const lineAt = (part: Part, slot: number) => part.lineLow[slot]! + part.lineHigh[slot]! * 65536;

/**
 * Which line first claimed each case_id hash, exactly: two ids are one when their 64-bit hashes are equal,
 * and only then. A quotient table: the hash's top 8 bits choose one of 256 parts, the next 24 a home slot
 * there, of which only the low 16 are kept (the home slot gives the rest back); with the low 32 bits, the
 * line and the distance from home, 10 bytes a slot (11 past line 16,777,215). Robin Hood linear probing
 * keeps probes short with the parts 90-95% full. Each part grows alone, so growing never holds a second
 * copy of the whole table.
 *
 * A `listed` table holds only the hashes a first pass found to recur (`list`): `claim` answers for
 * those, and keeps nothing of any other hash, which recurs nowhere.
 */
export class IdRegistry {
  constructor(private readonly listed = false) {}

  private wide = false;
  private parts: Part[] = Array.from({ length: PARTS }, () => makePart(MIN_SLOTS, false));
  /** The entry an insert that ran too far was left carrying: its home is in the geometry of the part it left. */
  private spilled = { home: 0, rem: 0, lo: 0, line: 0 };

  /** Sizes the table for about `count` ids, so that it need not grow as it fills (a listed table holds only its list). */
  reserve(count: number): void {
    if (this.listed) return;
    const slots = Math.max(MIN_SLOTS, Math.ceil(count / PARTS / LOAD));
    for (let p = 0; p < PARTS; p++) if (this.parts[p]!.slots < slots) this.resize(p, slots, false);
  }

  /** Hashes held. */
  get count(): number {
    return this.parts.reduce((sum, part) => sum + part.count, 0);
  }

  /** Slots held, and bytes: for the tests. */
  get slots(): number {
    return this.parts.reduce((sum, part) => sum + part.slots, 0);
  }

  get bytes(): number {
    return this.slots * (this.wide ? 11 : 10);
  }

  /**
   * Claims the hash for `line` (lines count from 1); returns 0 if it is new, else the line that claimed
   * it first. In a listed table a hash not listed is new every time, and is not kept.
   */
  claim(hi: number, lo: number, line: number): number {
    const p = hi >>> REST_BITS;
    const rest = hi & (REST - 1);
    lo |= 0;
    const slot = find(this.parts[p]!, rest, lo);
    if (slot < 0) {
      if (!this.listed) this.add(p, rest, lo, line);
      return 0;
    }
    const first = lineAt(this.parts[p]!, slot);
    // Line 0 is a listed hash no line has claimed yet.
    if (first === 0) this.setLine(p, rest, lo, slot, line);
    return first;
  }

  /** For a listed table: adds a hash the first pass found more than once, claimed by no line yet. */
  list(hi: number, lo: number): void {
    const p = hi >>> REST_BITS;
    const rest = hi & (REST - 1);
    if (find(this.parts[p]!, rest, lo | 0) < 0) this.add(p, rest, lo | 0, 0);
  }

  private add(p: number, rest: number, lo: number, line: number): void {
    if (line >= NARROW_LINES) this.widen();
    let part = this.parts[p]!;
    if (part.count + 1 > part.slots * MAX_LOAD) part = this.resize(p, Math.ceil(part.slots * GROWTH), false);
    if (!this.insert(part, homeOf(rest, part.slots), rest & 0xffff, lo, line)) this.resize(p, Math.ceil(part.slots * GROWTH), true);
  }

  private setLine(p: number, rest: number, lo: number, slot: number, line: number): void {
    if (line >= NARROW_LINES && !this.wide) {
      this.widen();
      slot = find(this.parts[p]!, rest, lo);
    }
    const part = this.parts[p]!;
    part.lineLow[slot] = line & 0xffff;
    part.lineHigh[slot] = Math.floor(line / 65536);
  }

  /** Lines past NARROW_LINES need more than 3 bytes: every part is rebuilt with 4. */
  private widen(): void {
    if (this.wide) return;
    this.wide = true;
    for (let q = 0; q < PARTS; q++) this.resize(q, this.parts[q]!.slots, false);
  }

  /**
   * Inserts an entry known to be absent. False if some entry would land more than MAX_DISTANCE from home:
   * that entry (perhaps another, displaced) is then in `spilled`, and the part is otherwise whole.
   */
  private insert(part: Part, home: number, rem: number, lo: number, line: number): boolean {
    const { slots } = part;
    let slot = home;
    let distance = 1;
    for (;;) {
      const there = part.distance[slot]!;
      if (there < distance) {
        // An empty slot, or one whose entry is nearer its home than we are: take it, and carry that entry on.
        const l = part.lo[slot]!;
        const r = part.rem[slot]!;
        const n = lineAt(part, slot);
        part.lo[slot] = lo;
        part.rem[slot] = rem;
        part.lineLow[slot] = line & 0xffff;
        part.lineHigh[slot] = Math.floor(line / 65536);
        part.distance[slot] = distance;
        if (there === 0) {
          part.count++;
          return true;
        }
        lo = l;
        rem = r;
        line = n;
        distance = there;
      }
      if (++slot === slots) slot = 0;
      if (++distance > MAX_DISTANCE + 1) {
        this.spilled = { home: (slot - (distance - 1) + slots * 2) % slots, rem, lo, line };
        return false;
      }
    }
  }

  /** Rebuilds part `p` with at least `slots` slots (more while some entry would land too far from home), with the spilled entry if asked. */
  private resize(p: number, slots: number, withSpilled: boolean): Part {
    const old = this.parts[p]!;
    const extra = withSpilled ? this.spilled : undefined;
    for (let size = slots; ; size = Math.ceil(size * GROWTH)) {
      const part = makePart(size, this.wide);
      const move = (home: number, rem: number, lo: number, line: number) => {
        const rest = restOf(home, rem, old.slots);
        return this.insert(part, homeOf(rest, size), rest & 0xffff, lo, line);
      };
      let fits = !extra || move(extra.home, extra.rem, extra.lo, extra.line);
      for (let slot = 0; fits && slot < old.slots; slot++) {
        const distance = old.distance[slot]!;
        if (distance !== 0) fits = move((slot - (distance - 1) + old.slots) % old.slots, old.rem[slot]!, old.lo[slot]!, lineAt(old, slot));
      }
      if (fits) return (this.parts[p] = part);
    }
  }
}

/** The slot holding the hash, or -1. */
function find(part: Part, rest: number, lo: number): number {
  const { slots } = part;
  const rem = rest & 0xffff;
  let slot = homeOf(rest, slots);
  for (let distance = 1; distance <= MAX_DISTANCE + 1; distance++) {
    const there = part.distance[slot]!;
    // Robin Hood: an empty slot, or an entry nearer its home than we are, ends the search.
    if (there < distance) return -1;
    if (there === distance && part.rem[slot] === rem && part.lo[slot] === lo) return slot;
    if (++slot === slots) slot = 0;
  }
  return -1;
}

/**
 * The first record of each case_id in one read, kept as `IdRegistry` keeps ids (a hash, 10 bytes an id)
 * rather than as strings and places (over a hundred bytes an id): JSON and NDJSON of millions of records
 * are read in near-flat memory, and two ids are one exactly when the fast path says so.
 */
export class FirstSeen {
  private readonly table = new IdRegistry();
  private readonly hash = new Int32Array(2);
  private sheet = "";

  /** Where `id` was first seen; or undefined, the id now claimed by `at`, when this is its first record. */
  claim(id: string, at: Location): Location | undefined {
    hashId(id, this.hash);
    // A read's places are all of one kind, kept as a number from 1: line, JSON index + 1, or sheet row.
    if ("sheet" in at) this.sheet = at.sheet;
    const first = this.table.claim(this.hash[0]!, this.hash[1]!, "line" in at ? at.line : "index" in at ? at.index + 1 : at.row);
    if (first === 0) return undefined;
    return "line" in at ? { line: first } : "index" in at ? { index: first - 1 } : { sheet: this.sheet, row: first };
  }
}
