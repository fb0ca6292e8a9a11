import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { cases, inputDir, invalids, lines, outcomes, readAll, readFailure, utcDay, type Outcome } from "./_files.js";

const write = inputDir();
const HEADER = "case_id,force,reported_on";

describe("CSV headers", () => {
  test.each([
    ["spaced, capitalised names", "Case ID,Force,Reported On,Child Age", "NFK-1,Norfolk,2015-07-02,13"],
    ["padded, hyphenated names", " CASE-ID , FORCE ,Reported-On,child-age", "NFK-1,Norfolk,2015-07-02,13"],
    ["a column order of its own", "Child Age,Reported On,Force,Case ID", "13,2015-07-02,Norfolk,NFK-1"],
  ])("%s are matched to fields", async (_name, header, row) => {
    const { items, warnings } = await readAll(write("headers.csv", lines(header, row)));
    expect(cases(items)).toEqual([
      {
        case_id: "NFK-1",
        force: "Norfolk",
        reported_on: { day: utcDay(2015, 7, 2), text: "2015-07-02" },
        child_age: 13,
        concern: [],
        agencies_consulted: [],
        extra: {},
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test("a carried-through column is kept in extra and warned about once", async () => {
    const file = write(
      "carried.csv",
      lines(`${HEADER},Officer Name,Team`, "A,N,2015-07-02,PC Smith,  CAIT  ", "B,N,2015-07-03,,CAIT", "C,N,bad,PC Jones,CAIT"),
    );
    const { items, warnings } = await readAll(file);
    expect(cases(items).map((record) => record.extra)).toEqual([
      { officer_name: "PC Smith", team: "  CAIT  " },
      { officer_name: "", team: "CAIT" },
    ]);
    expect(items[2]).toMatchObject({ kind: "invalid", rawExtra: { officer_name: "PC Jones", team: "CAIT" } });
    expect(warnings).toEqual([`${file}: carrying through columns that are not rubric fields: "Officer Name", "Team"`]);
  });

  test("column titles in messages are the export's own, quoted and escaped", async () => {
    const carried = write("hostile.csv", lines(`${HEADER},"Stn\u001b[2J\u0007",`, "A,N,2015-07-02,x,y"));
    expect((await readAll(carried)).warnings).toEqual([`${carried}: carrying through columns that are not rubric fields: "Stn\\x1b[2J\\x07", column_5`]);
    const twice = write("twice.csv", lines(`${HEADER},"Force\u001b]0;x"`, "A,N,2015-07-02,x"));
    const { error } = await readFailure(twice, { mapping: { columns: { "Force\u001b]0;x": "force" } } });
    expect(error.message).toBe(`${twice}: columns "force" and "Force\\x1b]0;x" are both the field force`);
  });

  test("no warning when every column is a field or notes", async () => {
    const { warnings } = await readAll(write("no-extra.csv", lines(`${HEADER},Notes`, "A,N,2015-07-02,text")));
    expect(warnings).toEqual([]);
  });

  test.each([
    ["case_id", "force,reported_on", ["case_id"]],
    ["force", "Case ID,Reported On,Child Age", ["force"]],
    ["reported_on", "case_id,force,reported", ["reported_on"]],
    ["force and reported_on", "case_id,notes", ["force", "reported_on"]],
  ])("a missing required column %s is a file error naming it", async (_name, header, missing) => {
    const { error, items } = await readFailure(write("missing.csv", lines(header, "a,b,c")));
    for (const column of missing) expect(error.message).toContain(`"${column}"`);
    expect(items).toEqual([]);
  });

  test.each([
    ["a title audit init would place", "Crime Ref,force,reported_on,Date Extracted", 'missing required column "case_id" (closest: "Crime Ref")'],
    ["a misspelling audit init would place", "Date Extracted,force,reported_on,Case Idd", 'missing required column "case_id" (closest: "Case Idd")'],
    ["nothing like it, and free text never named", "Seen at school with mum,force,reported_on", 'missing required column "case_id" (no column looks like it)'],
  ])("a missing required column names the columns closest to it, and the next step: %s", async (_name, header, message) => {
    const path = write("export.csv", lines(header, "a,b,c,d"));
    const { error } = await readFailure(path);
    expect(error.message).toBe(`${path}: ${message}; run: audit init --from ${path}`);
  });

  test("two columns for one field are a file error", async () => {
    const { error } = await readFailure(write("twice.csv", lines(`${HEADER},Case ID`, "A,N,2015-07-02,B")));
    expect(error.message).toContain("case_id");
  });
});

describe("CSV file shapes", () => {
  test.each([
    ["an empty file", ""],
    ["only blank lines", "\n\n\r\n"],
  ])("%s is a file error", async (_name, content) => {
    const { error } = await readFailure(write("empty.csv", content));
    expect(error.message).toMatch(/empty/);
  });

  test("a header and no rows yields nothing", async () => {
    expect((await readAll(write("header-only.csv", lines(HEADER)))).items).toEqual([]);
  });

  test.each<[string, string | Buffer, Outcome[]]>([
    ["LF", "case_id,force,reported_on\nA,Norfolk,2015-07-02\nB,Norfolk,2015-07-03\n", [
      { kind: "case", case_id: "A", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["CRLF", "case_id,force,reported_on\r\nA,Norfolk,2015-07-02\r\nB,Norfolk,2015-07-03\r\n", [
      { kind: "case", case_id: "A", line: 2 },
      { kind: "case", case_id: "B", line: 3 },
    ]],
    ["a BOM", "\uFEFFcase_id,force,reported_on\nA,Norfolk,2015-07-02\n", [{ kind: "case", case_id: "A", line: 2 }]],
    ["a BOM and CRLF", "\uFEFFcase_id,force,reported_on\r\nA,Norfolk,2015-07-02\r\n", [{ kind: "case", case_id: "A", line: 2 }]],
    ["a BOM before a quoted header", '\uFEFF"case_id","force","reported_on"\nA,Norfolk,2015-07-02\n', [{ kind: "case", case_id: "A", line: 2 }]],
    ["no final newline", "case_id,force,reported_on\nA,Norfolk,2015-07-02", [{ kind: "case", case_id: "A", line: 2 }]],
    ["blank lines between rows", "case_id,force,reported_on\n\nA,Norfolk,2015-07-02\n\r\n\nB,Norfolk,2015-07-03\n\n", [
      { kind: "case", case_id: "A", line: 3 },
      { kind: "case", case_id: "B", line: 6 },
    ]],
  ])("%s", async (_name, content, expected) => {
    const { items } = await readAll(write("shape.csv", content));
    expect(outcomes(items)).toEqual(expected);
    expect(cases(items).map((record) => record.force)).toEqual(expected.map(() => "Norfolk"));
  });

  test("quoted fields hold commas, quotes and newlines", async () => {
    const file = write(
      "quoted.csv",
      lines(
        `${HEADER},concern,Officer`,
        `"NFK-1","Norfolk, East","2015-07-02","cse;neglect","He said ""no"""`,
        `"NFK-2",Norfolk,2015-07-03,,"line one`,
        `line two, still quoted"`,
        `"NFK-3",Norfolk,2015-07-04,"",""`,
      ),
    );
    const { items } = await readAll(file);
    expect(cases(items).map(({ case_id, force, concern, extra }) => ({ case_id, force, concern, extra }))).toEqual([
      { case_id: "NFK-1", force: "Norfolk, East", concern: ["cse", "neglect"], extra: { officer: 'He said "no"' } },
      { case_id: "NFK-2", force: "Norfolk", concern: [], extra: { officer: "line one\nline two, still quoted" } },
      { case_id: "NFK-3", force: "Norfolk", concern: [], extra: { officer: "" } },
    ]);
  });

  test("a CRLF newline inside a quoted field is kept", async () => {
    const file = write("crlf-quoted.csv", `${HEADER},Officer\r\nA,N,2015-07-02,"one\r\ntwo"\r\nB,N,bad,x\r\n`);
    const { items } = await readAll(file);
    expect(cases(items)[0]?.extra).toEqual({ officer: "one\r\ntwo" });
    expect(outcomes(items)).toEqual([
      { kind: "case", case_id: "A", line: 2 },
      { kind: "invalid", field: "reported_on", line: 4 },
    ]);
  });

  test.each<[string, string[], Outcome[]]>([
    [
      "a two-line quoted field, then a bad date",
      [`${HEADER},Officer`, `A,N,2015-07-02,"one`, `two"`, "B,N,2015-02-30,x"],
      [
        { kind: "case", case_id: "A", line: 2 },
        { kind: "invalid", field: "reported_on", line: 4 },
      ],
    ],
    [
      "a four-line quoted field in an invalid row, then another",
      [`${HEADER},Officer`, `A,N,07/25/2015,"1`, "2", "3", `4"`, "B,N,bad,x", "C,N,2015-07-02,y"],
      [
        { kind: "invalid", field: "reported_on", line: 2 },
        { kind: "invalid", field: "reported_on", line: 6 },
        { kind: "case", case_id: "C", line: 7 },
      ],
    ],
    [
      "two multi-line fields in one row",
      [`${HEADER},Officer,Team`, `A,N,2015-07-02,"a`, `b","c`, `d"`, "B,N,bad,x,y"],
      [
        { kind: "case", case_id: "A", line: 2 },
        { kind: "invalid", field: "reported_on", line: 5 },
      ],
    ],
    [
      "a multi-line quoted header",
      [`${HEADER},"Officer`, `Name"`, "A,N,bad,x"],
      [{ kind: "invalid", field: "reported_on", line: 3 }],
    ],
  ])("line numbers: %s", async (_name, rows, expected) => {
    const { items } = await readAll(write("lines.csv", lines(...rows)));
    expect(outcomes(items)).toEqual(expected);
  });
});

describe("CSV delimiters", () => {
  test.each<[string, string, string, string?]>([
    ["; sniffed", "semi.csv", lines("case_id;force;reported_on;concern", 'NFK-1;Norfolk, East;02/07/2015;"cse;neglect"')],
    ["; sniffed, with a BOM and CRLF", "semi-bom.csv", '\uFEFFcase_id;force;reported_on;concern\r\nNFK-1;Norfolk, East;02/07/2015;"cse;neglect"\r\n'],
    ["tab sniffed in a .csv", "tabs.csv", lines("case_id\tforce\treported_on\tconcern", "NFK-1\tNorfolk, East\t2015-07-02\tcse;neglect")],
    ["tab from a .tsv", "cases.tsv", lines("case_id\tforce\treported_on\tconcern", "NFK-1\tNorfolk, East\t2015-07-02\tcse;neglect")],
    ["tab from a .TSV", "CASES.TSV", lines("case_id\tforce\treported_on\tconcern", "NFK-1\tNorfolk, East\t2015-07-02\tcse;neglect")],
    ["; by option, though the header has more commas", "option.csv", lines("case_id;force;reported_on;concern;a,b,c,d,e", 'NFK-1;Norfolk, East;2015-07-02;"cse;neglect";x'), ";"],
  ])("%s", async (_name, fileName, content, delimiter) => {
    const { items } = await readAll(write(fileName, content), delimiter === undefined ? {} : { delimiter });
    expect(cases(items).map(({ case_id, force, concern }) => ({ case_id, force, concern }))).toEqual([
      { case_id: "NFK-1", force: "Norfolk, East", concern: ["cse", "neglect"] },
    ]);
  });

  test("an unquoted ;-list in a ;-separated file splits the row: invalid, field record", async () => {
    const { items } = await readAll(write("semi-list.csv", lines("case_id;force;reported_on;concern", "NFK-1;Norfolk;2015-07-02;cse;neglect")));
    expect(outcomes(items)).toEqual([{ kind: "invalid", field: "record", line: 2 }]);
  });

  test("a .tsv is split on tabs even when its header has more commas", async () => {
    const file = write("commas.tsv", lines("case_id\tforce\treported_on\tA, B, C, D", "NFK-1\tNorfolk, East\t2015-07-02\tx"));
    const { items } = await readAll(file);
    expect(cases(items).map(({ force, extra }) => ({ force, extra }))).toEqual([{ force: "Norfolk, East", extra: { "a,_b,_c,_d": "x" } }]);
  });

  test("a file of another extension is sniffed as CSV", async () => {
    const { items } = await readAll(write("cases.txt", lines(HEADER, "A,N,2015-07-02")));
    expect(outcomes(items)).toEqual([{ kind: "case", case_id: "A", line: 2 }]);
  });
});

describe("CSV rows that do not fit the header", () => {
  test.each<[string, string, Outcome[]]>([
    ["a row with too many cells", "A,N,2015-07-02,extra", [{ kind: "invalid", field: "record", line: 2 }]],
    ["a row with too few cells", "A,N", [{ kind: "invalid", field: "record", line: 2 }]],
    ["a row of one cell", "A", [{ kind: "invalid", field: "record", line: 2 }]],
    ["a row of spaces", "   ", [{ kind: "invalid", field: "record", line: 2 }]],
  ])("%s is invalid with field record", async (_name, row, expected) => {
    const { items } = await readAll(write("cells.csv", lines(HEADER, row, "B,N,2015-07-02")));
    expect(outcomes(items)).toEqual([...expected, { kind: "case", case_id: "B", line: 3 }]);
  });

  test("the reason gives both cell counts", async () => {
    const { items } = await readAll(write("counts.csv", lines(HEADER, "A,N,2015-07-02,x,y")));
    expect(invalids(items)[0]?.reason).toMatch(/5.*3/);
  });
});

describe("CSV that cannot be read", () => {
  test.each([
    ["an unterminated quote", [HEADER, "A,N,2015-07-02", `B,N,"2015-07-03`, "C,N,2015-07-04"], 3, /never closed/],
    ["an unterminated quote in the header", [`case_id,"force,reported_on`, "A,N,2015-07-02"], 1, /never closed/],
    ["an unterminated quote after a quoted cell over two lines", [HEADER, "A,N,2015-07-02", `B,"N\nN",2015-07-03,"x`, "C,N,2015-07-04"], 4, /never closed/],
    ["an unterminated quote after empty lines", [HEADER, "A,N,2015-07-02", "", "", `B,N,"2015-07-03`], 5, /never closed/],
    ["an unterminated quote closed lines later by another quote", [HEADER, `A,N,"2015-07-02`, `B,N,"2015-07-03"`, "C,N,2015-07-04"], 2, /never closed: it runs over a line break/],
    ["a quote inside an unquoted header cell", [`case_id,fo"rce,reported_on`, "A,N,2015-07-02"], 1, /a quote in the middle/],
    ["text after a closing quote in the header", [`case_id,"force"x,reported_on`, "A,N,2015-07-02"], 1, /a quote in the middle/],
  ])("%s is a file error naming the line", async (_name, rows, line, message) => {
    const { error } = await readFailure(write("broken.csv", lines(...rows)));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`line ${line}:`);
  });

  test("rows before an unterminated quote are still read", async () => {
    const { items } = await readFailure(write("partial.csv", lines(HEADER, "A,N,2015-07-02", `B,N,"2015`)));
    expect(outcomes(items)).toEqual([{ kind: "case", case_id: "A", line: 2 }]);
  });
});

describe("a stray quote costs its record, not the run", () => {
  const STRAY = "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)";

  const ok = (id: string, line: number): Outcome => ({ kind: "case", case_id: id, line });
  const bad = (line: number): Outcome => ({ kind: "invalid", field: "record", line });
  test.each<[string, string, Outcome[]]>([
    ["a quote inside an unquoted field", lines("A,N,2015-07-02,ok", `B,No"rfolk,2015-07-03,ok`, "C,N,2015-07-04,ok"), [ok("A", 2), bad(3), ok("C", 4)]],
    ["text after a closing quote", lines(`A,"Norfolk"shire,2015-07-02,ok`, "B,N,2015-07-03,ok"), [bad(2), ok("B", 3)]],
    ["an inner quote not doubled", lines(`A,N,2015-07-02,"He said "no" later"`, "B,N,2015-07-03,x"), [bad(2), ok("B", 3)]],
    ["a stray quote in the last row, no final line break", `A,N,2015-07-02,ok\nB,N,2015-07-03,He said "no"`, [ok("A", 2), bad(3)]],
    ["two stray quotes in a row, each its own record", lines(`A,N,x"y,ok`, `B,N,x"y,ok`, "C,N,2015-07-04,ok"), [bad(2), bad(3), ok("C", 4)]],
    ["a stray quote after a quoted cell over two lines", lines(`A,"N\nN",2015-07-02,x"y`, "B,N,2015-07-03,z"), [bad(2), ok("B", 4)]],
    ["a stray quote after empty lines", lines("", "", `A,N,x"y,ok`, "B,N,2015-07-03,ok"), [bad(4), ok("B", 5)]],
    ["a stray quote with a quoted cell opening after it on its line", lines(`A,N,x"y,"z`, `w"`, "B,N,2015-07-03,ok"), [bad(2), bad(3), ok("B", 4)]],
    ["a bare CR after a closing quote", lines(`A,"N"\r,2015-07-02,ok`, "B,N,2015-07-03,ok"), [bad(2), ok("B", 3)]],
    ["CRLF line ends", `A,N,x"y,ok\r\nB,N,2015-07-03,ok\r\n`, [bad(2), ok("B", 3)]],
  ])("%s", async (_name, rows, expected) => {
    const { items } = await readAll(write("stray.csv", `${HEADER},notes\n${rows}`));
    expect(outcomes(items)).toEqual(expected);
    for (const invalid of invalids(items)) expect(invalid.reason).toBe(STRAY);
  });

  test("the record's case_id is kept when it is the first cell, read before the quote, and nothing else is", async () => {
    const file = write("ids.csv", lines(`${HEADER},notes`, `A-1,N,2015-07-02,He said "no"`, `  A-2 ,N,x"y,ok`, `A"3,N,2015-07-02,ok`));
    const { items } = await readAll(file);
    expect(invalids(items).map((record) => record.case_id)).toEqual(["A-1", "A-2", undefined]);
    expect(items.map((item) => (item.kind === "invalid" ? item.raw : undefined))).toEqual([{ case_id: "A-1" }, { case_id: "  A-2 " }, {}]);
  });

  test("a case_id that is not the first cell is not taken: a delimiter in free text before it may have shifted it", async () => {
    const file = write("shifted.csv", lines("notes,case_id,force,reported_on", `He said, "no",A-1,N,2015-07-02`, `ok,A-2,N,x"y`));
    const { items } = await readAll(file);
    expect(invalids(items).map((record) => [record.line, record.case_id, record.field])).toEqual([
      [2, undefined, "record"],
      [3, undefined, "record"],
    ]);
    expect(items.map((item) => (item.kind === "invalid" ? item.raw : undefined))).toEqual([{}, {}]);
  });

  test("the record claims no case_id: a later record with its id is graded", async () => {
    const { items } = await readAll(write("claim.csv", lines(`${HEADER},notes`, `A,N,2015-07-02,x"y`, "A,N,2015-07-02,ok")));
    expect(outcomes(items)).toEqual([{ kind: "invalid", field: "record", line: 2 }, { kind: "case", case_id: "A", line: 3 }]);
  });

  test("a record with a stray quote whose line runs over the record size limit ends the run", async () => {
    const file = write("long.csv", lines(`${HEADER},notes`, `A,N,2015-07-02,x"${"y".repeat(200)}`, "B,N,2015-07-03,ok"));
    const { error, items } = await readFailure(file, { maxFieldBytes: 16 });
    expect(error.message).toMatch(/line 2: a record longer than 8 times --max-field-bytes/);
    expect(items).toEqual([]);
  });

  test("chunked from stdin, a stray quote reads the same", async () => {
    const text = lines(`${HEADER},notes`, "A,N,2015-07-02,ok", `B,N,2015-07-03,He said "no" later`, `C,N,"2015-07-04","two\nlines"`, "D,N,2015-07-05,ok");
    const whole = await readAll(write("whole.csv", text));
    for (const size of [1, 2, 3, 7, 16]) {
      const parts = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      const { items } = await readAll("-", { format: "csv", stdin: Readable.from(parts.map((part) => Buffer.from(part))) });
      expect(outcomes(items)).toEqual(outcomes(whole.items));
    }
    expect(outcomes(whole.items)).toEqual([
      { kind: "case", case_id: "A", line: 2 },
      { kind: "invalid", field: "record", line: 3 },
      { kind: "case", case_id: "C", line: 4 },
      { kind: "case", case_id: "D", line: 6 },
    ]);
  });
});

describe("an invalid record names each field by its column in the export as well", () => {
  const mapping = { columns: { "Crime Ref": "case_id", "Date Reported": "reported_on" } };

  test("a mapped column, a column matched by its normalised name, and one with the field's own name", async () => {
    const file = write("titled.csv", lines("Crime Ref,force,Date Reported,Child Age", "A-1,,,25"));
    const { items } = await readAll(file, { mapping });
    expect(items[0]).toMatchObject({
      kind: "invalid",
      invalid: {
        field: "force",
        reason: "required value is missing",
        errors: [
          { field: "force", reason: "required value is missing" },
          { field: "reported_on", column: "Date Reported", reason: "required value is missing" },
          { field: "child_age", column: "Child Age", reason: "25 is outside 0-17" },
        ],
      },
    });
    expect(items[0]!.kind === "invalid" && items[0]!.invalid).not.toHaveProperty("column");
  });

  test("a duplicate case_id names the column it is in", async () => {
    const { items } = await readAll(write("dup.csv", lines("Crime Ref,force,Date Reported", "A-1,N,2015-07-02", "A-1,N,2015-07-02")), { mapping });
    expect(items[1]).toMatchObject({ kind: "invalid", invalid: { field: "case_id", column: "Crime Ref", reason: "duplicate case_id; first seen at line 2" } });
  });

  test("a JSON record names the key it was under", async () => {
    const file = write("titled.json", JSON.stringify([{ "Crime Ref": "A-1", force: "N", "Date Reported": "yesterday" }]));
    const { items } = await readAll(file, { mapping });
    expect(items[0]).toMatchObject({ kind: "invalid", invalid: { field: "reported_on", column: "Date Reported" } });
  });
});
