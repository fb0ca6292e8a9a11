import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import type { LoadConfigOptions } from "../../src/config/find.js";
import { loadConfig } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";
import { runCli } from "../helpers/run-cli.js";

/** A plugin that leaves a file named `ran-<name>` in its own folder when it is imported: proof that code ran. */
const plugin = (name: string) => `
import { writeFileSync } from "node:fs";
writeFileSync(new URL("./ran-${name}", import.meta.url), "");
export default { id: "${name}", description: "d", fields: [], evaluate: () => ({ rating: "good", findings: [] }) };
`;

/** A fresh folder `outside/` beside a project folder `project/`, each holding the given files. */
function layout(project: Record<string, string>, outside: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), "audit-permission-"));
  const write = (folder: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, folder, name)), { recursive: true });
      writeFileSync(join(root, folder, name), text);
    }
  };
  write("project", project);
  write("outside", outside);
  mkdirSync(join(root, "outside"), { recursive: true });
  return { root, cwd: join(root, "project"), ran: (path: string) => existsSync(join(root, path)) };
}

const config = (plugins: string[]) => JSON.stringify({ plugins });

async function refusal(options: LoadConfigOptions): Promise<readonly string[]> {
  const error = await loadConfig(options).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe("a config runs code from its own folder only, unless --allow-plugins", () => {
  test.each<[string, string]>([
    ["found in the working directory", "audit.config.json"],
    ["named with --config", "sub/audit.config.json"],
  ])("a plugin inside the config's folder runs, the config %s", async (_name, at) => {
    const folder = dirname(at);
    const paths = layout({ [at]: config(["./rules/a.mjs"]), [join(folder, "rules/a.mjs")]: plugin("a") });
    const loaded = await loadConfig({ useConfig: true, cwd: paths.cwd, configPath: folder === "." ? undefined : at });
    expect(loaded.rubric.rules.at(-1)!.rule.id).toBe("a");
    expect(paths.ran(join("project", folder, "rules/ran-a"))).toBe(true);
  });

  test.each<[string, (root: string) => string, RegExp]>([
    ["a path that climbs out", () => "../outside/a.mjs", /^audit\.config\.json: plugins\[0\]: "\.\.\/outside\/a\.mjs" is outside the config's folder; audit runs code from outside the config's folder only with --allow-plugins$/],
    ["an absolute path", (root) => join(root, "outside/a.mjs"), /^audit\.config\.json: plugins\[0\]: ".*\/outside\/a\.mjs" is an absolute path; audit runs code/],
    ["an absolute path into the config's own folder", (root) => join(root, "project/a.mjs"), /^audit\.config\.json: plugins\[0\]: ".*\/project\/a\.mjs" is an absolute path; /],
    ["a link inside that leads outside", () => "./link.mjs", /^audit\.config\.json: plugins\[0\]: "\.\/link\.mjs" is a link that leads out of the config's folder \(to .*\/outside\/a\.mjs\); /],
  ])("%s is refused and not run, whether the config was found or named; --allow-plugins runs it", async (_name, pathOf, message) => {
    const paths = layout({ "a.mjs": plugin("a") }, { "a.mjs": plugin("a") });
    symlinkSync(join(paths.root, "outside/a.mjs"), join(paths.cwd, "link.mjs"));
    writeFileSync(join(paths.cwd, "audit.config.json"), config([pathOf(paths.root)]));
    for (const configPath of [undefined, "audit.config.json"]) {
      const problems = await refusal({ useConfig: true, cwd: paths.cwd, configPath });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
      expect(paths.ran("outside/ran-a") || paths.ran("project/ran-a")).toBe(false);
    }
    const allowed = await loadConfig({ useConfig: true, cwd: paths.cwd, allowPlugins: true });
    expect(allowed.rubric.rules.at(-1)!.rule.id).toBe("a");
  });

  test("one plugin refused: none is loaded, not even those inside", async () => {
    const paths = layout({ "audit.config.json": config(["./a.mjs", "../outside/b.mjs"]), "a.mjs": plugin("a") }, { "b.mjs": plugin("b") });
    const problems = await refusal({ useConfig: true, cwd: paths.cwd });
    expect(problems).toEqual([expect.stringMatching(/^audit\.config\.json: plugins\[1\]: "\.\.\/outside\/b\.mjs" is outside/)]);
    expect(paths.ran("project/ran-a")).toBe(false);
    expect(paths.ran("outside/ran-b")).toBe(false);
  });
});

describe("a JavaScript config is code", () => {
  const files = { "audit.config.mjs": `import "./marker.mjs"; export default {};`, "marker.mjs": `import { writeFileSync } from "node:fs"; writeFileSync(new URL("./ran-config", import.meta.url), "");` };

  test("found in the working directory, it is not run without --allow-plugins", async () => {
    const paths = layout(files);
    expect(await refusal({ useConfig: true, cwd: paths.cwd })).toEqual([
      "audit.config.mjs: a JavaScript config is code; audit runs one it finds only when named (--config audit.config.mjs) or with --allow-plugins",
    ]);
    expect(paths.ran("project/ran-config")).toBe(false);
  });

  test.each<[string, Partial<LoadConfigOptions>]>([
    ["named with --config", { configPath: "audit.config.mjs" }],
    ["found, with --allow-plugins", { allowPlugins: true }],
  ])("%s, it runs", async (_name, options) => {
    const paths = layout(files);
    expect((await loadConfig({ useConfig: true, cwd: paths.cwd, ...options })).path).toBe("audit.config.mjs");
    expect(paths.ran("project/ran-config")).toBe(true);
  });
});

describe("audit config and audit rules say what code a config runs, and run none without permission", () => {
  test("each plugin with its hash, and the JavaScript config itself", async () => {
    const paths = layout({ "audit.config.json": config(["./rules/a.mjs"]), "rules/a.mjs": plugin("a"), "js.config.mjs": "export default {};" });
    const checked = await runCli(["config"], { cwd: paths.cwd });
    expect(checked.code).toBe(0);
    expect(checked.stdout.split("\n")[1]).toMatch(/^runs code: \.\/rules\/a\.mjs \(rules a; sha256 [0-9a-f]{64}\)$/);
    const listed = await runCli(["rules"], { cwd: paths.cwd });
    expect(listed.stdout).toMatch(/^runs code: \.\/rules\/a\.mjs \(rules a; sha256 [0-9a-f]{64}\)$/m);
    const js = await runCli(["config", "--config", "js.config.mjs"], { cwd: paths.cwd });
    expect(js.stdout.split("\n")[1]).toBe("runs code: js.config.mjs (the config itself is JavaScript)");
    expect((await runCli(["config", "--no-config"], { cwd: paths.cwd })).stdout.split("\n")[1]).toBe("runs no code");
  });

  test.each([["config"], ["rules"], ["score", "cases.csv"]])("audit %s: a plugin outside is named, refused (exit 2) and not run", async (...args) => {
    const paths = layout({ "audit.config.json": config(["../outside/b.mjs"]), "cases.csv": "case_id,force,reported_on\nA,N,2015-07-02\n" }, { "b.mjs": plugin("b") });
    const run = await runCli(args, { cwd: paths.cwd });
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(/^audit: audit\.config\.json: plugins\[0\]: "\.\.\/outside\/b\.mjs" is outside the config's folder; .* --allow-plugins\n$/);
    expect(paths.ran("outside/ran-b")).toBe(false);
    const allowed = await runCli([...args, "--allow-plugins"], { cwd: paths.cwd });
    expect(allowed.code).toBe(0);
    expect(paths.ran("outside/ran-b")).toBe(true);
  });
});
