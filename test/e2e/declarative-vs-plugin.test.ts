import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { MEDICAL_ADVICE } from "../helpers/medical-advice.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const PLUGIN = fileURLToPath(new URL("../config/plugins/medical-advice.mjs", import.meta.url));

interface Report {
  rubric: { rules: { id: string; source: string }[] };
  cases: { case_id: string; grade: string; rules: { id: string; rating: string; findings: { code: string }[] }[] }[];
  [section: string]: unknown;
}

test("a rule written in the config and a JavaScript plugin rule of the same logic give the same report on 10,000 random cases", async () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-same-rule-"));
  const cases = join(dir, "cases.csv");
  execFileSync(process.execPath, ["bench/generate.mjs", "10000", cases, "--seed", "16"], { cwd: ROOT });
  const configs = {
    written: { rules: { "medical-advice": MEDICAL_ADVICE } },
    plugin: { plugins: [PLUGIN] },
  };
  const reports: Record<string, Report> = {};
  for (const [name, config] of Object.entries(configs)) {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(config));
    // The plugin lies outside the config's folder, so running it needs --allow-plugins.
    const run = await runCli(["score", cases, "--config", file, "--allow-plugins", "-f", "json", "-q"]);
    expect(run.code, run.stderr).not.toBe(2);
    reports[name] = JSON.parse(run.stdout) as Report;
  }
  const { written, plugin } = reports as { written: Report; plugin: Report };
  expect(written.rubric.rules.at(-1)).toMatchObject({ id: "medical-advice", source: "config" });
  expect(plugin.rubric.rules.at(-1)).toMatchObject({ id: "medical-advice", source: PLUGIN });
  // Everything but the rubric each report records: every case, rating, finding and message, and every table.
  const { rubric: _w, ...writtenRest } = written;
  const { rubric: _p, ...pluginRest } = plugin;
  expect(writtenRest).toEqual(pluginRest);
  // The comparison means something only if the rule rated the cases every way, with every finding.
  const outcomes = new Set(written.cases.flatMap((c) => c.rules.filter((r) => r.id === "medical-advice").map((r) => [r.rating, ...r.findings.map((f) => f.code)].join(":"))));
  expect([...outcomes].sort()).toEqual(["adequate:late-strategy", "adequate:not-recorded", "good", "inadequate:no-doctor", "n/a"]);
}, 120_000);
