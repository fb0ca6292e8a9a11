import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
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

  test("stops, naming the file to write, when a rule's folder does not say what makes a case fall short of it", () => {
    // A copy of the generator and the rule folders, voice-of-child's fixture-defects.mjs left out.
    const root = mkdtempSync(join(tmpdir(), "audit-fixtures-copy-"));
    try {
      cpSync(join(ROOT, "fixtures", "make-fixtures.mjs"), join(root, "fixtures", "make-fixtures.mjs"));
      for (const helper of ["rule-pages.mjs", "seeded.mjs"]) cpSync(join(ROOT, "test", "helpers", helper), join(root, "test", "helpers", helper));
      cpSync(join(ROOT, "src", "rules"), join(root, "src", "rules"), { recursive: true, filter: (path) => !path.endsWith(join("voice-of-child", "fixture-defects.mjs")) });
      symlinkSync(join(ROOT, "dist"), join(root, "dist"));
      const out = join(root, "out");
      mkdirSync(out);
      const run = spawnSync(process.execPath, [join(root, "fixtures", "make-fixtures.mjs"), out], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("src/rules/voice-of-child/fixture-defects.mjs is missing: write it to say what makes a case fall short of voice-of-child");
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
