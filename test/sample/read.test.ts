import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { referenceRubric } from "../../src/engine/rubric.js";
import { planSample, type Sizing } from "../../src/sample/design.js";
import { seedKey } from "../../src/sample/keys.js";
import { readCases } from "../../src/input/read.js";
import { readDrawnRows, readSamplingFrame, type InputOptions } from "../../src/sample/read.js";
import type { Stratification } from "../../src/sample/strata.js";
import { tempFiles } from "../fast/_csv.js";

const file = tempFiles();

async function sample(path: string, seed: number, stratification: Stratification, sizing: Sizing, input: InputOptions = {}) {
  const { frame, summary } = await readSamplingFrame(
    path,
    { rubric: referenceRubric(), groupBy: "force", stratification, excluded: () => false, key: seedKey(seed), keep: 50 },
    input,
  );
  const plan = planSample(frame.frame(), sizing, { factors: new Map([["inadequate", 2]]), expected: 0.5 });
  return { drawn: frame.draw(new Map(plan.groups.map((g) => [g.name, g.strata]))), summary };
}

describe("a sample read through the engine", () => {
  test("is the same on one thread and on worker threads, with the file cut into chunks anywhere", async () => {
    const path = file("bench.csv", "");
    execFileSync(process.execPath, ["bench/generate.mjs", "2000", path, "--seed", "18"]);
    const sizing: Sizing = { by: "per-group", size: 20 };
    const ways: [Stratification, number][] = [
      [{ by: "grade" }, 4096],
      [{ by: "rule", rule: "timeliness" }, 65_536],
    ];
    for (const [stratification, chunkBytes] of ways) {
      const inline = await sample(path, 5, stratification, sizing, { workers: 0 });
      expect(inline.drawn.length).toBeGreaterThan(100);
      const threaded = await sample(path, 5, stratification, sizing, { workers: 2, threadsFromBytes: 0, chunkBytes });
      expect(threaded.drawn).toEqual(inline.drawn);
    }
  });

  test("reads back, for --columns all, the record that owned each case_id: not a damaged row before it, nor a duplicate after", async () => {
    const path = file(
      "owners.csv",
      [
        "case_id,force,reported_on,notes,team",
        "A-1,Avon,2015-07-01", // too few cells: claims nothing
        "A-1,Avon,2015-07-02,first real,north",
        "A-1,Avon,2015-07-03,duplicate,south",
        "B-2,Avon,2015-07-04,,east",
        "",
      ].join("\n"),
    );
    const rows = await readDrawnRows(path, new Set(["A-1", "B-2"]), { notes: false });
    expect(rows.get("A-1")).toEqual({ columns: ["case_id", "force", "reported_on", "team"], values: ["A-1", "Avon", "2015-07-02", "north"], idColumn: 0 });
    expect(rows.get("B-2")?.values).toEqual(["B-2", "Avon", "2015-07-04", "east"]);
    const withNotes = await readDrawnRows(path, new Set(["A-1"]), { notes: true });
    expect(withNotes.get("A-1")?.columns).toEqual(["case_id", "force", "reported_on", "notes", "team"]);
    expect(withNotes.get("A-1")?.values[3]).toBe("first real");
  });

  test("the reader, asked for rows, gives only the cases asked for, and passes over the rest unchecked", async () => {
    const path = file("mixed.csv", "case_id,force,reported_on\nA-1,Avon,2015-07-01\nB-2,Avon,not a date\nC-3,Avon,2015-07-03\n");
    const items = [];
    for await (const item of readCases(path, { rows: { ids: new Set(["C-3"]), notes: false } })) items.push(item);
    expect(items.map((item) => (item.kind === "case" ? item.record.case_id : item.invalid.case_id))).toEqual(["C-3"]);
  });

  test("keeps a JSON record's keys and values as written, the case_id's position noted", async () => {
    const path = file("cases.json", JSON.stringify([{ force: "Avon", "Case ID": "J-1", reported_on: "2015-07-01", concern: ["neglect", "cse"], notes: "x" }]));
    const rows = await readDrawnRows(path, new Set(["J-1"]), { notes: false, mapping: { columns: { "Case ID": "case_id" } } });
    expect(rows.get("J-1")).toEqual({ columns: ["force", "Case ID", "reported_on", "concern"], values: ["Avon", "J-1", "2015-07-01", ["neglect", "cse"]], idColumn: 1 });
  });

  test("a drawn case no longer in the file stops the run: it changed between the reads", async () => {
    const path = file("short.csv", "case_id,force,reported_on\nA-1,Avon,2015-07-01\n");
    await expect(readDrawnRows(path, new Set(["A-1", "Z-9"]), { notes: false })).rejects.toThrow(/changed while it was being read/);
  });
});
