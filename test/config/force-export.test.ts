import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { guessConfig, writeStarterConfig } from "../../src/config/init.js";
import type { LoadConfigOptions } from "../../src/config/find.js";
import { loadConfig } from "../../src/config/load.js";
import { runAudit } from "../../src/engine/run.js";
import type { CaseResult } from "../../src/engine/score.js";
import { readCases } from "../../src/input/read.js";
import { fixture, ROOT } from "../helpers/run-cli.js";

async function grade(file: string, options: LoadConfigOptions) {
  const { rubric, mapping } = await loadConfig(options);
  const cases: CaseResult[] = [];
  const summary = await runAudit(readCases(file, { mapping }), rubric, { case: (r) => void cases.push(r), invalid: () => {} });
  return { cases, summary };
}

describe("a force's own export, with its config, grades exactly as the HMIC fixture", async () => {
  const reference = await grade(fixture("hmic-2015.csv"), { useConfig: false, cwd: ROOT });
  const EXPORT = fixture("force-export/export.csv");

  test("the reference: 576 cases, 177 / 179 / 220", () => {
    expect(reference.summary.overall).toEqual({ graded: 576, good: 177, adequate: 179, inadequate: 220, invalid: 0 });
  });

  test("fixtures/force-export/audit.config.json: the same results, case by case, finding by finding", async () => {
    const run = await grade(EXPORT, { configPath: "fixtures/force-export/audit.config.json", useConfig: true, cwd: ROOT });
    expect(run.summary).toEqual(reference.summary);
    expect(run.cases).toEqual(reference.cases);
  });

  test("without its config the export cannot be read", async () => {
    await expect(grade(EXPORT, { useConfig: false, cwd: ROOT })).rejects.toThrow(
      `${EXPORT}: missing required columns "case_id" (closest: "Crime Reference"), "force" (closest: "Force Name"), ` +
        `"reported_on" (closest: "Date Reported"); run: audit init --from ${EXPORT}`,
    );
  });

  test("the config `audit init` guesses from the export grades it the same", async () => {
    const guessed = await guessConfig(EXPORT);
    expect(guessed.unplaced).toEqual([{ header: "Officer In Case Team" }, { header: "Station" }, { header: "Date Extracted" }]);
    expect(guessed.rows).toBe(576);
    expect(guessed.fields.map((finding) => finding.toFill)).toEqual([0, 0, 0]);
    expect(guessed.missing).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "audit-init-"));
    await writeStarterConfig(guessed, "audit.config.json", dir);
    const run = await grade(EXPORT, { useConfig: true, cwd: dir });
    expect(run.cases).toEqual(reference.cases);
  });
});
