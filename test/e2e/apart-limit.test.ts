import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "audit-apart-limit-"));

/**
 * `count` cases the inspector graded good and the tool grades inadequate (no risk assessment recorded),
 * ids counting down in file order so that file order and id order differ, in two forces.
 */
function apartRows(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(9999 - i).padStart(4, "0")},${i % 3 ? "Avon" : "Kent"},2015-07-01,good`);
}

const HEADER = "case_id,force,reported_on,inspector_grade";
const write = (name: string, rows: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join("\n") + "\n");
  return path;
};

type Apart = { inspectorGoodToolInadequate: { case_id: string; group: string }[]; inspectorInadequateToolGood: unknown[]; limit: number };
type Report = { agreement: { overall: { matrix: number[][] }; apart: Apart } };

async function score(path: string): Promise<string> {
  const out = path.replace(/\.csv$/, ".json");
  const run = await runCli(["score", path, "-f", `json=${out}`, "-q"]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

const readReport = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Report;
const ids = (apart: Apart) => apart.inspectorGoodToolInadequate.map((c) => c.case_id).sort();

const a = apartRows("A", 600);
const b = apartRows("B", 800);
const [aJson, bJson, abJson, baJson] = await Promise.all([
  score(write("a.csv", a)),
  score(write("b.csv", b)),
  score(write("ab.csv", [...a, ...b])),
  score(write("ba.csv", [...b, ...a])),
]);

describe("the cases furthest apart, past 1,000 of them", () => {
  test("the report lists the first 1,000 in file order, says so, and the matrix counts them all", () => {
    const report = readReport(abJson);
    expect(report.agreement.overall.matrix[0]![2]).toBe(1400);
    expect(report.agreement.apart.limit).toBe(1000);
    expect(ids(report.agreement.apart)).toEqual([...a, ...b.slice(0, 400)].map((row) => row.split(",")[0]).sort());
    // Listed by group, then id.
    const listed = report.agreement.apart.inspectorGoodToolInadequate;
    expect(listed[0]).toEqual({ case_id: "A-9400", group: "Avon" });
    expect(listed.at(-1)!.group).toBe("Kent");
  });

  test("audit merge keeps the first 1,000 in the order the reports are given, as one run over them would", async () => {
    for (const [order, whole] of [[[aJson, bJson], abJson], [[bJson, aJson], baJson]] as const) {
      const run = await runCli(["merge", ...order]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).agreement).toEqual(readReport(whole).agreement);
    }
  });

  test("the HTML report counts them all and says where the first 1,000 are", async () => {
    const html = join(dir, "merged.html");
    expect((await runCli(["merge", aJson, bJson, "-f", `html=${html}`])).code).toBe(0);
    const text = readFileSync(html, "utf8");
    expect(text).toContain("Inspector good, audit inadequate (1400)");
    expect(text).toContain("… and 1350 more; the JSON report lists the first 1000 in file order.");
  });

  test("audit agree at a terminal counts them all and says where the first 1,000 are", async () => {
    const run = await runCli(["agree", join(dir, "ab.csv")]);
    expect(run.stdout).toContain("Inspector good, audit inadequate (1400):");
    expect(run.stdout).toContain("... and 1350 more (-f json lists the first 1000 in file order)");
  });
});
