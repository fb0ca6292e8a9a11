#!/usr/bin/env node
import { main } from "../dist/cli/main.js";
import { removeUnfinishedOutputs } from "../dist/cli/output.js";

process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// Stop at once, leaving no half-written report: 128 + the signal's number, as shells do.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    removeUnfinishedOutputs();
    process.exit(code);
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
