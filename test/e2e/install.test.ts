import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { fixture, ROOT } from "../helpers/run-cli.js";

// The package as a user installs it: `npm pack`'s tarball, installed globally into a prefix of its
// own, run from a directory that is not the clone. It must carry everything it needs at run time.
// The install fetches the dependencies from npm's cache (filled by `npm ci`), else from the registry.
const dir = mkdtempSync(join(tmpdir(), "audit-install-"));
const tarballsBefore = readdirSync(ROOT).filter((name) => name.endsWith(".tgz"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(existsSync(dir)).toBe(false);
  expect(readdirSync(ROOT).filter((name) => name.endsWith(".tgz"))).toEqual(tarballsBefore);
});

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--no-update-notifier"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("audit installed from npm pack's tarball", () => {
  const prefix = join(dir, "prefix");
  const elsewhere = join(dir, "elsewhere");
  const audit = (args: string[]) => execFileSync(join(prefix, "bin", "audit"), args, { cwd: elsewhere, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  test("packs, installs into a prefix of its own, and runs from another directory", () => {
    // dist/ is built by the suite's setup; --ignore-scripts keeps pack from building it again under other tests.
    const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path);
    expect(files).toContain("bin/audit.js");
    expect(files).toContain("dist/cli/main.js");
    expect(files.filter((path) => /^(src|test|fixtures)\//.test(path))).toEqual([]);

    npm(["install", "--global", "--prefix", prefix, "--prefer-offline", "--ignore-scripts", join(dir, packed!.filename)], dir);
    mkdirSync(elsewhere);
    copyFileSync(fixture("hmic-2015.csv"), join(elsewhere, "cases.csv"));

    expect(audit(["--version"]).trim()).toBe(JSON.parse(npm(["pkg", "get", "version"], ROOT)));
    const summary = JSON.parse(audit(["score", "cases.csv", "-f", "json"])).summary.overall;
    expect(summary).toMatchObject({ graded: 576, good: 177, adequate: 179, inadequate: 220, invalid: 0 });
    expect(readdirSync(elsewhere)).toEqual(["cases.csv"]);
  });
});
