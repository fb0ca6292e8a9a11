import { assertCount } from "./_counts.js";

export type CellStatus = "shown" | "primary" | "secondary";

/** Which counts of a table may be published. Only `"shown"` entries may be printed. */
/** Entries to hide from the start, as secondary: entries this table shares with another that hides them. */
export interface ForcedEntries {
  cells?: readonly (readonly boolean[])[];
  rowTotals?: readonly boolean[];
  columnTotals?: readonly boolean[];
  grandTotal?: boolean;
}

export interface Suppression {
  /** One status per count, in the shape of the input. */
  cells: CellStatus[][];
  rowTotals: CellStatus[];
  columnTotals: CellStatus[];
  grandTotal: CellStatus;
}

/**
 * Small-number suppression for a table of counts (rows = groups, columns = grades) published with its row
 * totals, column totals and grand total.
 *
 * Primary: every count from 1 to k-1 is hidden, totals included. Zeros are shown: a zero names nobody.
 *
 * Secondary, step 1: each row and each column is a line whose entries are its counts and its total; the
 * totals form two more lines (column totals with the grand total, row totals with the grand total). A line
 * with exactly one hidden entry would give it away by subtraction, so another entry of that line is hidden:
 * its smallest non-zero count, else a zero, else (no count left) the line's total. Lines are visited rows
 * first, then columns, again until nothing changes.
 *
 * Step 2: that is not enough on its own. Two groups of hidden entries joined through a single hidden entry
 * still give that entry away once their rows and columns are added up. Taking each row and column as a node
 * and each hidden entry as an edge, an entry can be worked back exactly if and only if it lies on no cycle
 * (it is a bridge). For each such entry, the cheapest entry joining its two sides is hidden too, and step 1
 * is run again, until no hidden entry is a bridge.
 *
 * "Cheapest" puts counts before totals and non-zero counts before zeros (a hidden zero beside a 3 leaves the
 * pair summing to 3), then takes the smallest. Because counts are never negative, published sums still bound
 * every hidden entry; the promise is only that none can be worked out exactly.
 *
 * `forced` entries start hidden (as secondary) whatever their value: tables that share entries (a group's
 * graded count heads several tables) are suppressed again, each forced to hide what another hid, until none
 * hides more; hiding more never lets a hidden entry be worked back.
 */
export function suppress(counts: readonly (readonly number[])[], k: number, forced: ForcedEntries = {}): Suppression {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (rows > 0 && columns === 0) throw new RangeError("a table needs at least one column");
  if (counts.some((row) => row.length !== columns)) throw new RangeError("every row needs the same number of counts");
  counts.forEach((row) => row.forEach((count) => assertCount(count, "a count")));

  const grid = new Grid(rows, columns);
  counts.forEach((row, i) =>
    row.forEach((count, j) => {
      for (const at of [grid.at(i, j), grid.at(i, columns), grid.at(rows, j), grid.at(rows, columns)]) {
        grid.values[at] = (grid.values[at] ?? 0) + count;
      }
    }),
  );
  const status = grid.values.map((value): CellStatus => (value >= 1 && value < k ? "primary" : "shown"));
  const force = (at: number, hidden: boolean | undefined) => {
    if (hidden && status[at] === "shown") status[at] = "secondary";
  };
  range(rows).forEach((i) => {
    range(columns).forEach((j) => force(grid.at(i, j), forced.cells?.[i]?.[j]));
    force(grid.at(i, columns), forced.rowTotals?.[i]);
  });
  range(columns).forEach((j) => force(grid.at(rows, j), forced.columnTotals?.[j]));
  force(grid.at(rows, columns), forced.grandTotal);

  for (;;) {
    pairLoneEntries(grid, status);
    const crossing = bridgeCrossings(grid, status);
    if (!crossing) break;
    status[grid.cheapest(crossing)] = "secondary";
  }

  const statusAt = (i: number, j: number): CellStatus => status[grid.at(i, j)] ?? "shown";
  return {
    cells: range(rows).map((i) => range(columns).map((j) => statusAt(i, j))),
    rowTotals: range(rows).map((i) => statusAt(i, columns)),
    columnTotals: range(columns).map((j) => statusAt(rows, j)),
    grandTotal: statusAt(rows, columns),
  };
}

