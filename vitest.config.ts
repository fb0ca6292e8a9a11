import { configDefaults, defineConfig } from "vitest/config";

/**
 * The suites that start the CLI, worker threads, a browser or another program (tsc, ESLint, a fixture
 * script), and the property suites that try thousands of generated inputs: slow, and the most loaded by
 * a busy machine. `npm run test:unit` leaves them out; `npm test` (and CI) runs everything.
 */
const SLOW = [
  "test/e2e/**/*.test.ts",
  "test/robustness/**/*.test.ts",
  "test/fast/threads.test.ts",
  "test/sample/read.test.ts",
  "test/config/cli.test.ts",
  "test/config/plugin-permission.test.ts",
  "test/report/report-rubric.test.ts",
  "test/fixtures.test.ts",
  "test/lint/boundaries.test.ts",
  "test/scripts/build.test.ts",
  "examples/online-exploitation/rubric.test.ts",
  "examples/repeat-referrals.test.ts",
  // Property suites and reads cut at every byte: each over 5 s on a loaded two-core machine.
  "test/engine/suppression.test.ts",
  "test/engine/case-json.test.ts",
  "test/fast/stray.test.ts",
  "test/fast/tokenizer.test.ts",
  "test/fast/differential*.test.ts",
  "test/fast/ids.test.ts",
  "test/rules/properties.test.ts",
  "test/input/check.test.ts",
];
/** Unit tests that replace a module (vi.mock): each needs a module graph of its own. */
const MOCKING = ["test/fast/spill.test.ts", "test/fast/spill-full-disk.test.ts", "test/run/spool.test.ts"];
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
      // Modules loaded once per worker, not once per file: a third of the unit tests' time went on loading them again.
      { test: { name: "unit", include: ALL, exclude: [...configDefaults.exclude, ...SLOW, ...MOCKING], isolate: false, ...LIMITS } },
      { test: { name: "unit-mocking", include: MOCKING, ...LIMITS } },
      { test: { name: "slow", include: SLOW, ...LIMITS } },
    ],
  },
});
