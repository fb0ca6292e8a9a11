// Preloaded with --import: every module the process loads (its resolved URL) is appended to
// $AUDIT_TEST_IMPORTS_LOG, so that a test can say what a command does not load.
import { register } from "node:module";

register("./_record-imports-hooks.mjs", import.meta.url, { data: { log: process.env.AUDIT_TEST_IMPORTS_LOG } });
