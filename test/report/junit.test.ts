import { describe, expect, test } from "vitest";
import type { TestCase, TestSuite } from "junit2json";
import { emptySummary } from "../../src/engine/summary.js";
import { junitReporter, xmlAttribute, xmlText } from "../../src/report/junit.js";
import { adequateRow, auditFile, auditRows, goodRow, HMIC, INVALID, poorRow, render } from "./audit-run.js";
import { junitSuites } from "./read-back.js";

const counts = (suite: { tests?: unknown; failures?: unknown; errors?: unknown }) => ({
  tests: Number(suite.tests),
  failures: Number(suite.failures),
  errors: Number(suite.errors),
});

const casesOf = (suites: TestSuite[]): TestCase[] => suites.flatMap((suite) => suite.testcase ?? []);

describe("junit reporter", () => {
  test.each([
    [HMIC, "inadequate"],
    [HMIC, "adequate"],
    [INVALID, "inadequate"],
    [INVALID, "adequate"],
  ] as const)("%s, failing on %s: a suite per group with the summary's counts", async (path, failOn) => {
    const run = await auditFile(path);
    const report = await junitSuites(render(junitReporter({ failOn }), run));
    const failures = (c: { inadequate: number; adequate: number }) => c.inadequate + (failOn === "adequate" ? c.adequate : 0);
    const suites = report.testsuite ?? [];
    expect(suites.map((suite) => suite.name)).toEqual(run.summary.groups.map((group) => group.name));
    expect(suites.map(counts)).toEqual(
      run.summary.groups.map((g) => ({ tests: g.graded + g.invalid, failures: failures(g), errors: g.invalid })),
    );
    const overall = run.summary.overall;
    expect(counts(report)).toEqual({ tests: overall.graded + overall.invalid, failures: failures(overall), errors: overall.invalid });
    suites.forEach((suite) => {
      const testcases = suite.testcase ?? [];
      expect(counts(suite)).toEqual({
        tests: testcases.length,
        failures: testcases.filter((c) => c.failure).length,
        errors: testcases.filter((c) => c.error).length,
      });
      expect(testcases.every((c) => c.classname === suite.name)).toBe(true);
    });
  });

  test("a failure's message lists the case's findings", async () => {
    const run = await auditRows([poorRow("A-1", "Avon").replace(",yes,", ",no,"), adequateRow("A-2", "Avon"), goodRow("A-3", "Avon")]);
    const [failure] = casesOf((await junitSuites(render(junitReporter({ failOn: "inadequate" }), run))).testsuite ?? []).flatMap(
      (c) => c.failure ?? [],
    );
    const findings = run.cases[0]!.rules.flatMap((rule) => rule.findings.map((f) => `${rule.id}: ${f.message}`));
    expect(findings).toHaveLength(2);
    expect(failure!.type).toBe("inadequate");
    for (const finding of findings) {
      expect(failure!.message).toContain(finding);
      expect(failure!.inner).toContain(finding);
    }
  });

  test.each([
    ["inadequate", { "A-1": "failure", "A-2": "pass", "A-3": "pass" }],
    ["adequate", { "A-1": "failure", "A-2": "failure", "A-3": "pass" }],
  ] as const)("failing on %s", async (failOn, expected) => {
    const run = await auditRows([poorRow("A-1", "Avon"), adequateRow("A-2", "Avon"), goodRow("A-3", "Avon")]);
    const testcases = casesOf((await junitSuites(render(junitReporter({ failOn }), run))).testsuite ?? []);
    expect(Object.fromEntries(testcases.map((c) => [c.name, c.failure ? "failure" : c.error ? "error" : "pass"]))).toEqual(expected);
  });

  test("invalid records are errors in their group's suite, named by case_id and line", async () => {
    const run = await auditFile(INVALID);
    const report = await junitSuites(render(junitReporter({ failOn: "inadequate" }), run));
    const errors = (report.testsuite ?? []).flatMap((suite) =>
      (suite.testcase ?? []).filter((c) => c.error).map((c) => ({ suite: suite.name, name: c.name, message: c.error![0]!.message })),
    );
    expect(errors).toEqual(
      run.invalid
        .map((r) => ({ suite: r.group, name: `${r.case_id} (line ${r.line})`, message: `${r.field}: ${r.reason}` }))
        .sort((a, b) => a.suite!.localeCompare(b.suite!, "en")),
    );
  });

  test("an invalid record without a case_id is named by its line", async () => {
    const run = await auditRows([",Avon,2015-07-01,,,,,,,,,,"]);
    const [testcase] = casesOf((await junitSuites(render(junitReporter({ failOn: "inadequate" }), run))).testsuite ?? []);
    expect(testcase!.name).toBe("line 2");
    expect(testcase!.error).toHaveLength(1);
  });

  test("an invalid record from a JSON array is named by its index", async () => {
    const reporter = junitReporter({ failOn: "inadequate" });
    const problem = { field: "reported_on", reason: "missing" };
    expect(reporter.invalid!({ index: 3, case_id: "A-1", group: "Avon", ...problem, errors: [problem] })).toBe("");
    expect(reporter.invalid!({ index: 4, group: "Avon", ...problem, errors: [problem] })).toBe("");
    const testcases = casesOf((await junitSuites(reporter.end(emptySummary(), (await auditRows([])).meta))).testsuite ?? []);
    expect(testcases.map((c) => c.name)).toEqual(["A-1 (index 3)", "index 4"]);
  });

  test("hostile names are escaped, and characters XML 1.0 forbids are dropped", async () => {
    const id = `<a href="x">&'\u0001\u001f\uFFFFok\u{1F600}`;
    const run = await auditRows([poorRow(`"${id.replace(/"/g, '""')}"`, '"Avon & <Somerset> ""Police"""')]);
    const xml = render(junitReporter({ failOn: "inadequate" }), run);
    expect(xml).not.toMatch(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    const [suite] = (await junitSuites(xml)).testsuite ?? [];
    expect(suite!.name).toBe('Avon & <Somerset> "Police"');
    expect(suite!.testcase![0]!.name).toBe(`<a href="x">&'ok\u{1F600}`);
  });

  test.each([
    ["markup", `<x a="1">&'`, "&lt;x a=&quot;1&quot;&gt;&amp;&apos;", "&lt;x a=\"1\"&gt;&amp;'"],
    ["line breaks and tabs", "a\r\nb\tc", "a&#13;&#10;b&#9;c", "a&#13;\nb\tc"],
    ["control characters", "a\u0000\u0008\u000b\u000c\u001fb", "ab", "ab"],
    ["non-characters and lone surrogates", "a\uFFFE\uFFFF\uDFFF\uD800b", "ab", "ab"],
    ["astral characters", "\u{1F600}", "\u{1F600}", "\u{1F600}"],
  ])("escapes %s", (_name, text, attribute, content) => {
    expect(xmlAttribute(text)).toBe(attribute);
    expect(xmlText(text)).toBe(content);
  });

  test("an empty run is an empty, well-formed report", async () => {
    const run = await auditRows([]);
    const xml = render(junitReporter({ failOn: "inadequate" }), run);
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="audit" tests="0" failures="0" errors="0">\n</testsuites>\n');
  });
});
