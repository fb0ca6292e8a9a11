import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { describeRubric } from "../../src/engine/rubric.js";

const RULE = `{ id: "bail-check", description: "bail had conditions", fields: ["bail_conditions"], evaluate: () => ({ rating: "good", findings: [] }) }`;

function workspace(config: unknown, plugins: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-plugins-"));
  mkdirSync(join(dir, "rules"));
  for (const [name, text] of Object.entries(plugins)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "audit.config.json"), JSON.stringify(config));
  return dir;
}

async function problems(config: unknown, plugins: Record<string, string>): Promise<readonly string[]> {
  const error = await loadConfig({ useConfig: true, cwd: workspace(config, plugins) }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe("plugins named by a config", () => {
  test("join the rubric after the built-in rules, on by default, named by their path", async () => {
    const cwd = workspace({ plugins: ["./rules/bail.mjs"] }, { "rules/bail.mjs": `export default ${RULE};` });
    const { rubric } = await loadConfig({ useConfig: true, cwd });
    const description = describeRubric(rubric);
    expect(description.rules.at(-1)).toEqual({ id: "bail-check", options: {}, critical: false, source: "./rules/bail.mjs" });
    expect(description.plugins).toEqual([{ path: "./rules/bail.mjs", ids: ["bail-check"], sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  test.each<[string, string]>([
    ["an array as the default export", `export default [${RULE}];`],
    ["named exports, ignoring what is not a rule", `export const bail = ${RULE}; export const VERSION = "1";`],
    ["an array of named rules", `export const rules = [${RULE}];`],
  ])("may offer rules as %s", async (_name, source) => {
    const cwd = workspace({ plugins: ["./rules/bail.mjs"] }, { "rules/bail.mjs": source });
    expect((await loadConfig({ useConfig: true, cwd })).rubric.rules.at(-1)!.rule.id).toBe("bail-check");
  });

  test("can be switched off, made critical and weighted like built-in rules", async () => {
    const config = { plugins: ["./rules/bail.mjs"], strategy: { name: "points", weights: { "bail-check": 3 }, critical: ["bail-check"] } };
    const cwd = workspace(config, { "rules/bail.mjs": `export default ${RULE};` });
    const rule = describeRubric((await loadConfig({ useConfig: true, cwd })).rubric).rules.at(-1);
    expect(rule).toMatchObject({ id: "bail-check", critical: true, weight: 3 });
    const off = workspace({ ...config, rules: { "bail-check": "off" }, strategy: "worst" }, { "rules/bail.mjs": `export default ${RULE};` });
    expect((await loadConfig({ useConfig: true, cwd: off })).rubric.rules.map((r) => r.rule.id)).not.toContain("bail-check");
  });

  test("a rule without options refuses options", async () => {
    const lines = await problems({ plugins: ["./rules/bail.mjs"], rules: { "bail-check": { strict: true } } }, { "rules/bail.mjs": `export default ${RULE};` });
    expect(lines).toEqual(["audit.config.json: rules.bail-check.strict: unknown option"]);
  });

  test("let columns map onto the extra fields their rules read", async () => {
    const cwd = workspace({ plugins: ["./rules/bail.mjs"], columns: { "Bail Conds": "bail_conditions" } }, { "rules/bail.mjs": `export default ${RULE};` });
    expect((await loadConfig({ useConfig: true, cwd })).mapping.columns).toEqual({ "Bail Conds": "bail_conditions" });
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ["a missing file", {}, /^plugins\[0\]: no such file "\.\/rules\/bail\.mjs" \(looked for .*rules\/bail\.mjs\)$/],
    ["a module that does not load", { "rules/bail.mjs": "export default {" }, /^plugins\[0\]: "\.\/rules\/bail\.mjs" failed to load: /],
    ["a module that throws", { "rules/bail.mjs": "throw new Error('needs a database');" }, /^plugins\[0\]: "\.\/rules\/bail\.mjs" failed to load: needs a database$/],
    ["no rule exported", { "rules/bail.mjs": "export const x = 1;" }, /^plugins\[0\]: "\.\/rules\/bail\.mjs" exports no rule; export default a rule or an array of rules$/],
    ["a rule without evaluate", { "rules/bail.mjs": 'export default { id: "bail-check", description: "d", fields: [] };' }, /^plugins\[0\]: rule "bail-check": evaluate: expected a function/],
    ["a rule id in capitals", { "rules/bail.mjs": `export default { ...${RULE}, id: "Bail" };` }, /^plugins\[0\]: rule "Bail": id: expected a rule id in lower-case-words-with-hyphens, got "Bail"$/],
    ["fields as a string", { "rules/bail.mjs": `export default { ...${RULE}, fields: "bail_conditions" };` }, /^plugins\[0\]: rule "bail-check": fields: expected an array of the field names the rule reads/],
    ["options that are not a schema", { "rules/bail.mjs": `export default { ...${RULE}, options: { strict: true } };` }, /^plugins\[0\]: rule "bail-check": options: expected a zod schema/],
    ["a built-in rule's id", { "rules/bail.mjs": `export default { ...${RULE}, id: "timeliness" };` }, /^plugins\[0\]: rule "timeliness": the id is taken by a built-in rule; choose another$/],
  ])("%s is reported against the plugin", async (_name, files, message) => {
    const lines = await problems({ plugins: ["./rules/bail.mjs"] }, files);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^audit\.config\.json: /, "")).toMatch(message);
  });

  test("two plugins with one id clash", async () => {
    const lines = await problems({ plugins: ["./a.mjs", "./b.mjs"] }, { "a.mjs": `export default ${RULE};`, "b.mjs": `export default ${RULE};` });
    expect(lines).toEqual(['audit.config.json: plugins[1]: rule "bail-check": the id is taken by plugins[0] (./a.mjs); choose another']);
  });
});

describe("a plugin option without a default", () => {
  const PLUGINS = fileURLToPath(new URL("plugins/", import.meta.url));
  const parse = (rules: unknown) => parseConfig({ plugins: ["./station-named.mjs"], rules }, PLUGINS, "audit.config.json");

  test("must be given in the config, or the rule switched off", async () => {
    const error = await parse({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(["audit.config.json: rules.station-named.stations: expected an array, got nothing"]);
    expect((await parse({ "station-named": "off" })).rubric.rules.map((r) => r.rule.id)).not.toContain("station-named");
  });

  test("given, it reaches the rule", async () => {
    const { rubric } = await parse({ "station-named": { stations: ["Central"] } });
    expect(rubric.rules.at(-1)!.options).toEqual({ stations: ["Central"] });
  });
});
