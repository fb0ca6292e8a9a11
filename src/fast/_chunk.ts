import { closeSync, openSync } from "node:fs";
import type { Summary } from "../engine/summary.js";
import { guessBoundary } from "./_boundary.js";
import { CaseGrader } from "./_grade.js";
import type { ChunkJob, ChunkResult, ChunkSetup, IdsResult, Spent } from "./_jobs.js";
import { DAMAGED, FAILED, GAVE_UP, RecordReader } from "./_reader.js";
import { PROBLEM, RecordChecker } from "./_record.js";
import { HAS_ID, stride } from "./_table.js";
import { tallyChunk, type TallyJob } from "./_tally.js";
import { END } from "./_tokenizer.js";

/** Reads, validates and grades the records of one chunk at a time: a worker's whole job. */
export class ChunkProcessor {
  private readonly fd: number;
  private readonly reader: RecordReader;
  private readonly checker: RecordChecker;
  private readonly grader: CaseGrader;
  private readonly ruleIds: string[];
  private readonly groups = new Map<string, number>();
  private names: string[] = [];
  private readonly hash = new Int32Array(2);
  private ids = new Uint8Array(1 << 16);
  private idBytes = 0;
  /**
   * First-pass hash buffers the main thread has finished with. Each is given back, not dropped: the
   * main thread collects its heap seldom, and buffers it dropped would wait for that in this thread's
   * malloc arena (5M rows: 40 MB of them each).
   */
  private readonly spareHashes: Int32Array[] = [];

  constructor(private readonly setup: ChunkSetup) {
    this.fd = openSync(setup.path, "r");
    this.reader = new RecordReader(this.fd, setup.size, { delimiter: setup.delimiter, maxRecordChars: setup.maxRecordChars });
    this.checker = new RecordChecker(setup);
    this.grader = new CaseGrader(setup.rubric, this.checker, setup.wantCases);
    this.ruleIds = setup.rubric.rules.map(({ rule }) => rule.id);
  }

  close(): void {
    closeSync(this.fd);
  }

  tally(job: TallyJob): Summary {
    return tallyChunk(job, this.ruleIds);
  }

  private group(name: string): number {
    let id = this.groups.get(name);
    if (id === undefined) {
      this.groups.set(name, (id = this.groups.size));
      this.names.push(name);
    }
    return id;
  }

  /** Reads the job's bytes and finds its first record, guessed unless the job's start is known; -1 if none starts before stop. */
  private begin(job: ChunkJob): number {
    const { reader, setup } = this;
    let first = job.start;
    if (job.known) reader.window(job.start, job.stop - job.start);
    else {
      const bytes = reader.window(job.start - 1, job.stop - job.start + 1);
      first = guessBoundary(bytes, job.start, setup.delimiter.charCodeAt(0));
    }
    if (first === -1 || first >= job.stop) return -1;
    reader.maxRecordBytes = job.known ? undefined : Math.max(4 * (job.stop - job.start), 16 << 20);
    // Chunks hold the records after the header: a stray quote costs its record, not the run.
    reader.recover = true;
    reader.seek(first);
    return first;
  }

  /**
   * The first pass: the case_id hash of every record that may claim one, as `keepId` would hash it
   * (RecordChecker.idHash). Only ids found twice among them are tracked when the chunk is read again.
   */
  hashIds(job: ChunkJob): IdsResult {
    const { reader, checker } = this;
    const first = this.begin(job);
    if (first === -1) return { index: job.index, first, next: -1, hashes: new Int32Array(0) };
    let hashes = this.spareHashes.pop() ?? new Int32Array(1 << 14);
    let count = 0;
    let failed = false;
    for (;;) {
      const status = reader.next(job.stop);
      if (status === END) break;
      if (status === GAVE_UP) {
        this.spareHashes.push(hashes);
        return { index: job.index, first, next: -1, hashes: new Int32Array(0), gaveUp: true };
      }
      if (status === FAILED) {
        failed = true;
        break;
      }
      if (status === DAMAGED || !checker.idHash(reader.buf, reader.cells, this.hash)) continue;
      if (count * 2 === hashes.length) {
        const wider = new Int32Array(Math.max(1 << 14, hashes.length * 2));
        wider.set(hashes);
        hashes = wider;
      }
      hashes[count * 2] = this.hash[0]!;
      hashes[count * 2 + 1] = this.hash[1]!;
      count++;
    }
    return { index: job.index, first, next: reader.position, hashes: hashes.subarray(0, count * 2), failed };
  }

