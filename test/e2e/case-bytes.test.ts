import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

// A CSV file's cases reach the JSON and NDJSON reports as the workers' bytes, never decoded. Stdin is
// copied to a temporary file and read so too; with no temporary directory to copy it to, it goes the
// reference way (csv-parse, zod, JSON.stringify). All must write the same reports.
describe("cases written as bytes equal cases written as text", async () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-bytes-"));
  const [header, ...rows] = parse(readFileSync(fixture("hmic-2015.csv"), "utf8")) as string[][];
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  // Forty copies with fresh ids (over 4 MiB, so read on worker threads), some forces renamed to
  // non-ASCII names and some to a name with U+2028, which NDJSON must escape.
  const copies = Array.from({ length: 40 }, (_, copy) =>
    rows.map(([id, force, ...rest], i) => {
      const renamed = i % 97 === 0 ? `Ynys Môn ${copy % 3}` : i % 211 === 0 ? "Line\u2028Sep" : force!;
      return [`${copy}-${id}`, renamed, ...rest].map(quote).join(",");
    }),
  ).flat();
  const csv = `${header!.join(",")}\n${copies.join("\n")}\n`;
  const file = join(dir, "cases.csv");
  writeFileSync(file, csv);

  const fromFile = await runCli(["score", file, "-q", "-f", `json=${join(dir, "file.json")}`, "-f", `ndjson=${join(dir, "file.ndjson")}`]);
  const noTemporary = { TMPDIR: join(dir, "no-such-directory") };
  const fromStdin = await runCli(["score", "-", "-q", "-f", `json=${join(dir, "stdin.json")}`, "-f", `ndjson=${join(dir, "stdin.ndjson")}`], { input: csv, env: noTemporary });
  const spoolDir = join(dir, "tmp");
  mkdirSync(spoolDir);
  const fromSpool = await runCli(["score", "-", "-q", "-f", `json=${join(dir, "spooled.json")}`], { input: csv, env: { TMPDIR: spoolDir } });
  const read = (name: string) => readFileSync(join(dir, name), "utf8");

  test("every run succeeds", () => {
    expect(csv.length).toBeGreaterThan(4 << 20);
    expect([fromFile.code, fromFile.stderr, fromStdin.code, fromStdin.stderr, fromSpool.code, fromSpool.stderr]).toEqual([0, "", 0, "", 0, ""]);
  });

  test("the JSON reports are the same text but for the input's name, and the copy of stdin is gone", () => {
    const file = read("file.json");
    expect(JSON.parse(file).cases).toHaveLength(copies.length);
    const named = file.replace(/"name": ".*cases\.csv"/, '"name": "stdin"');
    expect(named).toBe(read("stdin.json"));
    expect(named).toBe(read("spooled.json"));
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  test("the NDJSON reports are the same lines, with U+2028 escaped", () => {
    const file = read("file.ndjson");
    expect(file).toBe(read("stdin.ndjson"));
    expect(file).not.toContain("\u2028");
    expect(file).toContain("Line\\u2028Sep");
    const cases = file.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string });
    const { type: _type, ...first } = cases[0] as { type: string };
    expect(JSON.parse(read("file.json")).cases[0]).toEqual(first);
  });
});
