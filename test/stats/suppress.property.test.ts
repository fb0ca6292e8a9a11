import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { suppress, type CellStatus, type ForcedEntries, type Suppression } from "../../src/stats/suppress.js";
import { oldSuppress as oracleSuppress } from "../helpers/suppress-old.mjs";
import { bridges } from "../helpers/bridges.js";
import { runs } from "../helpers/runs.js";

/** Counts as suppression meets them: many zeros and small counts, some middling, a few large. */
const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 4 },
  { arbitrary: fc.integer({ min: 5, max: 40 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 1 },
);
/** About one entry in ten forced hidden. */
const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);

interface Input {
  counts: number[][];
  k: number;
  forced: ForcedEntries;
}

/**
 * A table of `rows` groups by `columns` columns, a k and (sometimes) entries forced hidden. By default,
 * 1..6 columns and counts as suppression meets them.
 */
const tables = (
  rows: { min: number; max: number },
  { columns = { min: 1, max: 6 }, counts = count }: { columns?: { min: number; max: number }; counts?: fc.Arbitrary<number> } = {},
): fc.Arbitrary<Input> =>
  fc
    .record({ rows: fc.integer(rows), columns: fc.integer(columns) })
    .chain(({ rows, columns }) =>
      fc.record({
        counts: fc.array(fc.array(counts, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
        k: fc.integer({ min: 2, max: 10 }),
        forced: fc.oneof(
          fc.constant({}),
          fc.record({
            cells: fc.array(fc.array(rarely, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
            rowTotals: fc.array(rarely, { minLength: rows, maxLength: rows }),
            columnTotals: fc.array(rarely, { minLength: columns, maxLength: columns }),
            // With no rows the grid is the grand total alone; forcing it hid it and sent the old code round forever.
            grandTotal: rows > 0 ? rarely : fc.constant(false),
          }),
        ),
      }),
    );

/**
 * Where step 2 (an entry on no cycle) is needed most often, about one table in ten: a handful to a few dozen
 * groups, five or six columns, counts spread evenly below 40 (or, for ties between candidates, below 10).
 */
const bridged = fc.oneof(
  ...[39, 9].map((max) =>
    tables(
      { min: 4, max: 40 },
      { columns: { min: 5, max: 6 }, counts: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max }), weight: 3 }) },
    ),
  ),
);

/** The table with its totals as one grid of statuses and one of values, totals in the last row and column. */
function withTotals(counts: readonly (readonly number[])[], result: Suppression) {
  const columns = counts[0]?.length ?? 0;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => counts.reduce((sum, row) => sum + row[j]!, 0));
  const values = [...counts.map((row, i) => [...row, rowTotals[i]!]), [...columnTotals, rowTotals.reduce((a, b) => a + b, 0)]];
  const statuses: CellStatus[][] = [...result.cells.map((row, i) => [...row, result.rowTotals[i]!]), [...result.columnTotals, result.grandTotal]];
  return { values, statuses };
}

/**
 * The hidden entries a reader could work out exactly from what is published, by linear algebra rather than
 * graph theory. Unknowns: the hidden entries. Equations: each line of the grid (a row or column, totals row
 * and column included) says its counts add up to its total, with the shown entries known. An unknown is
 * determined exactly when every solution of the homogeneous system has it zero: after row reduction, when
 * it heads a row whose other entries lie in no free column. The equations are those of a bipartite
 * graph's incidence matrix up to signs, which is totally unimodular, so arithmetic modulo a prime gives the
 * same ranks as over the rationals.
 */
function determinable(statuses: readonly (readonly CellStatus[])[]): string[] {
  const P = 1_000_003;
  const height = statuses.length;
  const width = statuses[0]?.length ?? 0;
  const unknowns: [number, number][] = [];
  statuses.forEach((row, i) => row.forEach((status, j) => status !== "shown" && unknowns.push([i, j])));
  const equations: number[][] = [];
  const sign = (isTotal: boolean) => (isTotal ? P - 1 : 1);
  for (let i = 0; i < height; i++) equations.push(unknowns.map(([r, c]) => (r === i ? sign(c === width - 1) : 0)));
  for (let j = 0; j < width; j++) equations.push(unknowns.map(([r, c]) => (c === j ? sign(r === height - 1) : 0)));

  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < unknowns.length && rank < equations.length; column++) {
    const found = equations.findIndex((row, r) => r >= rank && row[column] !== 0);
    if (found < 0) continue;
    [equations[rank], equations[found]] = [equations[found]!, equations[rank]!];
    const pivotRow = equations[rank]!;
    const inverse = modInverse(pivotRow[column]!, P);
    for (let c = 0; c < pivotRow.length; c++) pivotRow[c] = (pivotRow[c]! * inverse) % P;
    equations.forEach((row, r) => {
      const factor = row[column]!;
      if (r === rank || factor === 0) return;
      for (let c = 0; c < row.length; c++) row[c] = (row[c]! - ((factor * pivotRow[c]!) % P) + P) % P;
    });
    pivots.push(column);
    rank++;
  }
  const free = unknowns.map((_, column) => !pivots.includes(column));
  return pivots.flatMap((column, r) => {
    const row = equations[r]!;
    const exact = row.every((value, c) => c === column || value === 0 || !free[c]);
    const [i, j] = unknowns[column]!;
    return exact ? [`r${i}c${j}`] : [];
  });
}

