import { configDefaults, defineConfig } from "vitest/config";

/**
 * The suites that start the CLI or worker threads: slow, and the most loaded by a busy machine.
 * `npm run test:unit` leaves them out; `npm test` (and CI) runs everything.
 */
const SLOW = ["test/e2e/**/*.test.ts", "test/robustness/**/*.test.ts", "test/fast/threads.test.ts", "test/sample/read.test.ts", "test/config/cli.test.ts"];
const ALL = ["test/**/*.test.ts", "src/**/*.test.ts", "examples/**/*.test.ts"];
/** Only there to catch a hang: on a loaded two-core machine a sound test (or its setup) can take minutes. */
const LIMITS = { testTimeout: 180_000, hookTimeout: 180_000 };

export default defineConfig({
  test: {
    // Once per run: builds dist/ if src/ is newer, then gives the run its own TMPDIR.
    globalSetup: ["test/helpers/build.ts", "test/helpers/temp-root.ts"],
    // Vitest's default leaves a core idle (cores - 1: one file at a time on CI's two). Most files wait on
    // a child process (the CLI) much of the time, so one file per core keeps both busy.
    maxWorkers: "100%",
    reporters: ["default", "json"],
    outputFile: { json: "test-artifacts/vitest.json" },
    // Not `extends: true`, which would run the global setup again for each project.
    projects: [
      { test: { name: "unit", include: ALL, exclude: [...configDefaults.exclude, ...SLOW], ...LIMITS } },
      { test: { name: "slow", include: SLOW, ...LIMITS } },
    ],
  },
});
