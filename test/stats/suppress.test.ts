import { describe, expect, test } from "vitest";
import { suppress, type CellStatus, type Suppression } from "../../src/stats/suppress.js";
import { seeded } from "../helpers/seeded.mjs";

const P = "primary";
const S = "secondary";
const _ = "shown";

describe("suppress: a worked table, k = 5", () => {
  //          good adequate inadequate | total
  //   A        12     3        20     |  35
  //   B        15    18         9     |  42
  //   C         8    11        14     |  33
  //   D         0    25         2     |  27
  //   total    35    57        45     | 137
  // Primary: A adequate 3 and D inadequate 2 (1 ≤ count ≤ 4); every total is ≥ 5. The zero stays.
  // Pass 1, rows: A has one hidden → its smallest non-zero, good 12. D has one → adequate 25 (0 comes last).
  //   Columns: good has one (A) → smallest non-zero of 15, 8 → C 8. adequate has two (A, D).
  //   inadequate has one (D) → smallest of 20, 9, 14 → B 9.
  // Pass 2, rows: B has one (inadequate) → 15 before 18 → B good. C has one (good) → 11 before 14 → C adequate.
  //   Columns: good A, B, C; adequate A, C, D; inadequate B, D. Pass 3 changes nothing.
  const counts = [
    [12, 3, 20],
    [15, 18, 9],
    [8, 11, 14],
    [0, 25, 2],
  ];

  test("hides the small counts and enough partners that no row or column gives one back", () => {
    expect(suppress(counts, 5)).toEqual({
      cells: [
        [S, P, _],
        [S, _, S],
        [S, S, _],
        [_, S, P],
      ],
      rowTotals: [_, _, _, _],
      columnTotals: [_, _, _],
      grandTotal: _,
    });
  });

  test("k = 1 hides nothing, and k above every count hides every non-zero count", () => {
    const nothing = suppress(counts, 1);
    expect(nothing.cells.flat().every((status) => status === _)).toBe(true);
    const everything = suppress(counts, 200);
    expect(everything.cells).toEqual(counts.map((row) => row.map((count) => (count === 0 ? _ : P))));
    expect(everything.grandTotal).toBe(P);
  });
});

