import { describe, expect, test } from "vitest";
import { tempFiles } from "./_csv.js";
import { fast, PLAIN, reference } from "./_runs.js";
import { HEADER, STRAY, STRAYS } from "./_strays.js";

const file = tempFiles();
describe("a stray quote costs its record on the fast path as on the reference, wherever chunks are cut", () => {
  test("the reference: each stray quote one invalid record, the rest read", async () => {
    const run = await reference(file("strays.csv", `${STRAYS}\n`), PLAIN);
    expect(run.error).toBeUndefined();
    const invalid = run.invalid.map((json) => JSON.parse(json) as { line: number; case_id?: string; reason: string });
    expect(invalid.map(({ line, case_id, reason }) => [line, case_id, reason === STRAY])).toEqual([
      [3, "A2", true],
      [4, "A3", true],
      [7, "A5", true],
      [8, undefined, true],
      [10, "A7", true],
      [13, "A9", true],
      [14, "A10", true],
    ]);
    expect(run.cases.map((json) => (JSON.parse(json) as { case_id: string }).case_id)).toEqual(["A1", "A4", "A6", "A8", "A11"]);
  });

  test.each([
    ["ending with a line break", `${STRAYS}\n`],
    ["ending in a stray quote's line", `${STRAYS}\nA12,Kent,2015-07-02,He said "no"`],
  ])("%s: every chunk size from 1 byte up", async (_name, text) => {
    const path = file("strays.csv", text);
    const expected = await reference(path, PLAIN);
    for (let chunkBytes = 1; chunkBytes <= text.length; chunkBytes += chunkBytes < 64 ? 1 : 7) {
      expect(await fast(path, PLAIN, { chunkBytes }), `chunkBytes ${chunkBytes}`).toEqual(expected);
    }
    const grades = await fast(path, PLAIN, { chunkBytes: 5, wantCases: false });
    expect(grades).toEqual({ ...expected, cases: [] });
  });
});

describe("a quoted field never closed ends the run with the line where it opened, wherever chunks are cut", () => {
  test.each([
    ["at the end of the file", [HEADER, "A1,N,2015-07-02,ok", "", 'A2,N,2015-07-02,x"y', "A3,N,2015-07-02,\"never", "closed", "A4,N,2015-07-02,ok"], 5],
    ["closed lines later by a quote with text after it", [HEADER, "A1,N,2015-07-02,ok", 'A2,N,2015-07-02,"never', "A3,N,2015-07-02,\"x\"", "A4,N,2015-07-02,ok"], 3],
    ["after a cell over two lines", [HEADER, 'A1,"N\nN",2015-07-02,"never', "A2,N,2015-07-02,ok"], 3],
  ])("%s", async (_name, lines, line) => {
    const text = `${lines.join("\n")}\n`;
    const path = file("open.csv", text);
    const expected = await reference(path, PLAIN);
    expect(expected.error).toMatch(new RegExp(`: line ${line}: a quoted field is never closed`));
    for (let chunkBytes = 1; chunkBytes <= text.length; chunkBytes++) {
      expect(await fast(path, PLAIN, { chunkBytes, wantCases: chunkBytes % 2 === 0 }), `chunkBytes ${chunkBytes}`).toEqual(chunkBytes % 2 === 0 ? expected : { ...expected, cases: [] });
    }
  });
});
