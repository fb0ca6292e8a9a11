#!/usr/bin/env node
import { main } from "../dist/cli/main.js";
import { handleProcessEvents } from "../dist/cli/process-events.js";

handleProcessEvents(process);

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
