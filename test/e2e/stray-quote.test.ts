import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { parse as parseJunit } from "junit2json";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const STRAY = "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)";
const fixtureLines = readFileSync(fixture("hmic-2015.csv"), "utf8").split("\n");
const [header, ...rows] = parse(readFileSync(fixture("hmic-2015.csv"), "utf8")) as string[][];
const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
/** The fixture's rows on one line each (none with a line break), written as CSV; the last cell (notes) as given. */
const oneLine = rows.filter((row) => !row.some((cell) => cell.includes("\n")));
const row = (i: number, notes?: string) => [...oneLine[i]!.slice(0, -1).map(quote), notes ?? quote(oneLine[i]!.at(-1)!)].join(",");


// The case from the report: the fixture's header, its rows 2-3, row 4 with its last cell (notes)
// replaced by `He said "no" later`, then rows 5-8.
describe('a row ending `,He said "no" later` costs that record, not the run', () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-stray-"));
  const csv = [...fixtureLines.slice(0, 3), fixtureLines[3]!.replace(/,[^,]*$/, ',He said "no" later'), ...fixtureLines.slice(4, 8)].join("\n") + "\n";
  const file = join(dir, "q.csv");
  writeFileSync(file, csv);
  const ways: [string, string[], { input?: string; env?: Record<string, string> }][] = [
    ["a file (the fast path)", [file], {}],
    ["stdin, copied to a file (the fast path)", ["-"], { input: csv }],
    // With no temporary directory to copy stdin to.
    ["stdin (the reference reader)", ["-"], { input: csv, env: { TMPDIR: join(dir, "no-such-directory") } }],
  ];

  test.each(ways)("from %s: listed on stderr, graded 6 + invalid 1, exit 1", async (_name, args, options) => {
    const run = await runCli(["score", ...args], options);
    expect(run.code).toBe(1);
    const name = args[0] === "-" ? "stdin" : file;
    expect(run.stderr).toContain(`${name}:4: record: ${STRAY} (case DYP-0009)\n`);
    expect(run.stderr).toContain("1 of 7 records are invalid");
    expect(run.stdout).toMatch(/^Overall\s+6\s.*\s1$/m);
  });

  test.each(ways)("from %s: in the json, ndjson, csv and junit reports", async (_name, args, options) => {
    const out = (format: string) => join(dir, `${args[0] !== "-" ? "file" : options.env ? "stdin" : "spooled"}.${format}`);
    const run = await runCli(["score", ...args, "-q", ...["json", "ndjson", "csv", "junit"].flatMap((f) => ["-f", `${f}=${out(f)}`])], options);
    expect(run.code).toBe(1);
    const invalid = { line: 4, case_id: "DYP-0009", field: "record", reason: STRAY, errors: [{ field: "record", reason: STRAY }], group: "(not recorded)" };

    const report = JSON.parse(readFileSync(out("json"), "utf8"));
    expect(report.invalid).toEqual([invalid]);
    expect(report.cases).toHaveLength(6);
    expect(report.summary.overall.graded + report.summary.overall.invalid).toBe(7);

    const lines = readFileSync(out("ndjson"), "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.type === "invalid")).toEqual([{ type: "invalid", ...invalid }]);
    expect(lines.filter((line) => line.type === "case")).toHaveLength(6);

    const rows = parse(readFileSync(out("csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(rows.filter((row) => row.grade === "invalid").map((row) => row.case_id)).toEqual(["DYP-0009"]);

    const junit = JSON.stringify(await parseJunit(readFileSync(out("junit"), "utf8")));
    expect(junit).toContain("DYP-0009 (line 4)");
    expect(junit).toContain(STRAY);
  });

  test("the fast path and the reference write the same JSON report", () => {
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    const named = read("file.json").replace(/"name": "[^"]*q\.csv"/, '"name": "stdin"');
    expect(named).toBe(read("stdin.json"));
    expect(named).toBe(read("spooled.json"));
  });

  test("validate lists it too", async () => {
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:4: error: record: ${STRAY}`);
    expect(run.stdout).toContain("7 records: 6 valid, 1 invalid");
  });
});

describe("a quoted field never closed still ends the run", () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-stray-"));
  test.each([
    ["at the end of the file", [row(0), row(1), row(2, '"never closed')], 4, "a quoted field is never closed (a missing closing quote)"],
    ["until a quoted cell lines later", [row(0, '"never closed'), row(1), row(2, '"quoted"'), row(3)], 2, "a quoted field is never closed: it runs over a line break"],
  ])("%s: exit 2, one line naming the line where the quote opened", async (_name, lines, line, message) => {
    const csv = [header!.join(","), ...lines].join("\n") + "\n";
    const file = join(dir, "open.csv");
    writeFileSync(file, csv);
    for (const [args, input, name] of [[[file], undefined, file], [["-"], csv, "stdin"]] as const) {
      const run = await runCli(["score", ...args], { input });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(new RegExp(`^audit: ${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: line ${line}: ${message.replace(/[()]/g, "\\$&")}`));
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

// Over 4 MiB, so that the file is read on worker threads in chunks cut at guessed boundaries:
// stray quotes of both kinds throughout, some near where chunks are cut.
describe("stray quotes throughout a large file, read on worker threads", async () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-stray-"));
  let strays = 0;
  const lines = Array.from({ length: 40 }, (_, copy) =>
    rows.map(([id, ...rest], i) => {
      const cells = [`${copy}-${id}`, ...rest].map(quote);
      const k = (i * 7 + copy) % cells.length;
      // Only in a row on one line: after a stray quote, the rest of a cell over several lines would be records of their own.
      if (cells.some((cell) => cell.includes("\n"))) return cells.join(",");
      if ((i + copy) % 53 === 0) {
        strays++;
        cells[k] = cells[k]!.startsWith('"') ? `${cells[k]}x` : `x"${cells[k]}`;
      } else if ((i + copy) % 89 === 0) {
        strays++;
        cells[cells.length - 1] = '"He said "no" later"';
      }
      return cells.join(",");
    }),
  ).flat();
  const csv = `${header!.join(",")}\n${lines.join("\n")}\n`;
  const file = join(dir, "cases.csv");
  writeFileSync(file, csv);
  const fromFile = await runCli(["score", file, "-q", "--max-errors", "0", "-f", `json=${join(dir, "file.json")}`]);
  const fromStdin = await runCli(["score", "-", "-q", "--max-errors", "0", "-f", `json=${join(dir, "stdin.json")}`], { input: csv });

  test("every stray quote is one invalid record, and every other record is read", () => {
    expect(csv.length).toBeGreaterThan(4 << 20);
    expect([fromFile.code, fromStdin.code]).toEqual([1, 1]);
    const report = JSON.parse(readFileSync(join(dir, "file.json"), "utf8"));
    const stray = report.invalid.filter((record: { reason: string }) => record.reason === STRAY);
    expect(stray).toHaveLength(strays);
    expect(report.summary.overall.graded + report.summary.overall.invalid).toBe(lines.length);
  });

  test("the fast path's report is the reference's", () => {
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(read("file.json").replace(/"name": ".*cases\.csv"/, '"name": "stdin"')).toBe(read("stdin.json"));
  });
});
