import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/**
 * Each attack, and what the terminal must show instead: the characters escaped, so they are seen and do
 * nothing; and, where it differs, how a quoted name shows it (in double quotes, a backslash doubled).
 */
const PAYLOADS: [name: string, raw: string, shown: string, quoted?: string][] = [
  ["ESC (clear screen)", "\x1b[2J", "\\x1b[2J"],
  [
    "an OSC 8 link",
    "\x1b]8;;https://example.invalid/\x1b\\here\x1b]8;;\x1b\\",
    "\\x1b]8;;https://example.invalid/\\x1b\\here\\x1b]8;;\\x1b\\",
    "\\x1b]8;;https://example.invalid/\\x1b\\\\here\\x1b]8;;\\x1b\\\\",
  ],
  ["an ESC]0; title", "\x1b]0;owned\x07", "\\x1b]0;owned\\x07"],
  ["BEL", "\x07", "\\x07"],
  ["CR", "\r", "\\r"],
  ["U+202E (right-to-left override)", "\u202e", "\\u202e"],
  ["a zero-width space", "\u200b", "\\u200b"],
];

/** Anything that would act on a terminal or hide text: controls but the line feed, format and separator characters. */
const RAW = /[^\P{Cc}\n]|[\p{Cf}\p{Zl}\p{Zp}]/u;
/** The colour codes the table itself writes under --color, and nothing else. */
// eslint-disable-next-line no-control-regex -- ESC is what is looked for
const SGR = /\x1b\[[0-9;]*m/g;

const dir = mkdtempSync(join(tmpdir(), "audit-escapes-"));
const FIXTURE_HEADER =
  "case_id,force,reported_on,child_age,concern,child_role,child_views_recorded,child_disbelieved,child_arrested,arrest_minor,suspect_age,risk_assessed_on,risk_assessment_quality,risk_level,social_care_referred_on,strategy_discussion_on,agencies_consulted,interviewed_on,suspect_arrested_on,outcome_code,outcome_on,inspector_grade";
const GOOD = "6,sexual_abuse,victim,yes,,no,,62,2015-05-01,good,medium,2015-05-01,2015-05-05T10:45,health,2015-05-11,2015-05-07,,";
const INADEQUATE = "13,online_abuse,victim,y,n,,,29,,,medium,24/12/2014,12/01/2015,social_care;education,,,16,01/04/2015";
const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A file whose group names, case ids and carried-through column names carry every payload. */
function evilCsv(name: string, changed = false): string {
  const header = [FIXTURE_HEADER, ...PAYLOADS.map(([, raw], i) => cell(`Officer${i}${raw}x`))].join(",");
  const extras = PAYLOADS.map(() => "o").join(",");
  const rows = PAYLOADS.flatMap(([, raw], i) => {
    const force = cell(`Force ${i}${raw}x`);
    return [
      `${cell(`G${i}${raw}x`)},${force},2015-04-30,${changed ? INADEQUATE : GOOD},good,${extras}`,
      `${cell(`B${i}${raw}x`)},${force},2014-12-24,${INADEQUATE},good,${extras}`,
      `${cell(`I${i}${raw}x`)},${force},2014-12-24,99,${INADEQUATE.slice(3)},good,${extras}`,
    ];
  });
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...rows].join("\n")}\n`);
  return path;
}

const EVIL = evilCsv("evil.csv");
const CHANGED = evilCsv("changed.csv", true);

async function report(input: string, name: string): Promise<string> {
  const out = join(dir, name);
  await runCli(["score", input, "-f", `json=${out}`, "-q"]);
  return out;
}

/**
 * No raw character in `text`, and each payload `expectedShown` names there escaped (in any case: header
 * names are lowered), as a quoted name shows it when `quotedNames`.
 */
function expectEscaped(text: string, expectedShown: (name: string) => boolean = () => true, quotedNames = false): void {
  const match = RAW.exec(text);
  expect(match, `raw ${JSON.stringify(match?.[0])} near ${JSON.stringify(text.slice(Math.max(0, (match?.index ?? 0) - 30), (match?.index ?? 0) + 30))}`).toBeNull();
  for (const [name, , shown, quoted] of PAYLOADS) {
    if (expectedShown(name)) expect(text.toLowerCase(), name).toContain((quotedNames ? (quoted ?? shown) : shown).toLowerCase());
  }
}

/** Every line of the table takes as many columns as the others: the last column is right-aligned. */
function expectAligned(table: string): void {
  const widths = table.split("\n").filter((line) => line.trim() !== "").map((line) => stringWidth(line.replace(SGR, "")));
  expect(new Set(widths).size, table).toBe(1);
}

const tableOf = (stdout: string) => stdout.split("\n\n")[0]!;

describe("nothing from the data reaches a terminal raw: every path shows it escaped", () => {
  test("the table, without colour: group names escaped, columns aligned", async () => {
    const run = await runCli(["score", EVIL, "-q"]);
    expect(run.code).toBe(1);
    expectEscaped(run.stdout);
    expectAligned(tableOf(run.stdout));
  });

  test("the table with --color: only the table's own colour codes", async () => {
    const run = await runCli(["score", EVIL, "-q", "--color"]);
    expect(run.stdout).toMatch(SGR);
    expectEscaped(run.stdout.replace(SGR, ""));
    expectAligned(tableOf(run.stdout));
  });

  test("the stderr listing of invalid records, the carried-through columns' warning, and gate failed: lines", async () => {
    const run = await runCli(["score", EVIL, "--per-group", "--max-inadequate", "0"]);
    expect(run.code).toBe(1);
    expectEscaped(run.stderr);
    const lines = run.stderr.split("\n");
    // Header names pass through normaliseHeader, which turns CR into `_`: the rest are there escaped.
    const warning = lines.find((line) => line.includes("carrying through columns"))!;
    expectEscaped(warning, (name) => name !== "CR", true);
    for (const [name, , shown] of PAYLOADS) {
      expect(lines.some((line) => line.includes("child_age") && line.includes(`(case I${PAYLOADS.findIndex(([n]) => n === name)}${shown}x)`)), name).toBe(true);
      expect(lines.some((line) => line.startsWith("audit: gate failed:") && line.includes(shown)), name).toBe(true);
    }
  });

  test("the Markdown report on stdout", async () => {
    const run = await runCli(["score", EVIL, "-q", "-f", "markdown"]);
    // Markdown escapes the escapes' backslash and brackets once more (`\\x1b\]0;`), to show them as written.
    expectEscaped(run.stdout, () => false);
    for (const shown of ["\\\\x1b\\]0;owned\\\\x07", "\\\\u202e", "\\\\u200b", "\\\\x07"]) expect(run.stdout).toContain(shown);
  });

  test("an error that quotes a header (two columns for one field): one line, escaped", async () => {
    const path = join(dir, "two-ids.csv");
    writeFileSync(path, `case_id,force,reported_on,"case_id\r\u2028\x0b"\nA,N,2015-07-02,B\n`);
    const run = await runCli(["score", path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expectEscaped(run.stderr, () => false);
    expect(run.stderr).toContain("case_id\\r\\u2028\\x0b");
  });

  test("init's messages on the columns it could not place", async () => {
    const cwd = mkdtempSync(join(dir, "init-"));
    const run = await runCli(["init", "--from", EVIL, "-o", "cfg.json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    // Column titles are quoted (quoteName): the backslash ending the link (ESC \) is doubled, as in any quoted name.
    expectEscaped(run.stderr, (name) => name !== "CR" && name !== "an OSC 8 link");
    expect(run.stderr).toContain(String.raw`\x1b]8;;https://example.invalid/\x1b\\here\x1b]8;;\x1b\\`);
  });

  test("merge -f table, from a report of the file", async () => {
    const run = await runCli(["merge", await report(EVIL, "evil.json"), "-f", "table"]);
    expect(run.code, run.stderr).toBe(0);
    expectEscaped(run.stdout);
    expectAligned(tableOf(run.stdout));
  });

  test("diff: the groups and the cases whose grade changed", async () => {
    const run = await runCli(["diff", await report(EVIL, "before.json"), await report(CHANGED, "after.json")]);
    expect(run.code, run.stderr).toBe(0);
    expectEscaped(run.stdout);
    for (const [, , shown] of PAYLOADS) expect(run.stdout).toMatch(new RegExp(`^  G\\d${shown.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}x \\(Force`, "m"));
  });

  test("agree: the groups and the cases furthest apart", async () => {
    const run = await runCli(["agree", EVIL, "-q"]);
    expect(run.code).toBe(1);
    expectEscaped(run.stdout);
    for (const [, , shown] of PAYLOADS) expect(run.stdout).toContain(`  B${PAYLOADS.findIndex(([, , s]) => s === shown)}${shown}x (Force`);
  });

  test("validate: the invalid records and the warnings", async () => {
    const run = await runCli(["validate", EVIL]);
    expect(run.code).toBe(1);
    expectEscaped(run.stdout, (name) => name !== "CR", true);
  });

  test.each(["config", "rules"])("%s: a config's hostile key and value in its error", async (command) => {
    const cwd = mkdtempSync(join(dir, "config-"));
    const payload = PAYLOADS.map(([, raw]) => raw).join("");
    writeFileSync(join(cwd, "audit.config.json"), JSON.stringify({ [`rulez${payload}`]: 1, rules: { timeliness: { referral: { good: `x${payload}` } } } }));
    const run = await runCli([command], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(2);
    expectEscaped(run.stderr, () => false);
    expect(run.stderr).toContain("\\u202e");
  });
});
