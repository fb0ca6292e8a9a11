import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const dir = () => mkdtempSync(join(tmpdir(), "audit-sample-"));
const KEY = { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };

/** A CSV without quoted cells, as header → value records. */
const records = (csv: string) => {
  const [header, ...rows] = csv.trimEnd().split("\r\n").map((line) => line.split(","));
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
};

async function schema(name: string) {
  const { stdout } = await runCli(["schema", name]);
  return new Ajv2020({ strict: false }).compile(JSON.parse(stdout));
}

describe("audit sample: the draw", () => {
  test("a seed draws the same sample every time: for seed 2015, two cases per force", async () => {
    const [first, second] = await Promise.all([1, 2].map(() => runCli(["sample", HMIC, "--per-group", "2", "--seed", "2015"])));
    expect(first!.code, first!.stderr).toBe(0);
    expect(second!.stdout).toBe(first!.stdout);
    // Pinned: a sample drawn with this seed by any version of audit, on any machine, is this one.
    expect(records(first!.stdout).map((r) => r.case_id)).toEqual([
      "DYP-0052", "DYP-0068", "GMP-0002", "GMP-0005", "NFK-0008", "NFK-0046", "NOT-0011", "NOT-0019",
      "SYP-0034", "SYP-0036", "WMC-0036", "WMC-0072", "WMP-0014", "WMP-0064", "WYP-0021", "WYP-0036",
    ]);
    expect(records(first!.stdout)[0]).toEqual({ case_id: "DYP-0052", sample_group: "Dyfed-Powys", sample_stratum: "all", sample_probability: String(2 / 72), sample_weight: "36" });
  });

  test("without --seed one is chosen, printed, and recorded in the design file; giving it draws the sample again", async () => {
    const out = dir();
    const run = await runCli(["sample", HMIC, "--per-group", "3", "-o", join(out, "s.csv")]);
    expect(run.code, run.stderr).toBe(0);
    const seed = /seed (\d+) \(chosen at random; --seed \1 draws this sample again\)/.exec(run.stderr)?.[1];
    expect(seed).toBeDefined();
    const design = JSON.parse(readFileSync(join(out, "s.design.json"), "utf8"));
    expect(design.design.seed).toBe(Number(seed));
    const again = await runCli(["sample", HMIC, "--per-group", "3", "--seed", seed!]);
    expect(again.stdout).toBe(readFileSync(join(out, "s.csv"), "utf8"));
  });

  test("-f json: the design and the cases, valid against audit schema sample; the design file against sample-design", async () => {
    const out = dir();
    const args = ["sample", HMIC, "--total", "50", "--stratify", "grade", "--oversample", "inadequate=2", "--seed", "9"];
    const run = await runCli([...args, "-f", "json", "-f", `csv=${join(out, "s.csv")}`]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const validate = await schema("sample");
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const designFile = JSON.parse(readFileSync(join(out, "s.design.json"), "utf8"));
    const validateDesign = await schema("sample-design");
    expect(validateDesign(designFile), JSON.stringify(validateDesign.errors)).toBe(true);
    const { cases, ...withoutCases } = report;
    expect(designFile).toEqual(withoutCases);
    // Exactly the total, shared in proportion (eight forces of 72: 7, 7 and six of 6), each force's weights summing to its 72.
    expect(cases).toHaveLength(50);
    expect(report.design.groups.map((g: { sample: number }) => g.sample)).toEqual([7, 7, 6, 6, 6, 6, 6, 6]);
    for (const group of report.design.groups) {
      const mine = cases.filter((c: { group: string }) => c.group === group.name);
      expect(mine.reduce((sum: number, c: { weight: number }) => sum + c.weight, 0)).toBeCloseTo(72, 9);
    }
    // The CSV holds the same cases, in the same order.
    expect(records(readFileSync(join(out, "s.csv"), "utf8")).map((r) => r.case_id)).toEqual(cases.map((c: { case_id: string }) => c.case_id));
  });

  test("--exclude leaves out the cases of an earlier sample, from its CSV or its JSON", async () => {
    const out = dir();
    const first = await runCli(["sample", HMIC, "--per-group", "30", "--seed", "1", "-f", `csv=${join(out, "first.csv")}`, "-f", `json=${join(out, "first.json")}`]);
    expect(first.code, first.stderr).toBe(0);
    const firstIds = new Set(records(readFileSync(join(out, "first.csv"), "utf8")).map((r) => r.case_id));
    for (const previous of ["first.csv", "first.json"]) {
      const second = await runCli(["sample", HMIC, "--per-group", "30", "--seed", "1", "--exclude", join(out, previous), "-f", "json"]);
      expect(second.code, second.stderr).toBe(0);
      const report = JSON.parse(second.stdout);
      expect(report.cases.filter((c: { case_id: string }) => firstIds.has(c.case_id))).toEqual([]);
      expect(report.cases).toHaveLength(240);
      expect(report.design.exclude).toEqual({ files: [join(out, previous)], listed: 240, excluded: 240 });
      expect(report.design.groups[0]).toMatchObject({ cases: 42, excluded: 30, sample: 30 });
    }
  });

  test("--per-group larger than a group takes every case and says so; the run still succeeds", async () => {
    const run = await runCli(["sample", HMIC, "--per-group", "100", "--seed", "1", "-f", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).cases).toHaveLength(576);
    expect(run.stderr).toContain("audit: note: Norfolk has only 72 cases, fewer than --per-group 100: every one is taken");
  });

  test("invalid records are never drawn: counted on stderr, exit 1", async () => {
    const run = await runCli(["sample", fixture("invalid.csv"), "--per-group", "5", "--seed", "1", "-f", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.design.frame).toEqual({ records: 12, invalid: 8, excluded: 0, cases: 4 });
    expect(report.cases).toHaveLength(4);
    expect(run.stderr).toContain("8 of 12 records are invalid and were not in the frame");
  });
});

describe("audit sample --dry-run", () => {
  test("--margin 0.1: each force's size, sample and margin, nothing drawn, no file written", async () => {
    const out = dir();
    const run = await runCli(["sample", HMIC, "--margin", "0.1", "--dry-run"], { cwd: out });
    expect(run.code, run.stderr).toBe(0);
    // 96.036 / (1 + 95.036/72) = 41.4 → 42 of 72, which gives ±9.8 points.
    expect(run.stdout).toMatch(/^Norfolk\s+72\s+42\s+0\.583\s+1\.71\s+±9\.8$/m);
    expect(run.stdout).toMatch(/^Total\s+576\s+336$/m);
    expect(run.stderr).toContain("336 of 576 cases would be drawn from 8 groups");
    expect(run.stderr).not.toMatch(/seed/);
    expect(readdirSync(out)).toEqual([]);
  });

  test("with strata and oversampling, each stratum's share and weight, and the margin allowing for the design effect", async () => {
    const run = await runCli(["sample", HMIC, "--margin", "10%", "--stratify", "grade", "--oversample", "inadequate=2", "--dry-run", "-f", "json"]);
    const design = JSON.parse(run.stdout).design;
    expect(design.seed).toBeNull();
    const norfolk = design.groups.find((g: { name: string }) => g.name === "Norfolk");
    expect(norfolk.sample).toBe(42);
    expect(norfolk.strata.map((s: { sample: number }) => s.sample).reduce((a: number, b: number) => a + b)).toBe(42);
    expect(norfolk.designEffect).toBeGreaterThan(1);
    expect(norfolk.margin).toBeGreaterThan(0.0983);
  });
});

describe("audit sample --columns all, and audit agree on the sample", () => {
  test("the records' columns as written, notes only with --include-notes", async () => {
    const run = await runCli(["sample", HMIC, "--per-group", "1", "--seed", "3", "--columns", "all"]);
    expect(run.code, run.stderr).toBe(0);
    const header = run.stdout.split("\r\n")[0]!;
    expect(header).toBe(`${readFileSync(HMIC, "utf8").split("\n")[0]!.replace(",notes", "")},sample_group,sample_stratum,sample_probability,sample_weight`);
    const noted = await runCli(["sample", HMIC, "--per-group", "1", "--seed", "3", "--columns", "all", "--include-notes"]);
    expect(noted.stdout.split("\r\n")[0]).toContain(",notes,");
  });

  test("closes the loop: agree gives the design-weighted shares of the inspectors' grades, as the weights say", async () => {
    const out = dir();
    const path = join(out, "audited.csv");
    const drawn = await runCli(["sample", HMIC, "--per-group", "12", "--stratify", "grade", "--oversample", "inadequate=2", "--seed", "7", "--columns", "all", "-o", path]);
    expect(drawn.code, drawn.stderr).toBe(0);
    const run = await runCli(["agree", path, "-f", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const { weighted } = JSON.parse(run.stdout);
    // The same estimate worked out here from the file: Σ weight of each inspector grade over Σ weight.
    const rows = records(readFileSync(path, "utf8").replace(/"[^"]*"/g, "")).filter((r) => r.inspector_grade !== "");
    const total = rows.reduce((sum, r) => sum + Number(r.sample_weight), 0);
    const inadequate = rows.filter((r) => r.inspector_grade === "inadequate").reduce((sum, r) => sum + Number(r.sample_weight), 0);
    expect(weighted.column).toBe("sample_weight");
    expect(weighted.overall.n).toBe(rows.length);
    expect(weighted.overall.weight).toBeCloseTo(total, 9);
    expect(weighted.overall.inspector.inadequate.share).toBeCloseTo(inadequate / total, 12);
    expect(weighted.overall.effectiveN).toBeLessThan(rows.length);
    expect(weighted.groups).toHaveLength(8);
    const table = await runCli(["agree", path]);
    expect(table.stdout).toContain("Design-weighted estimates, with the weights in sample_weight:");
    expect(table.stdout).toMatch(/^Overall\s+93\s+563\.4\s+\d+\.\d\s+\d+\.\d% \[/m);
  });

  test("agree: a compared case whose weight is not a number, or is missing, stops it with one line", async () => {
    const out = dir();
    const head = "case_id,force,reported_on,inspector_grade,sample_weight\n";
    writeFileSync(join(out, "bad.csv"), `${head}A-1,Avon,2015-07-01,good,2\nA-2,Avon,2015-07-01,good,lots\n`);
    writeFileSync(join(out, "missing.csv"), `${head}A-1,Avon,2015-07-01,good,2\nA-2,Avon,2015-07-01,good,\n`);
    const bad = await runCli(["agree", join(out, "bad.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^audit: .*bad\.csv:3: sample_weight: expected a positive number/);
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    const missing = await runCli(["agree", join(out, "missing.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.csv:3: sample_weight: expected a positive number/);
  });

  test("agree --suppress-below withholds per-group weighted estimates", async () => {
    const out = dir();
    const path = join(out, "audited.csv");
    await runCli(["sample", HMIC, "--per-group", "40", "--seed", "7", "--columns", "all", "-o", path]);
    const run = await runCli(["agree", path, "--suppress-below", "3", "-f", "json"]);
    const { weighted } = JSON.parse(run.stdout);
    expect(weighted.groups).toEqual([]);
    expect(weighted.withheld).toBe(true);
  });
});

describe("audit sample --redact", () => {
  test("every case id is a keyed hash, in the CSV, the JSON and the record's own id column; --exclude matches them with the key", async () => {
    const out = dir();
    const run = await runCli(["sample", HMIC, "--per-group", "2", "--seed", "4", "--redact", "--columns", "all", "-o", join(out, "r.csv")], { env: KEY });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(out, "r.csv"), "utf8");
    expect(text).not.toMatch(/\b[A-Z]{3}-\d{4}\b/);
    const ids = records(text.replace(/"[^"]*"/g, "")).map((r) => r.case_id);
    for (const id of ids) expect(id).toMatch(/^hmac:[0-9a-f]{32}$/);
    const next = await runCli(["sample", HMIC, "--per-group", "70", "--seed", "4", "--redact", "--exclude", join(out, "r.csv"), "-f", "json"], { env: KEY });
    expect(JSON.parse(next.stdout).design.exclude.excluded).toBe(16);
    const unkeyed = await runCli(["sample", HMIC, "--per-group", "2", "--exclude", join(out, "r.csv")]);
    expect(unkeyed.code).toBe(2);
    expect(unkeyed.stderr).toMatch(/redacted case ids .* give --redact with the same key/);
  });
});

describe("audit sample: bad input is one line, exit 2, nothing written", () => {
  test.each([
    ["no sample size", [], /say how many cases to draw: --per-group N, --total N or --margin E/],
    ["two sample sizes", ["--per-group", "5", "--total", "40"], /--per-group and --total each set the sample size; give one/],
    ["a margin of 0", ["--margin", "0"], /--margin: expected a share between 0 and 1/],
    ["a margin of 1.5", ["--margin", "1.5"], /--margin: expected a share between 0 and 1/],
    ["a margin of 100%", ["--margin", "100%"], /--margin: expected a share between 0 and 1/],
    ["an expected share of 1", ["--margin", "0.1", "--expected", "1"], /--expected: expected a share between 0 and 1/],
    ["a rule that does not exist", ["--per-group", "5", "--stratify", "rule:timelyness"], /--stratify: no rule "timelyness" in the rubric; did you mean "timeliness"\?/],
    ["a stratification that does not exist", ["--per-group", "5", "--stratify", "grades"], /--stratify: expected grade or rule:<id>, got "grades"; did you mean "grade"\?/],
    ["a seed that is not an integer", ["--per-group", "5", "--seed", "1.5"], /--seed: expected a whole number from 0 to 9007199254740991, got "1.5"/],
    ["a seed that is not a number", ["--per-group", "5", "--seed", "abc"], /--seed: expected a whole number/],
    ["a seed past 2^53 − 1", ["--per-group", "5", "--seed", "9007199254740992"], /--seed: expected a whole number from 0 to 9007199254740991/],
    ["a seed in exponent form", ["--per-group", "5", "--seed", "1e3"], /--seed: expected a whole number/],
    ["a per-group size of 0", ["--per-group", "0"], /--per-group: expected a whole number of at least 1/],
    ["oversampling without strata", ["--per-group", "5", "--oversample", "inadequate=2"], /--oversample needs strata/],
    ["oversampling a stratum that does not exist", ["--per-group", "5", "--stratify", "grade", "--oversample", "inadequat=2"], /--oversample: no stratum "inadequat"; did you mean "inadequate"\?/],
    ["a factor of 0", ["--per-group", "5", "--stratify", "grade", "--oversample", "inadequate=0"], /--oversample: inadequate: expected a factor above 0/],
    ["--equal without --total", ["--per-group", "5", "--equal"], /--equal shares a --total/],
    ["notes without the record's columns", ["--per-group", "5", "--include-notes"], /--include-notes adds the notes column to --columns all/],
    ["a file to exclude that is not there", ["--per-group", "5", "--exclude", "absent.csv"], /absent\.csv: no such file/],
  ])("%s", async (_name, args, message) => {
    const out = dir();
    const run = await runCli(["sample", HMIC, ...args, "-o", join(out, "s.csv")], { cwd: out });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^audit: ${message.source}`));
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(join(out, "s.csv"))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  test("an output that cannot be written stops the run at once, leaving nothing", async () => {
    const out = dir();
    const run = await runCli(["sample", HMIC, "--per-group", "5", "--seed", "1", "-f", `json=${join(out, "s.json")}`, "-f", `csv=${join(out, "missing", "s.csv")}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^audit: .*missing\/s\.csv: no such directory to write the report in\n$/);
    expect(readdirSync(out)).toEqual([]);
  });

  test("--columns all from stdin: it must read the input twice", async () => {
    const run = await runCli(["sample", "-", "--per-group", "5", "--columns", "all"], { input: readFileSync(HMIC) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^audit: --columns all reads the input a second time .* needs a file, not stdin\n$/);
  });
});
