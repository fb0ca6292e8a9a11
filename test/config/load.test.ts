import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { ConfigError, EXIT } from "../../src/errors.js";

/** A fresh working directory holding the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-config-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).exitCode).toBe(EXIT.unusable);
  return error as ConfigError;
}

const OFF = JSON.stringify({ rules: { "voice-of-child": "off" } });
const activeIds = async (options: Parameters<typeof loadConfig>[0]) => (await loadConfig(options)).rubric.rules.map((r) => r.rule.id);

describe("finding the config", () => {
  test.each<[string, Record<string, string>]>([
    ["audit.config.json", { "audit.config.json": OFF }],
    ["audit.config.mjs", { "audit.config.mjs": `export default ${OFF};` }],
    ["audit.config.js", { "audit.config.js": `export default ${OFF};`, "package.json": '{"type":"module"}' }],
  ])("%s in the working directory is used (a JavaScript one with --allow-plugins)", async (name, files) => {
    const cwd = workspace(files);
    const loaded = await loadConfig({ useConfig: true, cwd, allowPlugins: true });
    expect(loaded.path).toBe(name);
    expect(loaded.rubric.rules.map((r) => r.rule.id)).not.toContain("voice-of-child");
  });

  test("no config file: the reference rubric", async () => {
    const loaded = await loadConfig({ useConfig: true, cwd: workspace({}) });
    expect(loaded.path).toBeUndefined();
    expect(loaded.rubric.rules).toHaveLength(5);
  });

  test("--no-config ignores the file, even a broken one", async () => {
    expect(await activeIds({ useConfig: false, cwd: workspace({ "audit.config.json": "{" }) })).toHaveLength(5);
  });

  test("--config names a file anywhere, relative to the working directory", async () => {
    const cwd = workspace({ "strict.json": OFF, "audit.config.json": "{}" });
    expect(await activeIds({ configPath: "strict.json", useConfig: true, cwd })).toHaveLength(4);
  });

  test.each<[string, Record<string, string>, string | undefined, RegExp]>([
    ["--config names a missing file", {}, "nope.json", /^nope\.json: no such config file$/],
    ["two config files", { "audit.config.json": "{}", "audit.config.mjs": "export default {};" }, undefined, /^found audit\.config\.json and audit\.config\.mjs; keep one/],
    ["JSON with a syntax error names the line and column", { "audit.config.json": '{\n  "rules": {\n    "timeliness": "off",\n  }\n}' }, undefined, /^audit\.config\.json:4:3: not valid JSON: /],
    ["a module without a default export", { "audit.config.mjs": "export const rules = {};" }, undefined, /^audit\.config\.mjs: has no default export/],
    ["a module that throws", { "audit.config.mjs": "throw new Error('boom');" }, undefined, /^audit\.config\.mjs: failed to load: boom$/],
    ["a config of another kind", { "rubric.toml": "[rules]" }, "rubric.toml", /^rubric\.toml: expected a \.json, \.yaml, \.mjs or \.js config file$/],
  ])("%s is an error", async (_name, files, configPath, message) => {
    const error = await failure(loadConfig({ configPath, useConfig: true, cwd: workspace(files), allowPlugins: true }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(message);
  });

  test("a JSON config runs nothing: its plugins are only paths until named", async () => {
    const cwd = workspace({ "audit.config.json": JSON.stringify({ rules: {}, columns: { "constructor": "case_id" } }) });
    expect((await loadConfig({ useConfig: true, cwd })).mapping.columns).toEqual({ constructor: "case_id" });
  });
});

describe("a key named __proto__, which JavaScript objects drop without a word", () => {
  test.each<[string, string, string[]]>([
    [
      "JSON, under columns and values, at two depths",
      '{ "values": { "__proto__": { "x": "y" }, "force": { "__proto__": "N" } }, "columns": { "__proto__": "force" } }',
      ["values.__proto__", "values.force.__proto__", "columns.__proto__"],
    ],
    ["JSON, inside a list", '{ "rules": { "child-first": "on" }, "plugins": [], "strategy": { "name": "worst", "critical": [{ "__proto__": 1 }] } }', ["strategy.critical[0].__proto__"]],
  ])("is an error naming where it is: %s", async (_name, text, where) => {
    const error = await failure(loadConfig({ useConfig: true, cwd: workspace({ "audit.config.json": text }) }));
    expect(error.problems).toEqual(where.map((path) => `audit.config.json: ${path}: a key named "__proto__" cannot be read; rename it`));
  });

  test("YAML, with the line it is on", async () => {
    const error = await failure(loadConfig({ useConfig: true, cwd: workspace({ "audit.config.yaml": "columns:\n  Force: force\n  __proto__: force\n" }) }));
    expect(error.problems).toEqual(['audit.config.yaml:3: columns.__proto__: a key named "__proto__" cannot be read; rename it']);
  });

  test("a JavaScript config that refers to itself is still checked, and ends", async () => {
    const cwd = workspace({ "audit.config.mjs": 'const c = { columns: { ["__proto__"]: "force" } }; c.self = c; export default c;' });
    const error = await failure(loadConfig({ useConfig: true, cwd, allowPlugins: true }));
    expect(error.problems[0]).toBe('audit.config.mjs: columns.__proto__: a key named "__proto__" cannot be read; rename it');
  });
});
