import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { OUTPUT_FORMATS } from "../../src/report/index.js";
import { runCli } from "../helpers/run-cli.js";
import { expectContract, runMain, scratchDir, writer, type Run } from "./_harness.js";

const MARKER = "PRIVATE-7c1f";
const dir = scratchDir();
const write = writer(dir);
const say = (n: number) => `Child said ${MARKER}-${n} to a teacher, "twice"; see file`;
const KEY = { AUDIT_REDACT_KEY: "audit-test-key-0123456789abcdef" };

const HEADER = "case_id,force,reported_on,child_age,concern,child_role,notes,Officer,Team Notes,free text";
const csvRows = [
  HEADER,
  `A-1,Norfolk,2015-07-02,12,cse,victim,"${say(1).replaceAll('"', '""')}",PC ${MARKER},${MARKER} team,${MARKER}`,
  `A-2,Norfolk,2015-02-30,12,cse,victim,${MARKER}-2,${MARKER},x,y`,
  `A-3,Norfolk,2015-07-02,25,cse,victim,${MARKER}-3,${MARKER},x,y`,
  `A-1,Norfolk,2015-07-02,12,cse,victim,${MARKER}-dup,${MARKER},x,y`,
  `A-4,Norfolk,2015-07-02,12,cse,victim,${MARKER}-few`,
  `A-5,Norfolk,2015-07-02,12,cse,victim,${MARKER}-many,${MARKER},x,y,${MARKER},${MARKER}`,
  `A-6,Norfolk,2015-07-02,12,cse,victim,"${MARKER} over
two lines",${MARKER},x,y`,
  `A-7,Norfolk,2015-07-02,12,cse,victim,${MARKER}${"x".repeat(300)},${MARKER},x,y`,
  `,Norfolk,2015-07-02,12,cse,victim,${MARKER}-noid,${MARKER},x,y`,
  `A-8,,,,,,${MARKER}-blank,${MARKER},,`,
  `A-9,Norfolk,2015-07-02,12,cse,victim,${MARKER} said "no" ${MARKER},${MARKER},x,y`,
  `A-10,Norfolk,2015-07-02,12,cse,victim,"${MARKER} said "no" ${MARKER}",${MARKER},x,y`,
  `${MARKER}"-id,Norfolk,2015-07-02,12,cse,victim,${MARKER},${MARKER},x,y`,
];
const record = (fields: Record<string, unknown>) => ({ case_id: "J-1", force: "Norfolk", reported_on: "2015-07-02", ...fields });
const jsonRecords = [
  record({ notes: say(1), officer: `PC ${MARKER}`, "Team Notes": { text: MARKER }, extra: [MARKER, { deeper: MARKER }] }),
  record({ case_id: "J-2", reported_on: "bad", Notes: MARKER, officer: MARKER }),
  record({ case_id: "J-3", child_age: 30, " NOTES ": [MARKER], officer: MARKER }),
  record({ notes: MARKER }),
  record({ case_id: "J-4", notes: `${MARKER}${"x".repeat(300)}`, officer: `${MARKER}${"y".repeat(300)}` }),
  record({ case_id: "J-5", notes: { nested: { deeper: MARKER } }, officer: JSON.parse(`${"[".repeat(50)}"${MARKER}"${"]".repeat(50)}`) }),
  `${MARKER} as a bare string`,
  [MARKER],
];
const INPUTS: [string, string, string][] = [
  ["CSV", ".csv", `${csvRows.join("\n")}\n`],
  ["JSON", ".json", JSON.stringify(jsonRecords)],
  ["NDJSON", ".ndjson", `${[...jsonRecords.map((r) => JSON.stringify(r)), `{"case_id":"N-1","notes":"${MARKER}",oops}`, `${MARKER}`].join("\n")}\n`],
];
/** Inputs that stop the run, each after a record holding the marker. */
const BROKEN: [string, string, string][] = [
  ["a CSV quote never closed", ".csv", `${HEADER}\nA-1,N,2015-07-02,,,,"${MARKER}\n`],
  ["a CSV quote never closed, then closed by a quote lines later", ".csv", `${HEADER}\nA-1,N,2015-07-02,,,,"${MARKER}\nA-2,N,2015-07-02,,,,"${MARKER}",x,y,z\n`],
  ["a CSV stray quote in free text in the header", ".csv", `case_id,force,reported_on,${MARKER} "quoted"\nA,N,2015-07-02,x\n`],
  ["JSON cut off in free text", ".json", `[{"case_id":"A","notes":"${MARKER}`],
  ["JSON broken after free text", ".json", `[{"case_id":"A","force":"N","reported_on":"2015-07-02","notes":"${MARKER}"} oops]`],
  ["a JSON string of free text", ".json", JSON.stringify(`${MARKER}`)],
  ["a CSV whose free text is the header", ".csv", `${MARKER},${MARKER} again\nA,B\n`],
];

/** Everything a run left: stdout, stderr, and every file it wrote. */
function everything(run: Run, files: string[]): string {
  return [run.stdout, run.stderr, ...files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, "utf8"))].join("\n");
}

