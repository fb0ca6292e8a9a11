import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { csvRows, junitSuites, ndjsonLines } from "../report/read-back.js";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const LABELS = { good: "good", adequate: "requires improvement", inadequate: "inadequate" };

describe("grades: labels for display, keys for data", async () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-labels-"));
  const config = join(dir, "audit.config.yaml");
  writeFileSync(config, "grades:\n  adequate: requires improvement\n");
  const files = Object.fromEntries(["json", "ndjson", "csv", "markdown", "junit", "html", "html-cases"].map((format) => [format, join(dir, `report.${format}`)]));
  const run = await runCli(["score", HMIC, "--config", config, "-f", "table", ...Object.entries(files).flatMap(([f, p]) => ["-f", `${f}=${p}`])]);
  const read = (format: string) => readFileSync(files[format]!, "utf8");

  test("the table heads its column with the label", () => {
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^Force\s+Graded\s+Good\s+Requires improvement\s+Inadequate\s+Invalid/);
  });

  test("Markdown likewise", () => {
    expect(read("markdown")).toMatch(/^\| Force \| Graded \| Good \| Requires improvement \| Inadequate \| Invalid/m);
  });

  test("JUnit says the label in its messages, and keeps the key as the failure type", async () => {
    const suites = await junitSuites(read("junit"));
    const failures = (suites.testsuite ?? []).flatMap((suite) => (suite.testcase ?? []).flatMap((c) => c.failure ?? []));
    expect(failures.length).toBe(220);
    expect(failures.every((f) => f.type === "inadequate" && f.message?.startsWith("graded inadequate"))).toBe(true);
    expect(failures.some((f) => f.inner?.includes("(requires improvement)"))).toBe(true);
  });

  test("the HTML drill-down's grade filter, rule ratings and grade cells say the label", () => {
    const html = read("html-cases");
    expect(html).toContain('<option value="1">Requires improvement</option>');
    expect(html).toContain('<option value="a">requires improvement</option>');
    expect(html).toContain('"grades":["good","requires improvement","inadequate"]');
    expect(html).not.toMatch(/>Adequate<|"adequate"/);
  });

  test("HTML shows the label in the table, the chart's legend and the breakdown", () => {
    const html = read("html");
    expect(html.match(/Requires improvement/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/>Adequate</);
  });

  test("JSON keeps the keys, and records the labels in its rubric section", () => {
    const report = JSON.parse(read("json"));
    expect(report.rubric.grades).toEqual(LABELS);
    expect(report.cases.some((c: { grade: string }) => c.grade === "adequate")).toBe(true);
    expect(Object.keys(report.summary.overall)).toContain("adequate");
  });

  test("NDJSON and CSV keep the keys", () => {
    expect(ndjsonLines(read("ndjson")).some((line) => line.type === "case" && line.grade === "adequate")).toBe(true);
    expect(csvRows(read("csv")).some((row) => row.grade === "adequate")).toBe(true);
    expect(read("csv")).not.toContain("requires improvement");
  });
});

describe("audit agree speaks the labels", () => {
  test("in its matrix and its lists of cases furthest apart; its JSON records them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-labels-"));
    const config = join(dir, "audit.config.json");
    writeFileSync(config, JSON.stringify({ grades: { adequate: "requires improvement", inadequate: "not good enough" } }));
    const table = await runCli(["agree", HMIC, "--config", config]);
    expect(table.stdout).toMatch(/^Inspector \\ audit\s+Good\s+Requires improvement\s+Not good enough$/m);
    expect(table.stdout).toMatch(/^Inspector good, audit not good enough/m);
    const json = await runCli(["agree", HMIC, "--config", config, "-f", "json"]);
    expect(JSON.parse(json.stdout).rubric.grades).toEqual({ good: "good", adequate: "requires improvement", inadequate: "not good enough" });
  });
});
