import type { ChunkJob } from "./_jobs.js";
import type { RunResult } from "./_pool.js";

/**
 * Runs jobs, the next one and `ahead` more in flight, and hands each result to `take` in file order,
 * until it returns false. A job wholly before `position()` (its records read with the one before it)
 * is dropped; one whose guessed start is not where the one before it ended, or that gave up, is run
 * again from there: a wrong guess costs time, never a record. A result dropped goes to `drop`, so
 * that its buffers go back to its worker.
 */
export async function inFileOrder<R extends RunResult<{ first: number; gaveUp?: boolean }>>(
  jobs: readonly ChunkJob[],
  ahead: number,
  position: () => number,
  run: (job: ChunkJob) => Promise<R>,
  take: (done: R) => Promise<boolean>,
  drop: (done: R) => void,
): Promise<void> {
  const running = new Map<number, Promise<R>>();
  try {
    for (let k = 0, sent = 0; k < jobs.length; k++) {
      for (; sent < jobs.length && sent <= k + ahead; sent++) running.set(sent, run(jobs[sent]!));
      let done = await running.get(k)!;
      running.delete(k);
      const job = jobs[k]!;
      if (position() >= job.stop) {
        drop(done);
        continue;
      }
      const { first, gaveUp } = done.result;
      if (gaveUp || first !== position()) {
        drop(done);
        done = await run({ ...job, start: position(), known: true });
      }
      if (!(await take(done))) break;
    }
  } finally {
    await Promise.allSettled(running.values());
  }
}