describe(`free text (notes and carried-through columns) never reaches any output, message or error`, () => {
  const flagSets: [string, string[]][] = [
    ["", []],
    ["--redact", ["--redact"]],
    ["--max-errors 0 --fail-on adequate", ["--max-errors", "0", "--fail-on", "adequate"]],
    ["--max-field-bytes 64", ["--max-field-bytes", "64"]],
  ];
  for (const [input, ext, content] of INPUTS) {
    const file = write(ext, content);
    test.each(OUTPUT_FORMATS.flatMap((format) => flagSets.map(([name, flags]) => [format, name, flags] as const)))(
      `${input}: -f %s %s, on stdout and to a file`,
      async (format, _name, flags) => {
        const out = path.join(dir, `${path.basename(file)}-${format}-${flags.join("")}.out`);
        const toStdout = await runMain(["score", file, "-f", format, ...flags], { cwd: dir, env: KEY });
        const toFile = await runMain(["score", file, "-f", `${format}=${out}`, "-f", "json", ...flags], { cwd: dir, env: KEY });
        for (const run of [toStdout, toFile]) {
          expectContract(run);
          expect(run.code).toBe(1);
        }
        expect(fs.existsSync(out)).toBe(true);
        expect(everything(toStdout, [])).not.toContain(MARKER);
        expect(everything(toFile, [out])).not.toContain(MARKER);
      },
    );
  }

  test.each(INPUTS)("%s: --group-by notes is refused before a record is read, and nothing is written", async (_name, ext, content) => {
    const file = write(ext, content);
    const out = path.join(dir, `${path.basename(file)}-group-by-notes.json`);
    const run = await runMain(["score", file, "-f", `json=${out}`, "--group-by", "notes"], { cwd: dir, env: KEY });
    expectContract(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^audit: --group-by: "notes" is the free-text notes column/);
    expect(fs.existsSync(out)).toBe(false);
    expect(everything(run, [])).not.toContain(MARKER);
  });

  test.each(INPUTS.flatMap(([name, ext, content]) => (["text", "json"] as const).map((format) => [name, format, ext, content] as const)))(
    "%s: validate -f %s",
    async (_name, format, ext, content) => {
      const run = await runMain(["validate", write(ext, content), "-f", format], { cwd: dir });
      expectContract(run);
      expect(run.code).toBe(1);
      expect(everything(run, [])).not.toContain(MARKER);
    },
  );

  // Bug (src/cli/commands/init.ts with src/config/init.ts): a column init places on a coded field
  // (here "Concern") has every cell it cannot place echoed whole on stderr: "could not place the
  // values "Child disclosed ... PRIVATE-7c1f""; free text typed into such a column leaks in full.
  // Expected: at most a short quote of each value, as quote() in src/input/values.ts gives.
  test("init quotes the cells it cannot place only shortly", async () => {
    const from = write(".csv", `Crime Ref,Force,Date Reported,Concern\nA,N,2015-07-02,Child disclosed abuse to a teacher ${MARKER}\n`);
    const run = await runMain(["init", "--from", from, "-o", "audit.config.json"], { cwd: fs.mkdtempSync(path.join(dir, "init-")) });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(MARKER);
  });

  test("the check can see: grouping by a carried-through column on purpose does show its values", async () => {
    const file = write(".csv", `${csvRows.join("\n")}\n`);
    const run = await runMain(["score", file, "--group-by", "officer"], { cwd: dir });
    expect(run.stdout).toContain(MARKER);
  });

  test.each(BROKEN)("%s: the one-line error names no free text", async (_name, ext, content) => {
    const file = write(ext, content);
    const out = path.join(dir, `${path.basename(file)}.json`);
    const run = await runMain(["score", file, "-f", `json=${out}`, "-f", "table"], { cwd: dir });
    const checked = await runMain(["validate", file], { cwd: dir });
    for (const each of [run, checked]) {
      expectContract(each);
      expect(each.code).toBe(2);
    }
    expect(everything(run, [out]) + everything(checked, [])).not.toContain(MARKER);
  });

  test("init --from an export with free text writes and prints none of it", async () => {
    const from = write(".csv", `${csvRows.join("\n")}\n`);
    const cwd = fs.mkdtempSync(path.join(dir, "init-"));
    const run = await runMain(["init", "--from", from, "-o", "audit.config.json"], { cwd });
    expectContract(run);
    expect(everything(run, [path.join(cwd, "audit.config.json")])).not.toContain(MARKER);
  });

  test.each(INPUTS)("%s, through the built CLI with every format at once", async (_name, ext, content) => {
    const file = write(ext, content);
    const files = OUTPUT_FORMATS.filter((f) => f !== "table").map((f) => path.join(dir, `${path.basename(file)}-all.${f}`));
    const specs = OUTPUT_FORMATS.filter((f) => f !== "table").flatMap((f, i) => ["-f", `${f}=${files[i]}`]);
    const run = await runCli(["score", file, "-f", "table", ...specs, "--max-errors", "100"]);
    expect(run.code).toBe(1);
    expect(files.every((f) => fs.existsSync(f))).toBe(true);
    expect(everything({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr }, files)).not.toContain(MARKER);
  });
});
