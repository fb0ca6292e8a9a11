import { closeSync, readSync, writeSync } from "node:fs";
import { IdRegistry } from "../input/case-ids.js";
import { removeTemporary, temporaryFile, unlinkOpen } from "../temporary.js";

/** Hashes are sorted out by their top bits into this many parts, so that finding repeats holds one part at a time. */
const PART_BITS = 6;
const PARTS = 1 << PART_BITS;

/**
 * Every case_id hash of a file, kept on disk, to find the ones that recur: a table of every id would
 * grow with the file (about 11 bytes an id), and a file's ids rarely repeat. Hashes go into one
 * block per part (`blockPairs` hashes); a full block is appended to a temporary file, deleted as soon
 * as it is opened (where the system allows), or kept in memory if no file can be made or written.
 * `recurring` then reads one part at a time, sorts it and lists the hashes found more than once.
 */
export class HashSpill {
  private readonly blocks: Int32Array[];
  private readonly fill = new Int32Array(PARTS);
  /** Per part, where its full blocks are in the file. */
  private readonly written: number[][] = Array.from({ length: PARTS }, () => []);
  /** Per part, the full blocks kept in memory, once no file can be made or written. */
  private readonly kept: Int32Array[][] = Array.from({ length: PARTS }, () => []);
  private fd: number | undefined;
  private path: string | undefined;
  private noFile = false;
  private size = 0;

  constructor(private readonly blockPairs = 4096) {
    this.blocks = Array.from({ length: PARTS }, () => new Int32Array(blockPairs * 2));
  }

  /** Adds hashes given as [hi, lo] pairs. */
  add(hashes: Int32Array): void {
    const { blocks, fill, blockPairs } = this;
    for (let i = 0; i < hashes.length; i += 2) {
      const hi = hashes[i]!;
      const p = hi >>> (32 - PART_BITS);
      const block = blocks[p]!;
      const at = fill[p]! * 2;
      // Low half first: read as a 64-bit integer, equal hashes are equal numbers.
      block[at] = hashes[i + 1]!;
      block[at + 1] = hi;
      if (++fill[p]! === blockPairs) this.flush(p);
    }
  }

  private flush(p: number): void {
    const block = this.blocks[p]!;
    this.fill[p] = 0;
    const file = this.file();
    if (file !== undefined) {
      try {
        if (writeSync(file, block, 0, block.byteLength, this.size) === block.byteLength) {
          this.written[p]!.push(this.size);
          this.size += block.byteLength;
          return;
        }
      } catch {
        // A full disk, say: below.
      }
      // What is written stays readable; the rest is kept in memory.
      this.noFile = true;
    }
    this.kept[p]!.push(block.slice());
  }

  private file(): number | undefined {
    if (this.noFile) return undefined;
    if (this.fd !== undefined) return this.fd;
    try {
      const { fd, path } = temporaryFile("ids");
      this.fd = fd;
      // Not while open on Windows: removed in close(), or on exit.
      this.path = unlinkOpen(path) ? undefined : path;
    } catch {
      this.noFile = true;
    }
    return this.fd;
  }

  /** The hashes added more than once, each listed once, in a listed IdRegistry. */
  recurring(): IdRegistry {
    const table = new IdRegistry(true);
    const pairBytes = 8;
    const pairsOf = (p: number) => (this.written[p]!.length + this.kept[p]!.length) * this.blockPairs + this.fill[p]!;
    let most = 0;
    for (let p = 0; p < PARTS; p++) most = Math.max(most, pairsOf(p));
    // One buffer for every part in turn.
    const buffer = new ArrayBuffer(most * pairBytes);
    for (let p = 0; p < PARTS; p++) {
      const part = new Int32Array(buffer, 0, pairsOf(p) * 2);
      let at = 0;
      const length = this.blockPairs * pairBytes;
      for (const offset of this.written[p]!) {
        for (let got = 0; got < length; ) {
          const read = readSync(this.fd!, part, at * 4 + got, length - got, offset + got);
          if (read === 0) throw new Error("the file of case_id hashes ended early");
          got += read;
        }
        at += length / 4;
      }
      for (const block of this.kept[p]!) {
        part.set(block, at);
        at += block.length;
      }
      part.set(this.blocks[p]!.subarray(0, this.fill[p]! * 2), at);
      // Sorted as 64-bit integers, in place: equal hashes end up side by side.
      new BigInt64Array(buffer, 0, part.length / 2).sort();
      const same = (a: number, b: number) => part[a] === part[b] && part[a + 1] === part[b + 1];
      for (let i = 2; i < part.length; i += 2) {
        if (same(i, i - 2)) table.list(part[i + 1]!, part[i]!);
      }
    }
    return table;
  }

  /** Closes and deletes the file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.path !== undefined) removeTemporary(this.path);
    this.fd = undefined;
    this.path = undefined;
  }
}
