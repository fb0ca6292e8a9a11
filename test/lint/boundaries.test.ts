import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

/** The project's own lint config, applied to one imagined file. */
const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("npm run lint keeps the folders' directions", () => {
  test.each([
    ["a rule imports the engine", "src/rules/timeliness.ts", "../engine/grade.js", "src/rules may not import src/engine"],
    ["a rule in its own folder imports the engine", "src/rules/timeliness/rule.ts", "../../engine/grade.js", "src/rules may not import src/engine"],
    ["a rule imports a report", "src/rules/timeliness.ts", "../report/json.js", "src/rules may not import src/report"],
    ["a rule imports the CLI", "src/rules/timeliness.ts", "../cli/main.js", "src/rules may not import src/cli"],
    ["a report imports the CLI", "src/report/json.ts", "../cli/output.js", "src/report may not import src/cli"],
    ["the statistics import the engine", "src/stats/wilson.ts", "../engine/summary.js", "src/stats may not import src/engine"],
    ["the engine imports the fast path", "src/engine/run.ts", "../fast/index.js", "src/engine may not import src/fast"],
    ["the fast path imports the reference pipeline", "src/fast/_chunk.ts", "../engine/run.js", "src/fast may not import src/engine/run"],
    ["the fast path imports the routing of a run", "src/fast/index.ts", "../run/score.js", "src/fast may not import src/run"],
    ["the engine imports the routing of a run", "src/engine/run.ts", "../run/score.js", "src/engine may not import src/run"],
    ["a report imports the routing of a run", "src/report/json.ts", "../run/score.js", "src/report may not import src/run"],
    ["the package entry imports the routing of a run", "src/index.ts", "./run/score.js", "src/ may not import src/run"],
    ["the config imports the CLI", "src/config/load.ts", "../cli/errors.js", "src/config may not import src/cli"],
    ["the fast path imports the CLI", "src/fast/_pool.ts", "../cli/progress.js", "src/fast may not import src/cli"],
    ["the package entry imports the CLI", "src/index.ts", "./cli/main.js", "src/ may not import src/cli"],
  ])("refuses: %s", async (_name, file, specifier, message) => {
    const messages = await restrictedImports(file, specifier);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  test.each([
    ["the engine imports a rule", "src/engine/grade.ts", "../rules/index.js"],
    ["the fast path imports the engine", "src/fast/_chunk.ts", "../engine/grade.js"],
    ["the fast path imports the engine's invalid records", "src/fast/_chunk.ts", "../engine/invalid.js"],
    ["the CLI starts a run", "src/cli/commands/score.ts", "../../run/score.js"],
    ["the sample starts a run", "src/sample/read.ts", "../run/score.js"],
    ["the routing takes the fast path", "src/run/score.ts", "../fast/index.js"],
    ["the routing takes the reference pipeline", "src/run/_reference.ts", "../engine/run.js"],
    ["the config imports the shared errors", "src/config/load.ts", "../errors.js"],
    ["a rule imports a sibling", "src/rules/timeliness.ts", "./_delay.js"],
  ])("allows: %s", async (_name, file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });
});
