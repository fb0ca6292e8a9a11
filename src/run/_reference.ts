import { runAudit } from "../engine/run.js";
import type { Summary } from "../engine/summary.js";
import { readCases } from "../input/read.js";
import type { Settled } from "./score.js";

/** The reference pipeline, for inputs the fast path does not take: records read as a stream, graded one by one. */
export async function referenceScore(path: string, options: Settled): Promise<Summary> {
  let records = 0;
  const counted = () => {
    if (++records % 1024 === 0) options.onProgress?.({ records });
  };
  const { format, delimiter, sheet, mapping, stdin, warn, maxFieldBytes, maxColumns, expectedColumns, onOpen, groupBy } = options;
  const items = readCases(path, { format, delimiter, sheet, mapping, stdin, warn, maxFieldBytes, maxColumns, expectedColumns, onOpen, groupBy });
  return runAudit(
    items,
    options.rubric,
    {
      explain: options.wantCases,
      case: async (result) => {
        counted();
        if (!options.wantCases) return;
        // Each form made only for a sink that takes it.
        const json = options.onCaseJsonBytes || options.onCaseJson ? JSON.stringify(result) : "";
        if (options.onCaseJsonBytes) {
          const bytes = Buffer.from(json);
          await options.onCaseJsonBytes(bytes, 0, bytes.length);
        }
        await options.onCaseJson?.(json);
        await options.onCase?.(result);
      },
      invalid: async (record) => {
        counted();
        await options.onInvalid?.(record);
      },
    },
    groupBy,
  );
}
