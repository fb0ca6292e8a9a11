import { describe, expect, test } from "vitest";
import { inputDir, keysDeep, lines, outcomes, readAll, readFailure, type Outcome } from "./_files.js";

const write = inputDir();
const SECRET = "SECRET-7731";
const note = (n: number) => `${SECRET}-${n}`;

/** Neither the notes text nor a `notes` key appears in anything read. */
function expectNoNotes(found: { items: unknown[]; warnings?: string[] }) {
  expect(JSON.stringify(found)).not.toContain(SECRET);
  expect([...keysDeep(found.items)].map((key) => key.trim().toLowerCase())).not.toContain("notes");
}

describe("notes are never kept", () => {
  test.each<[string, string, string]>([
    [
      "CSV rows of every kind",
      "notes.csv",
      lines(
        "case_id,force,reported_on,child_age,Notes,Officer",
        `A,N,2015-07-02,12,${note(1)},PC 1`,
        `B,N,07/25/2015,12,${note(2)},PC 2`,
        `C,N,2015-07-02,25,"${note(3)}, with a comma",PC 3`,
        `D,N,2015-07-02,12,"${note(4)}`,
        `over two lines, ""quoted""",PC 4`,
        `A,N,2015-07-02,12,${note(5)},PC 5`,
        `E,N,2015-07-02,12,${note(6)}`,
        `F,N,2015-07-02,12,${note(7)},PC 7,spare`,
        `,N,2015-07-02,12,${note(8)},PC 8`,
      ),
    ],
    ["a NOTES header with spaces", "notes-header.csv", lines("case_id, NOTES ,force,reported_on", `A,${note(1)},N,2015-07-02`, `B,${note(2)},N,bad`)],
    ["a ;-separated CSV", "notes-semi.csv", lines("case_id;force;reported_on;notes", `A;N;2015-07-02;${note(1)}, more`, `B;N;bad;${note(2)}`)],
    [
      "JSON records of every kind",
      "notes.json",
      JSON.stringify([
        { case_id: "A", force: "N", reported_on: "2015-07-02", notes: note(1) },
        { case_id: "B", force: "N", reported_on: "bad", Notes: note(2) },
        { case_id: "A", force: "N", reported_on: "2015-07-02", " NOTES ": note(3) },
        { force: "N", reported_on: "2015-07-02", notes: { text: note(4) } },
        { case_id: "C", force: "N", reported_on: "2015-07-02", child_age: 30, notes: [note(5)] },
      ]),
    ],
    [
      "NDJSON records, one not JSON",
      "notes.ndjson",
      lines(
        JSON.stringify({ case_id: "A", force: "N", reported_on: "2015-07-02", notes: note(1) }),
        `{"case_id":"B","notes":"${note(2)}",oops}`,
        JSON.stringify({ case_id: "C", force: "N", reported_on: "07/25/2015", notes: note(3) }),
      ),
    ],
  ])("%s", async (_name, fileName, content) => {
    const found = await readAll(write(fileName, content));
    expect(found.items.length).toBeGreaterThan(0);
    expectNoNotes(found);
  });

  test.each<[string, string, string]>([
    ["an unterminated quote in notes", "open-quote.csv", lines("case_id,force,reported_on,notes", "A,N,2015-07-02,ok", `B,N,2015-07-02,"${note(1)}`)],
    ["an unterminated quote in notes, closed lines later", "runs-on.csv", lines("case_id,force,reported_on,notes", `A,N,2015-07-02,"${note(1)}`, `B,N,2015-07-02,"${note(2)}"`)],
    ["a quote inside an unquoted header", "header-quote.csv", lines(`case_id,force,reported_on,no"tes ${note(1)}`, "A,N,2015-07-02,x")],
    ["broken JSON next to notes", "broken.json", `[{"case_id":"A","notes":"${note(1)}" "force":"N"}]`],
  ])("a file error from %s does not echo the notes", async (_name, fileName, content) => {
    const { error, items } = await readFailure(write(fileName, content));
    expect(error.message).not.toContain(SECRET);
    expectNoNotes({ items });
  });

  test.each<[string, string]>([
    ["a quote inside unquoted notes", lines("case_id,force,reported_on,notes", `A,N,2015-07-02,${note(1)} said "no" ${note(2)}`, "B,N,2015-07-02,ok")],
    ["text after a quoted note", lines("case_id,force,reported_on,notes", `A,N,2015-07-02,"${note(1)}"${note(2)}`, "B,N,2015-07-02,ok")],
    ["a quote inside notes before case_id", lines("notes,case_id,force,reported_on", `${note(1)} "x",A,N,2015-07-02`, `ok,B,N,2015-07-02`)],
  ])("a record with %s is invalid, and neither the error nor the record echoes the notes", async (_name, content) => {
    const found = await readAll(write("stray-notes.csv", content));
    expect(outcomes(found.items)).toEqual([
      { kind: "invalid", field: "record", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]);
    expectNoNotes(found);
  });

  test.each<[string, string, Outcome[]]>([
    [
      "before case_id",
      lines("notes,case_id,force,reported_on", `${note(1)}, ${note(2)},NFK-1,Norfolk,2015-07-02`),
      [{ kind: "invalid", field: "record", line: 2 }],
    ],
    [
      "before force",
      lines("case_id,notes,force,reported_on", `NFK-1,${note(1)}, ${note(2)},Norfolk,2015-07-02`),
      [{ kind: "invalid", field: "record", line: 2 }],
    ],
  ])("unquoted notes with a comma %s spill into no other field", async (_name, content, expected) => {
    const found = await readAll(write("spill.csv", content));
    expect(outcomes(found.items)).toEqual(expected);
    expectNoNotes(found);
  });
});
