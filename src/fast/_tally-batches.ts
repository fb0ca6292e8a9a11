import type { Summary } from "../engine/summary.js";
import type { Merger } from "./_merge.js";
import type { ChunkRunner } from "./_pool.js";
import type { ChunkTally } from "./_tally.js";

/** Merged chunks are tallied together once they hold this many records (16 jobs of the benchmark files, 3.5 MB of tables). */
const TALLY_RECORDS = 96 * 1024;

/**
 * Merged chunks, tallied on the workers a batch at a time and added to the run's summary in file
 * order. Each summary is a few hundred objects for this thread to take in, much of it kept past a
 * young-generation collection: batches keep them few (5M rows: peak RSS 244 → 236 MB).
 */
export class TallyBatches {
  private readonly batch: ChunkTally[] = [];
  private batched = 0;
  private readonly inFlight = new Set<Promise<Summary>>();
  /** Each batch's summary is added as soon as it and those before it have come, so that few are held. */
  private added = Promise.resolve();

  constructor(
    private readonly runner: ChunkRunner,
    private readonly merger: Merger,
  ) {}

  /** A merged chunk, in file order. */
  push(chunk: ChunkTally): void {
    this.batch.push(chunk);
    this.batched += chunk.count;
    if (this.batched >= TALLY_RECORDS) this.send();
  }

  /** Tallies what is left, and settles once every batch is in the run's summary. */
  async finish(): Promise<void> {
    this.send();
    await this.added;
  }

  /** Settles once no tally is running, whether the run ended or failed: the workers may then stop. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.inFlight);
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const [first, ...more] = this.batch.splice(0);
    this.batched = 0;
    const summary = this.runner.tally({ ...first!, more, apartKept: this.merger.apartKept });
    this.inFlight.add(summary);
    summary.then(
      () => this.inFlight.delete(summary),
      () => this.inFlight.delete(summary),
    );
    this.added = Promise.all([this.added, summary]).then(([, chunk]) => this.merger.add(chunk));
    this.added.catch(() => {});
  }
}
