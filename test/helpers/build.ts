import type { TestProject } from "vitest/node";
import { build } from "../../scripts/build.mjs";

/**
 * Vitest's global setup: the end-to-end tests run `bin/audit.js` and the worker threads load `dist/`, so
 * `dist/` is rebuilt before any test runs whenever `src/` is newer (in watch mode, before each rerun too).
 * A build that fails stops the run.
 */
export default function setup(project: TestProject): void {
  build({ ifStale: true });
  project.onTestsRerun(() => void build({ ifStale: true }));
}