/** The table with its totals as one flat grid, (rows + 1) × (columns + 1); totals in the last row and column. */
class Grid {
  readonly values: number[];
  /** Every row and column of the grid, as entry indices with the line's total last. */
  readonly lines: number[][];

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    this.values = new Array<number>((rows + 1) * (columns + 1)).fill(0);
    this.lines = [
      ...range(rows + 1).map((i) => range(columns + 1).map((j) => this.at(i, j))),
      ...range(columns + 1).map((j) => range(rows + 1).map((i) => this.at(i, j))),
    ];
  }

  at(i: number, j: number): number {
    return i * (this.columns + 1) + j;
  }

  isTotal(at: number): boolean {
    return at >= this.rows * (this.columns + 1) || at % (this.columns + 1) === this.columns;
  }

  /** An entry as an edge between two nodes: rows are 0..rows, columns follow them. */
  nodes(at: number): [number, number] {
    const width = this.columns + 1;
    return [Math.floor(at / width), this.rows + 1 + (at % width)];
  }

  /** Counts before totals, non-zero before zero, then the smallest; the first on a tie. */
  cheapest(entries: readonly number[]): number {
    const rank = (at: number): number[] => {
      const value = this.values[at] ?? 0;
      return [this.isTotal(at) ? 1 : 0, value === 0 ? 1 : 0, value];
    };
    const before = (a: number[], b: number[]): boolean => {
      const differs = a.findIndex((value, i) => value !== b[i]);
      return differs >= 0 && (a[differs] ?? 0) < (b[differs] ?? 0);
    };
    return entries.reduce((best, at) => (before(rank(at), rank(best)) ? at : best), entries[0] ?? 0);
  }
}

/** Step 1: until no line has exactly one hidden entry, hide the cheapest other count of such a line. */
function pairLoneEntries(grid: Grid, status: CellStatus[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of grid.lines) {
      if (line.filter((at) => status[at] !== "shown").length !== 1) continue;
      const visible = line.filter((at) => status[at] === "shown");
      const total = line[line.length - 1];
      const counts = visible.filter((at) => at !== total);
      status[grid.cheapest(counts.length > 0 ? counts : visible)] = "secondary";
      changed = true;
    }
  }
}

/** Step 2: for the first hidden entry on no cycle, the visible entries that would put it on one. */
function bridgeCrossings(grid: Grid, status: readonly CellStatus[]): number[] | undefined {
  const hidden = range(status.length).filter((at) => status[at] !== "shown");
  const edges = hidden.map((at) => grid.nodes(at));
  const bridge = edges.findIndex(([row, column], index) => !reachable(edges, row, index).has(column));
  const ends = edges[bridge];
  if (!ends) return undefined;
  const [rowSide, columnSide] = ends.map((end) => reachable(edges, end, bridge));
  const joins = (a: number, b: number) => (rowSide?.has(a) && columnSide?.has(b)) ?? false;
  return range(status.length).filter((at) => {
    const [row, column] = grid.nodes(at);
    return status[at] === "shown" && (joins(row, column) || joins(column, row));
  });
}

/** Nodes joined to `from` by the edges, leaving out the `without`-th edge. */
function reachable(edges: readonly (readonly [number, number])[], from: number, without: number): Set<number> {
  const seen = new Set([from]);
  for (const queue = [from]; queue.length > 0; ) {
    const current = queue.pop();
    edges.forEach(([a, b], index) => {
      const next = a === current ? b : b === current ? a : undefined;
      if (index !== without && next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    });
  }
  return seen;
}

const range = (length: number): number[] => Array.from({ length }, (_, index) => index);