describe("suppress: totals", () => {
  test("a small total is hidden like any count, and another total beside it", () => {
    // Row 1 totals 4 → primary with its 4. Column good then has one hidden → row 2's 10.
    // The totals column has one hidden (4) → the smaller row total, 60 (the grand total comes last).
    expect(suppress([[4, 0, 0], [10, 20, 30]], 5)).toEqual({
      cells: [
        [P, _, _],
        [S, _, _],
      ],
      rowTotals: [P, S],
      columnTotals: [_, _, _],
      grandTotal: _,
    });
  });

  test("with one group a column total equals its count, so a hidden count hides its column total", () => {
    // Row: 3 is primary and so is its column total 3. The row's partner is 50 (0 comes last); the column
    // totals then hide the 50 as well; the row total and grand total 53 stay.
    expect(suppress([[3, 0, 50]], 5)).toEqual({
      cells: [[P, _, S]],
      rowTotals: [_],
      columnTotals: [P, _, S],
      grandTotal: _,
    });
  });

  test("a column of zeros around one hidden count falls back to a zero", () => {
    // Row 1: the 2 is primary; its partner is the 40 (smaller than 50). Column good pairs the 2 with the 6.
    // Column adequate has the 40 and then only a zero and the total 40 → the zero is hidden, before the total.
    const result = suppress([[2, 40, 50], [6, 0, 7]], 5);
    expect(result.cells).toEqual([
      [P, S, _],
      [S, S, _],
    ]);
  });

  test("a hidden entry joining two groups of hidden entries is covered too (step 2)", () => {
    //          good adequate inadequate | total
    //   A         1     0        0      |   1
    //   B        28     2       11      |  41
    //   C         4     0        6      |  10
    //   total    33     2       17      |  52
    // Primary (k = 5): A good 1, A's total 1, B adequate 2, C good 4, the adequate total 2.
    // Step 1: B pairs its 2 with 11; C pairs its 4 with 6 (before the zero); the totals row pairs 2 with 17;
    //   the totals column pairs A's 1 with C's 10. Every line then has 0, 2 or 3 hidden entries, but
    //   B adequate + B inadequate = 41 - 28 = 13, adequate total + inadequate total = 52 - 33 = 19, and the
    //   adequate column says B adequate = adequate total, so C inadequate = 19 - 13 = 6 exactly.
    // Step 2: the two sides of C inadequate are {A, C, good, total} and {B, totals row, adequate, inadequate};
    //   the cheapest visible entry across is B good (28), ahead of the zeros and the totals.
    expect(suppress([[1, 0, 0], [28, 2, 11], [4, 0, 6]], 5)).toEqual({
      cells: [
        [P, _, _],
        [S, P, S],
        [P, _, S],
      ],
      rowTotals: [P, _, S],
      columnTotals: [_, P, S],
      grandTotal: _,
    });
  });

  test("across a bridge, a zero count is hidden before a non-zero total (counts before totals)", () => {
    //          good adequate inadequate | total
    //   A         3     0        0      |   3
    //   B         3     0        0      |   3
    //   C         0     1        3      |   4
    //   total     6     1        3      |  10
    // Primary (k = 5): A good, B good, C adequate, C inadequate, the totals of A, B and C, and the adequate
    // and inadequate totals. Every line then has 0, 2 or 3 hidden entries, but C's total joins the cycle
    // {A, B, good, totals column} to the cycle {C, adequate, inadequate, totals row} alone. Shown entries
    // across: the zeros of A, B and C, the good total (6) and the grand total (10); the first zero, A
    // adequate, is hidden, and A's row and the adequate column then have three hidden entries each.
    expect(suppress([[3, 0, 0], [3, 0, 0], [0, 1, 3]], 5)).toEqual({
      cells: [
        [P, S, _],
        [P, _, _],
        [_, P, P],
      ],
      rowTotals: [P, P, P],
      columnTotals: [_, P, P],
      grandTotal: _,
    });
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

describe("suppress: forced entries (tables that share totals)", () => {
  test("a forced row total starts hidden, and its row and column are paired as for any hidden entry", () => {
    // Nothing is below k = 5, but row A's total (35) is forced: row A then hides its smallest count, 12;
    // the good column pairs the 12 with B's 15; the column of row totals pairs A's 35 with B's 53 (the
    // grand total comes last). Row B then has two hidden entries, and the four form one cycle.
    expect(suppress([[12, 23], [15, 38]], 5, { rowTotals: [true, false] })).toEqual({
      cells: [
        [S, _],
        [S, _],
      ],
      rowTotals: [S, S],
      columnTotals: [_, _],
      grandTotal: _,
    });
  });

  test("a forced entry that is already primary stays primary; forcing nothing changes nothing", () => {
    const counts = [[3, 20, 30], [10, 11, 12]];
    expect(suppress(counts, 5, { cells: [[true, false, false]] }).cells[0]?.[0]).toBe(P);
    expect(suppress(counts, 5, {})).toEqual(suppress(counts, 5));
  });

  test("a table of no groups whose grand total is forced: the total stays hidden, with nothing to pair it with", () => {
    // The line of the grand total has one hidden entry and no shown one; the plain description looped here.
    expect(suppress([], 5, { grandTotal: true })).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: S });
  });
});

/** The table with its totals as one grid of statuses and one of values, totals in the last row and column. */
function withTotals(counts: number[][], result: Suppression) {
  const columns = counts[0]?.length ?? 0;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => counts.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);
  const values = [...counts.map((row, i) => [...row, rowTotals[i] ?? 0]), [...columnTotals, grandTotal]];
  const statuses: CellStatus[][] = [
    ...result.cells.map((row, i) => [...row, result.rowTotals[i] ?? _]),
    [...result.columnTotals, result.grandTotal],
  ];
  return { values, statuses };
}

/**
 * Hidden entries that could be worked out exactly. Treat each row and column of the grid (totals included) as
 * a node and each hidden entry as an edge between its row and column: an entry can be changed without changing
 * any published sum only along a cycle of hidden entries, so exactly the bridges of this graph are exposed.
 */
function exposedEntries(statuses: CellStatus[][]): string[] {
  const edges = statuses.flatMap((row, i) =>
    row.flatMap((status, j) => (status === _ ? [] : [[`r${i}`, `c${j}`] as const])),
  );
  const connected = (from: string, to: string, without: number) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.pop();
      edges.forEach(([r, c], index) => {
        if (index === without || (r !== node && c !== node)) return;
        const next = r === node ? c : r;
        if (seen.has(next)) return;
        seen.add(next);
        queue.push(next);
      });
    }
    return seen.has(to);
  };
  return edges.flatMap(([r, c], index) => (connected(r, c, index) ? [] : [`${r}${c}`]));
}

describe("suppress: properties over random tables", () => {
  const random = seeded(20240611);
  const tables = Array.from({ length: 400 }, () => {
    const rows = 1 + Math.floor(random() * 8);
    const columns = random() < 0.75 ? 3 : 1 + Math.floor(random() * 5);
    const counts = Array.from({ length: rows }, () =>
      Array.from({ length: columns }, () => Math.floor(random() ** 3 * 40)),
    );
    return { counts, k: 2 + Math.floor(random() * 9) };
  });

  const results = tables.map(({ counts, k }) => ({ counts, k, ...withTotals(counts, suppress(counts, k)) }));

  test("primary suppression is exactly the counts from 1 to k-1, totals included", () => {
    const wrong = results.filter(({ values, statuses, k }) =>
      values.some((row, i) => row.some((value, j) => (statuses[i]?.[j] === P) !== (value >= 1 && value < k))),
    );
    expect(wrong).toEqual([]);
  });

  test("no row or column, totals row and column included, has exactly one hidden entry", () => {
    const wrong = results.filter(({ statuses }) => {
      const lines = [...statuses, ...(statuses[0] ?? []).map((_, j) => statuses.map((row) => row[j]))];
      return lines.some((line) => line.filter((status) => status !== _).length === 1);
    });
    expect(wrong).toEqual([]);
  });

  test("no hidden entry can be worked back by combining rows and columns either", () => {
    const wrong = results.filter(({ statuses }) => exposedEntries(statuses).length > 0);
    const exposed = wrong.map(({ counts, k, statuses }) => ({ counts, k, exposed: exposedEntries(statuses) }));
    expect(exposed).toEqual([]);
  });
});
