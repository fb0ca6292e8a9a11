import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
    rmSync(out, { recursive: true, force: true });
  });

  /** The generator's run on a copy of itself and the rule folders, voice-of-child's fixture-defects.mjs replaced (or left out). */
  function generateWithVoiceOfChild(defects: string | undefined) {
    const root = mkdtempSync(join(tmpdir(), "audit-fixtures-copy-"));
    try {
      cpSync(join(ROOT, "fixtures", "make-fixtures.mjs"), join(root, "fixtures", "make-fixtures.mjs"));
      for (const helper of ["rule-pages.mjs", "seeded.mjs"]) cpSync(join(ROOT, "test", "helpers", helper), join(root, "test", "helpers", helper));
      cpSync(join(ROOT, "src", "rules"), join(root, "src", "rules"), { recursive: true });
      const module = join(root, "src", "rules", "voice-of-child", "fixture-defects.mjs");
      if (defects === undefined) rmSync(module);
      else writeFileSync(module, defects);
      symlinkSync(join(ROOT, "dist"), join(root, "dist"));
      const out = join(root, "out");
      mkdirSync(out);
      const run = spawnSync(process.execPath, [join(root, "fixtures", "make-fixtures.mjs"), out], { encoding: "utf8" });
      return { status: run.status, stderr: run.stderr, written: readdirSync(out) };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  test("stops, naming the file to write, when a rule's folder does not say what makes a case fall short of it", () => {
    expect(generateWithVoiceOfChild(undefined)).toEqual({
      status: 1,
      stderr: expect.stringContaining("src/rules/voice-of-child/fixture-defects.mjs is missing: write it to say what makes a case fall short of voice-of-child"),
      written: [],
    });
  });

  test("makes each new case good for a rule as the rule's `good` says, and checks it against the rule", () => {
    // A `good` that leaves the child's views unrecorded makes the first case designed good, aged 3 or more, adequate.
    const run = generateWithVoiceOfChild("export default () => ({ defects: {}, good: (c) => { c.child_views_recorded = false; } });\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/was designed good with \{\}, the engine graded it adequate with \{"voice-of-child":\["views-not-recorded"\]\}/);
  });
});
