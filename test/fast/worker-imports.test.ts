import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/** The packages a built module loads, itself or through the project's modules it imports (statically or not). */
function packagesLoaded(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const text = readFileSync(file, "utf8");
    // `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`.
    for (const [, spec] of text.matchAll(/(?:^(?:import|export)\b[^;]*?\bfrom\s*|^import\s*|\bimport\s*\(\s*)["']([^"']+)["']/gm)) {
      if (spec!.startsWith(".")) visit(resolve(dirname(file), spec!));
      else packages.add(spec!.split("/")[0]!);
    }
  };
  visit(resolve(DIST, entry));
  return { modules, packages };
}

test("worker threads load no zod: each would hold about 8 MB more (the rules come without their options schemas)", () => {
  const worker = packagesLoaded("fast/_worker.js");
  // The walk sees what a worker runs: the rules, the record check, csv-parse for damaged records.
  expect([...worker.modules].some((file) => file.endsWith("rules/timeliness/rule.js"))).toBe(true);
  expect([...worker.modules].some((file) => file.endsWith("input/check.js"))).toBe(true);
  expect(worker.packages).toContain("csv-parse");
  expect(worker.packages).not.toContain("zod");
  // The main thread parses options and configs with it, and the walk finds it there.
  expect(packagesLoaded("cli/main.js").packages).toContain("zod");
});
