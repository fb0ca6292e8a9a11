// Preloaded with --import: on exit, writes this process's peak resident memory (KiB) to $AUDIT_TEST_PEAK_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.AUDIT_TEST_PEAK_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
