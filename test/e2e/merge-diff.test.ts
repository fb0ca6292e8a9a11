import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const dir = mkdtempSync(join(tmpdir(), "audit-merge-"));
const SECTIONS = ["summary", "breakdown", "agreement"] as const;

type Report = Record<string, unknown> & { cases: { case_id: string; group: string; grade: string }[]; input: { name: string } };

const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
const slug = (name: string) => name.replace(/\W+/g, "-");

/** Writes the fixture's rows for each force to its own CSV in the temporary directory; returns the paths by force. */
function splitByForce(): Map<string, string> {
  const [header, ...rows] = parse(readFileSync(HMIC), { bom: true }) as string[][];
  const force = header!.indexOf("force");
  const files = new Map<string, string[][]>();
  for (const row of rows) files.set(row[force]!, [...(files.get(row[force]!) ?? []), row]);
  const paths = new Map<string, string>();
  for (const [name, forceRows] of files) {
    const path = join(dir, `${slug(name)}.csv`);
    writeFileSync(path, [header!, ...forceRows].map((row) => row.map(cell).join(",")).join("\n") + "\n");
    paths.set(name, path);
  }
  return paths;
}

async function scoreTo(path: string, out: string, ...flags: string[]): Promise<string> {
  const run = await runCli(["score", path, "-f", `json=${out}`, "-q", ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Report;

async function validator() {
  const { stdout } = await runCli(["schema", "report"]);
  return new Ajv2020({ strict: false }).compile(JSON.parse(stdout));
}

const forces = splitByForce();
const wholePath = await scoreTo(HMIC, join(dir, "whole.json"));
const whole = readJson(wholePath);
const parts = await Promise.all([...forces].map(([name, path]) => scoreTo(path, join(dir, `${slug(name)}.json`))));

describe("audit merge", () => {
  const mergedPath = join(dir, "merged.json");
  const merging = runCli(["merge", ...parts, "-o", mergedPath]);

  test("per-force reports merge into exactly what scoring the union in one run gives", async () => {
    const run = await merging;
    expect(run.code, run.stderr).toBe(0);
    expect([run.stdout, run.stderr]).toEqual(["", ""]);
    const merged = readJson(mergedPath);
    for (const section of SECTIONS) expect({ section, value: merged[section] }).toEqual({ section, value: whole[section] });
    expect(merged.cases.map((c) => c.case_id).sort()).toEqual(whole.cases.map((c) => c.case_id).sort());
    expect(merged.input).toEqual({ name: parts.join(" + "), format: "merged" });
    expect(merged.sources).toHaveLength(8);
  });

  test("the merged report validates against the published schema, and merges and diffs again", async () => {
    await merging;
    const validate = await validator();
    const merged = readJson(mergedPath);
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true);

    const [first, second] = [join(dir, "first-half.json"), join(dir, "second-half.json")];
    expect((await runCli(["merge", ...parts.slice(0, 4), "-o", first])).code).toBe(0);
    expect((await runCli(["merge", ...parts.slice(4), "-o", second])).code).toBe(0);
    const again = await runCli(["merge", first, second]);
    expect(again.code, again.stderr).toBe(0);
    const halves = JSON.parse(again.stdout) as Report;
    for (const section of SECTIONS) expect(halves[section]).toEqual(whole[section]);
    expect(halves.sources).toEqual(merged.sources);

    const diff = await runCli(["diff", wholePath, mergedPath, "-f", "json"]);
    expect(diff.code, diff.stderr).toBe(0);
    const result = JSON.parse(diff.stdout);
    expect(result.cases).toMatchObject({ common: 576, onlyBefore: 0, onlyAfter: 0, changed: [] });
    expect(result.overall.grades.inadequate).toMatchObject({ before: 220 / 576, after: 220 / 576, change: 0 });
  });

  test("takes reports written before the lists of cases apart were capped (no `limit`): the merge is the same", async () => {
    const uncapped = await Promise.all(
      parts.map((path, i) => {
        const report = readJson(path) as Report & { agreement: { apart: { limit?: number } } };
        delete report.agreement.apart.limit;
        const copy = join(dir, `uncapped-${i}.json`);
        writeFileSync(copy, JSON.stringify(report));
        return copy;
      }),
    );
    const run = await runCli(["merge", ...uncapped]);
    expect(run.code, run.stderr).toBe(0);
    const merged = JSON.parse(run.stdout) as Report;
    for (const section of SECTIONS) expect(merged[section]).toEqual(whole[section]);
  });

  test("writes HTML, Markdown or a table from the merged counts", async () => {
    const html = join(dir, "merged.html");
    const run = await runCli(["merge", ...parts, "-f", `html=${html}`, "-f", "table"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Overall\s+576\s+177 \(30\.7%\)\s+179 \(31\.1%\)\s+220 \(38\.2%\)\s+0$/m);
    expect(readFileSync(html, "utf8")).toContain("576 cases graded");
  });

  const norfolk = parts.find((path) => path.endsWith("Norfolk.json"))!;
  const dyfed = parts.find((path) => path.endsWith("Dyfed-Powys.json"))!;
  const config = join(dir, "no-voice.json");
  writeFileSync(config, JSON.stringify({ rules: { "voice-of-child": "off" } }));

  test.each([
    ["overlapping case ids, named", async () => [wholePath, norfolk], /both hold case ids NFK-\d+, NFK-\d+, NFK-\d+, NFK-\d+, NFK-\d+ and 67 more/],
    ["a different rubric", async () => [dyfed, await scoreTo(forces.get("Norfolk")!, join(dir, "nfk-rubric.json"), "--config", config)], /graded with rubric sha256:.* only reports of one rubric/],
    ["a different grouping", async () => [dyfed, await scoreTo(forces.get("Norfolk")!, join(dir, "nfk-risk.json"), "--group-by", "risk_level")], /groups by risk_level but .* by force/],
    ["a suppressed report", async () => [dyfed, await scoreTo(forces.get("Norfolk")!, join(dir, "nfk-sup.json"), "--suppress-below", "5")], /written with --suppress-below/],
    ["a file that is not a report", async () => [dyfed, HMIC], /hmic-2015\.csv: not valid JSON/],
    ["an older report", async () => {
      const old = join(dir, "old.json");
      writeFileSync(old, JSON.stringify({ ...readJson(dyfed), schemaVersion: 1 }));
      return [old];
    }, /a schemaVersion 1 report; this audit reads 2/],
  ])("refuses %s: exit 2 and one line saying why", async (_name, inputs, message) => {
    const run = await runCli(["merge", ...(await inputs())]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe("audit diff", () => {
  const relaxed = scoreTo(HMIC, join(dir, "no-voice-whole.json"), "--config", join(dir, "no-voice.json"));

  test("per group, each grade's share before and after, the change with an interval, and the cases that moved", async () => {
    const after = await relaxed;
    const run = await runCli(["diff", wholePath, after, "-f", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff.before.rubricHash).not.toBe(diff.after.rubricHash);
    expect(diff.groups.map((g: { name: string }) => g.name)).toEqual([...forces.keys()].sort((a, b) => a.localeCompare(b, "en")));
    const good = diff.overall.grades.good;
    expect(good.before).toBeCloseTo(177 / 576, 12);
    expect(good.change).toBeGreaterThan(0);
    expect(good.interval.low).toBeLessThan(good.change);
    expect(good.interval.high).toBeGreaterThan(good.change);
    const moved = diff.cases.changed as { before: string; after: string }[];
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((c) => c.before === "adequate" && c.after === "good")).toBe(true);
    const transitions = diff.cases.transitions as number[][];
    expect(transitions.flat().reduce((a, b) => a + b, 0)).toBe(576);
    expect(transitions[1]![0]).toBe(moved.length);
  });

  test("the table says the rubrics differ and lists the changed cases", async () => {
    const run = await runCli(["diff", wholePath, await relaxed]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Graded with different rubrics");
    expect(run.stdout).toMatch(/^Overall\s+576 → 576\s+30\.7% → 34\.4% {2}\+3\.6 \[-1\.8, \+9\.0\]/m);
    expect(run.stdout).toMatch(/^ {2}\S+ \(.+\): adequate → good$/m);
  });

  test("reports of different case sets compare shares only; suppression withholds the changed cases", async () => {
    const disjoint = await runCli(["diff", parts[0]!, parts[1]!]);
    expect(disjoint.code).toBe(0);
    expect(disjoint.stdout).toContain("share no case id");
    const suppressed = await runCli(["diff", wholePath, await relaxed, "-f", "json", "--suppress-below", "10"]);
    expect(JSON.parse(suppressed.stdout).cases.changed).toBeNull();
  });

  test("refuses reports grouped differently", async () => {
    const byRisk = await scoreTo(HMIC, join(dir, "whole-risk.json"), "--group-by", "risk_level");
    const run = await runCli(["diff", wholePath, byRisk]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/groups by risk_level but .* by force/);
  });
});
