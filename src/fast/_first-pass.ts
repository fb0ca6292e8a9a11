import type { ChunkJob } from "./_jobs.js";
import type { IdRegistry } from "../input/case-ids.js";
import { inFileOrder } from "./_in-order.js";
import type { ChunkRunner } from "./_pool.js";
import { HashSpill } from "./_spill.js";

/**
 * Files of more records than this (as their first 256 KiB suggest) are read twice, a first pass finding
 * the case_ids that recur: past it a table of every id would pass 16 MB, and the first pass costs about
 * a fifth of a run with table output. The benchmark's 1M-row file is read once, its 5M-row file twice.
 */
const FIRST_PASS_RECORDS = 1_500_000;

/** Whether a file of `size` bytes that begins with `head` is read twice, from about `fromRecords` records. */
export function wantsFirstPass(head: Buffer, size: number, fromRecords = FIRST_PASS_RECORDS): boolean {
  return estimateRecords(head, size) >= fromRecords;
}

/**
 * The first pass: every record's case_id hash, spilled to disk a part at a time, and the table of
 * those that recur, which is all the second pass keeps of ids. It reads the file's records but not
 * their values: about a fifth of a run with table output, a tenth with a JSON report (5M rows).
 */
export async function recurringIds(
  jobs: readonly ChunkJob[],
  ahead: number,
  from: number,
  runner: ChunkRunner,
  onProgress: (bytes: number) => void,
): Promise<IdRegistry> {
  const spill = new HashSpill();
  let position = from;
  try {
    await inFileOrder(
      jobs,
      ahead,
      () => position,
      (job) => runner.hashIds(job),
      async ({ worker, result }) => {
        spill.add(result.hashes);
        runner.recycle(worker, { hashes: result.hashes });
        position = result.next;
        onProgress(position);
        // Records after a CSV error that stops the run are never claimed.
        return !result.failed;
      },
      ({ worker, result }) => runner.recycle(worker, { hashes: result.hashes }),
    );
    return spill.recurring();
  } finally {
    spill.close();
  }
}

/** About how many records a file of `size` bytes holds, from the lines of its first bytes. */
function estimateRecords(head: Buffer, size: number): number {
  let lines = 0;
  for (let at = head.indexOf(0x0a); at !== -1; at = head.indexOf(0x0a, at + 1)) lines++;
  return head.length === 0 ? 0 : Math.round((size * Math.max(1, lines)) / head.length);
}
