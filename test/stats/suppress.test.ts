import { describe, expect, test } from "vitest";
import { suppress, type Suppression } from "../../src/stats/suppress.js";
import { pinnedFigures, tableModel } from "../helpers/attacker.js";
import { runs } from "../helpers/runs.js";
import { seeded } from "../helpers/seeded.mjs";

const H = "hidden";
const _ = "shown";

/** The table's figures by the attacker's names, null where hidden. */
function published(counts: number[][], result: Suppression): Map<string, number | null> {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const figures = new Map<string, number | null>();
  const show = (name: string, status: string, value: number) => figures.set(name, status === H ? null : value);
  counts.forEach((row, i) => row.forEach((count, j) => show(`${i}.${j}`, result.cells[i]![j]!, count)));
  counts.forEach((row, i) => show(`row ${i}`, result.rowTotals[i]!, sum(row)));
  (counts[0] ?? []).forEach((_, j) => show(`column ${j}`, result.columnTotals[j]!, sum(counts.map((row) => row[j]!))));
  show("total", result.grandTotal, sum(counts.flat()));
  return figures;
}

describe("suppress: worked tables", () => {
  test("a small count is hidden with the cheapest three others that let two cases trade places", () => {
    //          good adequate inadequate | total
    //   A        12     3        20     |  35
    //   B        15    18         9     |  42
    // k = 5 hides A's 3. One more adequate case in A and one fewer in B, with A's and B's good counts the
    // other way, changes no total: so A good, B good and B adequate go too (12 + 15 + 18 = 45, cheaper than
    // the inadequate column's 20 + 9 + 18 = 47). No total is hidden.
    expect(suppress([[12, 3, 20], [15, 18, 9]], 5)).toEqual({
      cells: [
        [H, H, _],
        [H, H, _],
      ],
      rowTotals: [_, _],
      columnTotals: [_, _, _],
      grandTotal: _,
    });
  });

  test("hides zeros rather than a total, and a small total with another total rather than the grand total", () => {
    //   2  0 |  2
    //   0  7 |  7
    //   2  7 |  9
    // k = 5 hides the 2s. For the cell: moving one of A's cases to B would hide B's total, adding a case the
    // grand total; the zeros and the 7 trading places hide neither. A's total of 2 can only change if a case
    // moves between the rows (B's total changes too) or is added (the grand total): B's total goes. So does
    // the 7's column total, for the first column's 2.
    expect(suppress([[2, 0], [0, 7]], 5)).toEqual({
      cells: [
        [H, H],
        [H, H],
      ],
      rowTotals: [H, H],
      columnTotals: [H, H],
      grandTotal: _,
    });
  });

  test("k = 1 hides nothing; a k above every count hides every count but zeros, and what they need", () => {
    const counts = [[12, 3, 20], [15, 18, 9], [0, 25, 2]];
    const nothing = suppress(counts, 1);
    expect([...nothing.cells.flat(), ...nothing.rowTotals, ...nothing.columnTotals, nothing.grandTotal].every((s) => s === _)).toBe(true);
    const everything = suppress(counts, 200);
    expect(everything.cells.flat().filter((s, i) => counts.flat()[i]! > 0 && s !== H)).toEqual([]);
    expect(everything.grandTotal).toBe(H);
  });

  test("no groups: nothing to hide", () => {
    expect(suppress([], 5)).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: _ });
  });

  test.each([
    ["k of 0", [[1, 2, 3]], 0],
    ["a fractional k", [[1, 2, 3]], 2.5],
    ["a negative count", [[1, -2, 3]], 5],
    ["a ragged table", [[1, 2, 3], [1, 2]], 5],
    ["rows without columns", [[]], 5],
  ])("rejects %s", (_name, counts, k) => {
    expect(() => suppress(counts, k)).toThrow(RangeError);
  });
});

describe("suppress: random tables, against an exact attacker", () => {
  const random = seeded(20240611);
  const tables = Array.from({ length: runs(150) }, () => {
    const rows = 1 + Math.floor(random() * 5);
    const columns = 1 + Math.floor(random() * 4);
    const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(random() ** 3 * 30)));
    return { counts, k: 2 + Math.floor(random() * 8) };
  });

  test("every count from 1 to k-1 is hidden, totals included", () => {
    const shown = tables.flatMap(({ counts, k }) =>
      [...published(counts, suppress(counts, k))].filter(([, value]) => value !== null && value >= 1 && value < k).map(([name]) => ({ counts, k, name })),
    );
    expect(shown).toEqual([]);
  });

  test("no hidden count has one value that every table consistent with the shown figures agrees on", () => {
    const pinned = tables.flatMap(({ counts, k }) => pinnedFigures(tableModel(counts), published(counts, suppress(counts, k))).map((p) => ({ counts, k, ...p })));
    expect(pinned).toEqual([]);
  });
});
