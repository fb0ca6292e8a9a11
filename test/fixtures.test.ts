import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, ROOT } from "./helpers/run-cli.js";

// The bundled fixtures are generated (fixtures/make-fixtures.mjs, seeded) and checked against the engine as they
// are made: regenerating them must give the committed files byte for byte, or the engine and its fixtures have parted.
describe("fixtures/make-fixtures.mjs", () => {
  test("regenerates every generated fixture exactly as committed", () => {
    const out = mkdtempSync(join(tmpdir(), "audit-fixtures-"));
    execFileSync(process.execPath, [join(ROOT, "fixtures", "make-fixtures.mjs"), out], { cwd: ROOT, stdio: "pipe" });
    const made = ["hmic-2015.csv", "hmic-2015.json", "invalid.csv", "invalid.expected.json"];
    expect(readdirSync(out).sort()).toEqual([...made].sort());
    for (const name of made) expect({ name, same: readFileSync(join(out, name)).equals(readFileSync(fixture(name))) }).toEqual({ name, same: true });
  });
});
