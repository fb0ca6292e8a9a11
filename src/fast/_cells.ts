import type { CaseDate } from "../input/case.js";
import type { Parsed } from "../input/values.js";
import { FNV_OFFSET, FNV_PRIME, utf8 } from "./_tokenizer.js";

export type CellParser = (raw: unknown) => Parsed<unknown>;

/** FNV-1a of some bytes, as the tokenizer takes it of an unquoted cell. */
export function fnv(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}

/**
 * Byte strings to small numbers: `find` gives the entry of a cell's bytes (given their FNV-1a
 * hash), adding it if new and `add` is set; 0 if it is absent and not added; -1 once
 * `capacity` entries are taken. Entries count from 1.
 */
export class ByteTable {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(256);
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private pool = new Uint8Array(16384);
  private poolWords = new DataView(this.pool.buffer);
  private cellBytes: Uint8Array | undefined;
  private cellWords: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private used = 0;
  size = 0;
  /** Whether the last `find` added its entry. */
  added = false;

  constructor(private readonly capacity = 1 << 15) {}

  find(buf: Uint8Array, start: number, end: number, fnvHash: number, add = true): number {
    // A final mix, so that the low bits (the slot) differ for near-identical cells.
    let hash = fnvHash ^ (fnvHash >>> 15);
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    const mask = this.slots.length - 1;
    const length = end - start;
    this.added = false;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return !add ? 0 : this.size < this.capacity ? this.add(buf, start, end, hash, slot) : -1;
      if (this.hashes[entry] !== hash || this.lengths[entry] !== length) continue;
      if (buf !== this.cellBytes) {
        this.cellBytes = buf;
        this.cellWords = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      const at = this.starts[entry]!;
      let i = 0;
      while (i + 4 <= length && this.poolWords.getInt32(at + i) === this.cellWords.getInt32(start + i)) i += 4;
      while (i < length && this.pool[at + i] === buf[start + i]) i++;
      if (i === length) return entry;
    }
  }

  private add(buf: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const entry = ++this.size;
    const length = end - start;
    if (entry >= this.hashes.length) {
      const widen = (old: Int32Array) => {
        const wider = new Int32Array(old.length * 2);
        wider.set(old);
        return wider;
      };
      [this.hashes, this.starts, this.lengths] = [widen(this.hashes), widen(this.starts), widen(this.lengths)];
    }
    if (this.used + length > this.pool.length) {
      const wider = new Uint8Array(Math.max(this.pool.length * 2, this.used + length));
      wider.set(this.pool);
      this.pool = wider;
      this.poolWords = new DataView(wider.buffer);
    }
    this.pool.set(buf.subarray(start, end), this.used);
    this.hashes[entry] = hash;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.used += length;
    this.slots[slot] = entry;
    this.added = true;
    if (this.size * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 1; entry <= this.size; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}

const T = 0x54;
const SPACE = 0x20;
const REFERENCE_DAY = "2000-01-01";

/**
 * One field's parsed cells, remembered by their bytes: the field's reference parser (after any
 * value mapping) runs once per distinct text. `lookup` gives an entry whose `ok`, `missing`
 * (not recorded) and `num` (its compact value, see src/rules/case-view.ts) say what grading needs; `value` is the parsed value. Entry 0 is
 * a scratch entry for a cell not remembered, valid until the next lookup.
 *
 * Date-times are remembered as a date part and a time part, each parsed by the reference
 * parser (the time behind a fixed date), so a column of them needs thousands of entries, not
 * one per minute; a cell whose parts do not both parse to values is parsed whole.
 */
export class FieldCells {
  ok = new Uint8Array(256);
  missing = new Uint8Array(256);
  num = new Float64Array(256);
  private values: unknown[] = [undefined];
  private readonly table = new ByteTable();
  private readonly times: FieldCells | undefined;
  private scratchDay = 0;
  private scratchTime = 0;
  private empty = 0;

  constructor(
    private readonly parse: (text: string) => Parsed<unknown>,
    private readonly compact: (value: unknown) => number,
    splitTimes: boolean,
  ) {
    this.times = splitTimes ? new FieldCells((time) => parse(REFERENCE_DAY + time), compact, false) : undefined;
  }

  /** The entry of a cell's bytes, given their FNV-1a hash. */
  lookup(buf: Uint8Array, start: number, end: number, fnvHash: number): number {
    if (start === end) return this.empty > 0 ? this.empty : (this.empty = this.whole(buf, start, end, fnvHash));
    if (this.times) {
      const known = this.table.find(buf, start, end, fnvHash, false);
      if (known > 0) return known;
      let split = start + 1;
      while (split < end && buf[split] !== T && buf[split] !== SPACE) split++;
      if (split < end) {
        const day = this.whole(buf, start, split, fnv(buf, start, split));
        if (day > 0 && this.ok[day] && !this.missing[day]) {
          const time = this.times.lookup(buf, split, end, fnv(buf, split, end));
          if (this.times.ok[time] && !this.times.missing[time]) return this.combine(day, time);
        }
      }
    }
    return this.whole(buf, start, end, fnvHash);
  }

  value(entry: number): unknown {
    if (entry !== 0 || this.scratchDay === 0) return this.values[entry];
    const date = this.values[this.scratchDay] as CaseDate;
    const time = (this.times!.value(this.scratchTime) as CaseDate).text.slice(REFERENCE_DAY.length);
    return { day: date.day, text: date.text + time };
  }

  private whole(buf: Uint8Array, start: number, end: number, fnvHash: number): number {
    const entry = this.table.find(buf, start, end, fnvHash);
    if (entry > 0 && !this.table.added) return entry;
    this.set(entry > 0 ? entry : 0, this.parse(utf8(buf, start, end)));
    return entry > 0 ? entry : 0;
  }

  private combine(day: number, time: number): number {
    this.ok[0] = 1;
    this.missing[0] = 0;
    this.num[0] = this.num[day]!;
    this.values[0] = undefined;
    this.scratchDay = day;
    this.scratchTime = time;
    return 0;
  }

  private set(entry: number, parsed: Parsed<unknown>): void {
    if (entry >= this.ok.length) {
      const grow = <A extends Uint8Array | Float64Array>(old: A, make: (n: number) => A) => {
        const wider = make(old.length * 2);
        wider.set(old);
        return wider;
      };
      this.ok = grow(this.ok, (n) => new Uint8Array(n));
      this.missing = grow(this.missing, (n) => new Uint8Array(n));
      this.num = grow(this.num, (n) => new Float64Array(n));
    }
    if (entry === 0) this.scratchDay = 0;
    const value = parsed.ok ? parsed.value : undefined;
    this.ok[entry] = parsed.ok ? 1 : 0;
    this.missing[entry] = value === undefined ? 1 : 0;
    this.num[entry] = value === undefined ? NaN : this.compact(value);
    this.values[entry] = value;
  }
}
