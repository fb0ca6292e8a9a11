import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { referenceRubric, rubricHash, type Rubric } from "../../src/engine/rubric.js";
import { emptySummary } from "../../src/engine/summary.js";
import { jsonReporter } from "../../src/report/json.js";
import { reportSchema } from "../../src/report/schema.js";
import type { ReportMeta } from "../../src/report/types.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

function report(rubric: Rubric) {
  const meta: ReportMeta = { toolVersion: "0.0.0-test", input: { name: "cases.csv", format: "csv" }, groupBy: "force", rubric };
  const reporter = jsonReporter();
  const text = (reporter.start?.(meta) ?? "") + reporter.end(emptySummary(), meta);
  return JSON.parse(text) as { rubric: { hash: string; strategy: unknown; rules: { id: string; source: string }[]; plugins: { path: string }[] } };
}

describe("the JSON report records the rubric it was graded with", () => {
  test("the reference rubric, with its hash, fits the published schema", () => {
    const head = report(referenceRubric());
    expect(reportSchema.safeParse(head).success).toBe(true);
    expect(head.rubric.strategy).toEqual({ name: "worst" });
    expect(head.rubric.hash).toBe(rubricHash(referenceRubric()));
  });

  test("a points rubric with plugins, their paths and the rules they add, fits the schema", async () => {
    const { rubric } = await loadConfig({ configPath: "audit.config.json", useConfig: true, cwd: EXAMPLES });
    const head = report(rubric);
    const checked = reportSchema.safeParse(head);
    expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    expect(head.rubric.strategy).toEqual({ name: "points", good: 1.75, adequate: 1 });
    expect(head.rubric.plugins.map((p) => p.path)).toEqual(["./no-bail-without-conditions.mjs", "./repeat-referrals.mjs"]);
    expect(head.rubric.rules.slice(-2).map((r) => [r.id, r.source])).toEqual([
      ["no-bail-without-conditions", "./no-bail-without-conditions.mjs"],
      ["repeat-referrals", "./repeat-referrals.mjs"],
    ]);
    expect(head.rubric.hash).not.toBe(rubricHash(referenceRubric()));
  });
});
