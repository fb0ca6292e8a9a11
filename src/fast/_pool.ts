import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Summary } from "../engine/summary.js";
import { ConfigError } from "../errors.js";
import { ChunkProcessor } from "./_chunk.js";
import type { ChunkJob, ChunkResult, ChunkSetup, IdsResult, Spent } from "./_jobs.js";
import type { WireRubric } from "./_rubric.js";
import { tallyTransfers, type TallyJob } from "./_tally.js";

export interface RunResult<R = ChunkResult> {
  worker: number;
  result: R;
}

/** A job for a worker, and what it sends back. */
export type Task = { kind: "chunk"; job: ChunkJob } | { kind: "ids"; job: ChunkJob } | { kind: "tally"; job: TallyJob };

/** What a worker thread is started with: the rubric as plain data, which it makes again. */
export type WorkerSetup = Omit<ChunkSetup, "rubric"> & { rubric: WireRubric };

/** Runs jobs; `onResult` hears every chunk result as it arrives, in each worker's order. */
export interface ChunkRunner {
  /** Settles once every rule is loaded where the jobs run; rejects (ConfigError) if one cannot be. */
  ready(): Promise<void>;
  run(job: ChunkJob): Promise<RunResult>;
  /** The first pass over a chunk: its case_id hashes. */
  hashIds(job: ChunkJob): Promise<RunResult<IdsResult>>;
  tally(job: TallyJob): Promise<Summary>;
  /** Hands a merged chunk's JSON, or a first-pass chunk's hashes, back to the worker that wrote them, to write the next in. */
  recycle(worker: number, spent: Spent): void;
  close(): Promise<void>;
}

export type ResultListener = (worker: number, result: ChunkResult) => void;

/** Jobs run on the calling thread: for small files, and for tests of everything but the threads. */
export function inlineRunner(setup: ChunkSetup, onResult: ResultListener): ChunkRunner {
  const processor = new ChunkProcessor(setup);
  return {
    ready: async () => {},
    run: async (job) => {
      const result = processor.run(job);
      onResult(0, result);
      return { worker: 0, result };
    },
    hashIds: async (job) => ({ worker: 0, result: processor.hashIds(job) }),
    tally: async (job) => processor.tally(job),
    recycle: (_worker, spent) => processor.recycle(spent),
    close: async () => processor.close(),
  };
}

/** The compiled worker script; under a TypeScript test runner, the build's copy. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/fast/_worker.js", here) : new URL("./_worker.js", here);
}

type Answer =
  | { kind: "ready" }
  | { kind: "unloadable"; message: string }
  | { kind: "chunk"; result: ChunkResult }
  | { kind: "ids"; result: IdsResult }
  | { kind: "tally"; result: Summary };

interface Pending {
  task: Task;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A ceiling on a worker's old generation, in MB, or undefined to keep the default. Under a 2 GB ceiling V8
 * collects once the old generation has grown to about twice what the last full collection kept, not 4
 * times; a worker keeps about 12 MB, and what piles up between its collections (finished chunks' typed
 * arrays among it) is resident (1M rows: peak RSS 187 → 174 MB). Records near the size limit get room in
 * proportion; a lower default stays.
 */
function oldGenerationMb(maxRecordChars: number): number | undefined {
  const wanted = Math.max(1920, Math.ceil((maxRecordChars * 32) / 2 ** 20));
  return wanted < getHeapStatistics().heap_size_limit / 2 ** 20 ? wanted : undefined;
}

/** One worker thread per core, each taking the next job when it is free. */
export function threadRunner(setup: WorkerSetup, size: number, onResult: ResultListener): ChunkRunner {
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  let failure: unknown;
  let closing = false;
  // Jobs go to a worker once it has loaded the rubric's rules; the run starts once all have.
  let loading = size;
  let loaded!: () => void;
  let unloadable!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (unloadable = reject)));
  ready.catch(() => {});
  const fail = (error: unknown) => {
    failure ??= error;
    unloadable(failure);
    for (const pending of [...busy.values(), ...queue.splice(0)]) pending.reject(failure);
    busy.clear();
  };
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      const { task } = pending;
      // A tally job's arrays are the merger's to give away: moved, not copied.
      worker.postMessage(task, task.kind === "tally" ? tallyTransfers(task.job) : []);
    }
  };
  const oldGeneration = oldGenerationMb(setup.maxRecordChars);
  const workers = Array.from({ length: size }, (_, n) => {
    // A small young generation: what a chunk allocates dies young, and each isolate's heap counts in
    // the RSS (6 MB: 188 MB at 1M rows, against 210 MB with the default). JSON mode too: at 1M rows, 6, 16, 32
    // and 64 MB took the same time (10.6-11.0 s) and peaked at 209, 230, 266 and 322 MB; at 5M rows of JSON,
    // 4 MB took as long as 6 (33.7 s against 34.0) and peaked 8 MB lower; 3 MB cost twice the system time.
    const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: oldGeneration };
    // A plugin's module runs again in each worker: what it prints must not land in a report on stdout.
    const worker = new Worker(workerUrl(), { workerData: setup, resourceLimits, stdout: true });
    worker.stdout.resume();
    worker.on("message", (answer: Answer) => {
      if (answer.kind === "unloadable") return fail(new ConfigError([answer.message]));
      if (answer.kind === "ready") {
        idle.push(worker);
        if (--loading === 0) loaded();
        return dispatch();
      }
      const pending = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (answer.kind === "chunk") onResult(n, answer.result);
      pending?.resolve(answer.kind === "tally" ? answer.result : { worker: n, result: answer.result });
      dispatch();
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0 && !closing) fail(new Error(`a scoring worker stopped (exit code ${code})`));
    });
    return worker;
  });
  const submit = <T>(task: Task) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      dispatch();
    });
  return {
    ready: () => ready,
    run: (job) => submit<RunResult>({ kind: "chunk", job }),
    hashIds: (job) => submit<RunResult<IdsResult>>({ kind: "ids", job }),
    tally: (job) => submit<Summary>({ kind: "tally", job }),
    // Not a job: no answer comes back, and the worker takes it between jobs.
    recycle: (n, spent) => {
      const { buffer } = "hashes" in spent ? spent.hashes : spent.json;
      if (buffer.byteLength > 0 && !failure) workers[n]!.postMessage({ kind: "recycle", spent }, [buffer as ArrayBuffer]);
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