function modInverse(a: number, p: number): number {
  let [result, base, exponent] = [1, a % p, p - 2];
  while (exponent > 0) {
    if (exponent % 2 === 1) result = (result * base) % p;
    base = (base * base) % p;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** Everything a publisher is promised about one suppressed table; an empty list when all holds. */
function broken({ counts, k, forced }: Input, result: Suppression, { algebra = false } = {}): string[] {
  const { values, statuses } = withTotals(counts, result);
  const problems: string[] = [];
  const forcedAt = (i: number, j: number): boolean => {
    const rows = counts.length;
    const columns = counts[0]?.length ?? 0;
    if (i < rows && j < columns) return forced.cells?.[i]?.[j] ?? false;
    if (i < rows) return forced.rowTotals?.[i] ?? false;
    if (j < columns) return forced.columnTotals?.[j] ?? false;
    return forced.grandTotal ?? false;
  };
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      const status = statuses[i]![j]!;
      if ((status === "primary") !== (value >= 1 && value < k)) problems.push(`r${i}c${j}: ${value} is ${status}`);
      if (forcedAt(i, j) && status === "shown") problems.push(`r${i}c${j}: forced but shown`);
    }),
  );
  const lines = [...statuses, ...(statuses[0] ?? []).map((_, j) => statuses.map((row) => row[j]!))];
  lines.forEach((line, index) => {
    if (line.length > 1 && line.filter((status) => status !== "shown").length === 1) problems.push(`line ${index} has one hidden entry`);
  });
  problems.push(...bridges(statuses).map((entry) => `${entry} lies on no cycle`));
  if (algebra) problems.push(...determinable(statuses).map((entry) => `${entry} can be worked out`));
  return problems;
}

function sameAsOld({ counts, k, forced }: Input): void {
  expect(suppress(counts, k, forced)).toEqual(oracleSuppress(counts, k, forced));
}

describe("suppress: the same pattern as the old algorithm", () => {
  test("on random tables of up to 60 groups", () => {
    fc.assert(
      fc.property(tables({ min: 0, max: 60 }), sameAsOld),
      { numRuns: runs(300) },
    );
  });

  test("on tables where an entry on no cycle has to be covered (step 2)", () => {
    fc.assert(
      fc.property(bridged, sameAsOld),
      { numRuns: runs(400) },
    );
  });

  test("on random tables of 100 to 300 groups", () => {
    fc.assert(
      fc.property(tables({ min: 100, max: 300 }), sameAsOld),
      { numRuns: runs(12) },
    );
  });
});

describe("suppress: the promise, checked directly", () => {
  test("no hidden entry can be worked out by linear algebra on the published sums (small tables)", () => {
    fc.assert(
      fc.property(fc.oneof(tables({ min: 0, max: 12 }), bridged), (input) => {
        expect(broken(input, suppress(input.counts, input.k, input.forced), { algebra: true })).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  test("primary exact, forced entries hidden, no lone hidden entry, none on no cycle, for thousands of groups", () => {
    fc.assert(
      fc.property(tables({ min: 1000, max: 5000 }), (input) => {
        expect(broken(input, suppress(input.counts, input.k, input.forced))).toEqual([]);
      }),
      { numRuns: runs(10) },
    );
  });

  test("the linear-algebra check does find what a single hidden count gives away", () => {
    // A row with one hidden count: the other counts and the total give it back.
    const lone: Suppression = {
      cells: [
        ["primary", "shown"],
        ["shown", "shown"],
      ],
      rowTotals: ["shown", "shown"],
      columnTotals: ["shown", "shown"],
      grandTotal: "shown",
    };
    const counts = [
      [3, 10],
      [10, 10],
    ];
    expect(determinable(withTotals(counts, lone).statuses)).toEqual(["r0c0"]);
    // Two cycles joined by one hidden entry: every line has two or more hidden, yet the joining entry is exposed.
    const joined = withTotals([[1, 0, 0], [28, 2, 11], [4, 0, 6]], {
      cells: [
        ["primary", "shown", "shown"],
        ["shown", "primary", "secondary"],
        ["primary", "shown", "secondary"],
      ],
      rowTotals: ["primary", "shown", "secondary"],
      columnTotals: ["shown", "primary", "secondary"],
      grandTotal: "shown",
    });
    expect(determinable(joined.statuses)).toEqual(["r2c2"]);
    expect(bridges(joined.statuses)).toEqual(["r2c2"]);
  });
});
