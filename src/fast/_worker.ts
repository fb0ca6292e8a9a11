import { parentPort, workerData } from "node:worker_threads";
import { ChunkProcessor } from "./_chunk.js";
import type { Spent } from "./_jobs.js";
import type { Task, WorkerSetup } from "./_pool.js";
import { rubricFromWire, UnloadableRule } from "./_rubric.js";

const { rubric, ...setup } = workerData as WorkerSetup;
let processor: ChunkProcessor;
try {
  processor = new ChunkProcessor({ ...setup, rubric: await rubricFromWire(rubric) });
  parentPort!.postMessage({ kind: "ready" });
} catch (error) {
  if (!(error instanceof UnloadableRule)) throw error;
  parentPort!.postMessage({ kind: "unloadable", message: error.message });
}

parentPort!.on("message", (task: Task | { kind: "recycle"; spent: Spent }) => {
  if (task.kind === "recycle") return processor.recycle(task.spent);
  if (task.kind === "tally") {
    parentPort!.postMessage({ kind: "tally", result: processor.tally(task.job) });
    return;
  }
  if (task.kind === "ids") {
    const result = processor.hashIds(task.job);
    parentPort!.postMessage({ kind: "ids", result }, [result.hashes.buffer as ArrayBuffer]);
    return;
  }
  const result = processor.run(task.job);
  parentPort!.postMessage({ kind: "chunk", result }, [result.table.buffer as ArrayBuffer, result.json.buffer as ArrayBuffer, result.ids.buffer as ArrayBuffer]);
});
