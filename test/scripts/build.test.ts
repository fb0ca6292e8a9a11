import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { build, isStale } from "../../scripts/build.mjs";

// The tests' global setup builds dist/ with build({ ifStale: true }) (test/helpers/build.ts): a stale
// dist/ would have the end-to-end tests and the worker threads run old code. Here on a small project,
// built once by the same script, and copied afresh for each check to change as it likes.

const template = mkdtempSync(join(tmpdir(), "audit-build-"));
let root = template;
const at = (...parts: string[]) => join(root, ...parts);
const write = (path: string, text: string) => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
};

/** Every file and folder of the project dated long ago, and the last build a minute ago: nothing is stale. */
function settle(folder = root): void {
  const old = new Date(Date.now() - 120_000);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) settle(join(folder, entry.name));
    utimesSync(join(folder, entry.name), old, old);
  }
  utimesSync(folder, old, old);
  if (folder === root) {
    const built = new Date(Date.now() - 60_000);
    utimesSync(at("dist", ".tsbuildinfo"), built, built);
  }
}

beforeAll(() => {
  write(at("tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["ES2022"], module: "NodeNext", strict: true, types: [], skipLibCheck: true } }));
  write(at("tsconfig.build.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { rootDir: "src", outDir: "dist", incremental: true, tsBuildInfoFile: "dist/.tsbuildinfo" }, include: ["src"], exclude: ["src/**/*.test.ts"] }));
  write(at("src", "main.ts"), 'export { kept } from "./deep/kept.js";\n');
  write(at("src", "deep", "kept.ts"), "export const kept = 1;\n");
  write(at("src", "deep", "gone.ts"), "export const gone = 2;\n");
  write(at("src", "deep", "kept.test.ts"), "export {};\n");
  write(at("src", "notes.md"), "notes\n");
  build({ root });
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "audit-build-"));
  cpSync(template, root, { recursive: true });
  settle();
});

afterAll(() => rmSync(template, { recursive: true, force: true }));

describe("dist/ counts as stale", () => {

  test("not after a build, with nothing changed since", () => {
    expect(isStale(root)).toBe(false);
  });

  test.each([
    ["a source edited, deep in a folder", () => writeFileSync(at("src", "deep", "kept.ts"), "export const kept = 3;\n")],
    ["a source added", () => write(at("src", "deep", "new.ts"), "export const added = 4;\n")],
    ["a source removed", () => unlinkSync(at("src", "deep", "gone.ts"))],
    ["a source renamed", () => renameSync(at("src", "deep", "gone.ts"), at("src", "deep", "moved.ts"))],
    ["a folder of sources removed", () => rmSync(at("src", "deep"), { recursive: true })],
    ["a tsconfig edited", () => writeFileSync(at("tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2023", module: "NodeNext", types: [] } }))],
    ["no build at all", () => unlinkSync(at("dist", ".tsbuildinfo"))],
  ])("after %s", (_name, change) => {
    change();
    expect(isStale(root)).toBe(true);
  });

  test.each([
    ["a test file edited (not compiled)", () => writeFileSync(at("src", "deep", "kept.test.ts"), "export const x = 1;\n")],
    ["a page that is not code edited", () => writeFileSync(at("src", "notes.md"), "more notes\n")],
  ])("not after %s", (_name, change) => {
    change();
    expect(isStale(root)).toBe(false);
  });
});

test("building when stale removes the output of a source removed or renamed, and keeps the rest", () => {
  renameSync(at("src", "deep", "gone.ts"), at("src", "deep", "moved.ts"));
  expect(existsSync(at("dist", "deep", "gone.js"))).toBe(true);
  build({ ifStale: true, root });
  expect(readdirSync(at("dist", "deep")).filter((name) => name.endsWith(".js")).sort()).toEqual(["kept.js", "moved.js"]);
  expect(existsSync(at("dist", "main.js"))).toBe(true);
  expect(isStale(root)).toBe(false);
});
