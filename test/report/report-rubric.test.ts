import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/input/errors.js";
import { parseReport } from "../../src/report/read-report.js";
import type { Report } from "../../src/report/schema.js";
import { fixture, ROOT, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-report-rubric-"));
const POINTS = join(dir, "points.json");
writeFileSync(POINTS, JSON.stringify({ strategy: { name: "points", weights: { timeliness: 3 }, critical: ["child-first"] } }));

async function reportOf(file: string, ...config: string[]): Promise<string> {
  const run = await runCli(["score", file, "-f", "json", "-q", ...config]);
  expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
  return run.stdout;
}

/** Scored once, when first asked for. */
const once = (score: () => Promise<string>) => {
  let report: Promise<string> | undefined;
  return () => (report ??= score());
};

const RUBRICS: [string, () => Promise<string>][] = [
  ["the reference rubric", once(() => reportOf(fixture("hmic-2015.csv"), "--no-config"))],
  ["points, with a weight and a critical rule", once(() => reportOf(fixture("hmic-2015.csv"), "--config", POINTS))],
  ["rules written in the config", once(() => reportOf(join(ROOT, "examples/online-exploitation/cases.csv"), "--config", join(ROOT, "examples/online-exploitation/audit.config.yaml")))],
  ["plugin rules", once(() => reportOf(join(ROOT, "examples/cases.csv"), "--config", join(ROOT, "examples/audit.config.json")))],
];

const refusal = (text: string) => {
  const error = (() => {
    try {
      parseReport(text, "r.json");
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
};

describe("a report read back must be what its rubric gives", () => {
  test.each(RUBRICS)("a report as audit wrote it is read: %s", async (_name, report) => {
    expect(parseReport(await report(), "r.json").cases.length).toBeGreaterThan(0);
  });

  const tamper = async (change: (report: Report) => void) => {
    const report = JSON.parse(await RUBRICS[1]![1]()) as Report;
    change(report);
    return JSON.stringify(report);
  };

  test.each<[string, (report: Report) => void, string]>([
    ["an option changed in the rubric", (r) => void ((r.rubric.rules[1]!.options as { referral: { good: number } }).referral.good = 9), "its rubric does not match its hash"],
    ["a weight changed", (r) => void (r.rubric.rules.find((rule) => rule.id === "timeliness")!.weight = 1), "its rubric does not match its hash"],
    ["a rule dropped from the rubric", (r) => void r.rubric.rules.pop(), "its rubric does not match its hash"],
    ["a case's grade changed", (r) => void (r.cases[3]!.grade = r.cases[3]!.grade === "good" ? "inadequate" : "good"), "cases[3] is graded"],
    ["a rule dropped from a case", (r) => void r.cases[5]!.rules.pop(), "cases[5] is rated by rules other than its rubric's"],
    ["a case's rules reordered", (r) => void r.cases[0]!.rules.reverse(), "cases[0] is rated by rules other than its rubric's"],
    ["the breakdown's rules renamed", (r) => void (r.breakdown.groups[2]!.rules[0]!.id = "timeliness-2"), "its rule breakdown is by rules other than its rubric's"],
  ])("is refused, naming what does not match: %s", async (_name, change, message) => {
    expect(refusal(await tamper(change))).toMatch(new RegExp(`^r\\.json: ${message.replace(/[[\]]/g, "\\$&")}.*; the report was changed after audit wrote it`));
  });

  test("audit merge refuses the changed report: exit 2, one line, nothing written", async () => {
    const changed = join(dir, "changed.json");
    writeFileSync(changed, await tamper((r) => void (r.cases[3]!.grade = r.cases[3]!.grade === "good" ? "inadequate" : "good")));
    const other = join(dir, "other.json");
    writeFileSync(other, await reportOf(join(ROOT, "examples/cases.csv"), "--config", POINTS));
    const run = await runCli(["merge", other, changed]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe(`audit: ${changed}: cases[3] is graded ${JSON.parse(await RUBRICS[1]![1]()).cases[3].grade === "good" ? "inadequate" : "good"}, which its rubric does not give its ratings; the report was changed after audit wrote it (score the data again)\n`);
  });
});
