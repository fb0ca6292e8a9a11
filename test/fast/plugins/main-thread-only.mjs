// A plugin rule that loads on the main thread and nowhere else: a worker cannot make it again.
import { isMainThread } from "node:worker_threads";

if (!isMainThread) throw new Error("this module runs on the main thread only");

export default { id: "main-thread-only", description: "Loads on the main thread only", fields: [], evaluate: () => ({ rating: "good", findings: [] }) };