  run(job: ChunkJob): ChunkResult {
    const { reader, checker, setup } = this;
    const first = this.begin(job);
    const result: ChunkResult = { index: job.index, first, next: -1, newlines: 0, lineAfterRecord: 0, count: 0, table: new Int32Array(0), details: [], names: [], ids: new Uint8Array(0), json: new Uint8Array(0), jsonAscii: true };
    if (first === -1) return { ...result, names: this.takeNames() };
    const width = stride(this.ruleIds.length);
    let table = new Int32Array(width * 1024);
    this.idBytes = 0;
    this.grader.startChunk();
    const caseIds = setup.mapping?.values?.case_id ? [] : undefined;
    let count = 0;
    for (;;) {
      const status = reader.next(job.stop);
      if (status === END) break;
      if (status === GAVE_UP) return { ...result, gaveUp: true, names: this.takeNames() };
      if (status === FAILED) {
        result.failure = reader.error;
        break;
      }
      if (status === DAMAGED) checker.damaged(reader.damage!.cells, reader.damage!.reason);
      else checker.check(reader.buf, reader.cells);
      if ((count + 1) * width > table.length) {
        const wider = new Int32Array(table.length * 2);
        wider.set(table);
        table = wider;
      }
      const o = count++ * width;
      table[o] = this.grader.grade(table, o, result.details, caseIds);
      if (checker.kind !== PROBLEM && checker.hasId) {
        table[o] |= HAS_ID;
        table[o + 6] = this.keepId(reader.buf);
        table[o + 2] = this.hash[0]!;
        table[o + 3] = this.hash[1]!;
      }
      table[o + 1] = reader.line;
      table[o + 4] = this.group(checker.group);
      table[o + 5] = this.group(checker.rawGroup);
    }
    return {
      ...result,
      next: reader.position,
      newlines: reader.newlines,
      lineAfterRecord: reader.lineAfterRecord,
      count,
      table: table.subarray(0, count * width),
      names: this.takeNames(),
      ids: this.ids.slice(0, this.idBytes),
      caseIds,
      jsonAscii: this.grader.jsonAscii,
      json: this.grader.giveJson(),
    };
  }

  /**
   * A chunk's JSON the main thread has written, or a first-pass chunk's hashes: its buffer is used
   * again. None is dropped: there are never more than the chunks in flight at once, and freeing
   * one would raise glibc's mmap threshold (see CaseGrader's `json`).
   */
  recycle(spent: Spent): void {
    if ("hashes" in spent) {
      if (spent.hashes.buffer.byteLength > 0) this.spareHashes.push(new Int32Array(spent.hashes.buffer));
    } else this.grader.recycle(spent.json);
  }

  /** Hashes the checked record's id and keeps its bytes (one by one: a subarray a record was most of a worker's garbage); returns how many. */
  private keepId(buf: Uint8Array): number {
    const { checker } = this;
    const text = checker.idText;
    const length = text === undefined ? checker.idTo - checker.idFrom : Buffer.byteLength(text);
    if (this.idBytes + length > this.ids.length) {
      const wider = new Uint8Array(Math.max(this.ids.length * 2, this.idBytes + length));
      wider.set(this.ids.subarray(0, this.idBytes));
      this.ids = wider;
    }
    checker.hashSettledId(this.hash);
    if (text === undefined) for (let i = checker.idFrom, at = this.idBytes; i < checker.idTo; ) this.ids[at++] = buf[i++]!;
    else Buffer.from(this.ids.buffer, this.ids.byteOffset).write(text, this.idBytes, "utf8");
    this.idBytes += length;
    return length;
  }

  private takeNames(): string[] {
    const names = this.names;
    this.names = [];
    return names;
  }
}
