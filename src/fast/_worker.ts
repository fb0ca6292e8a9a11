import { parentPort, workerData } from "node:worker_threads";
import { ChunkProcessor, type ChunkSetup, type Spent } from "./_chunk.js";
import type { Task } from "./_pool.js";

const processor = new ChunkProcessor(workerData as ChunkSetup);
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
