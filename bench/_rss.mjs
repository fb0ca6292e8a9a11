// Preloaded (node --import) into every timed process: writes its peak RSS in KiB to $AUDIT_BENCH_RSS on exit.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.AUDIT_BENCH_RSS) writeFileSync(process.env.AUDIT_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
