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
 * pair summing to 3), then takes the smallest, then the first. Because counts are never negative, published
 * sums still bound every hidden entry; the promise is only that none can be worked out exactly.
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
  const { values } = grid;
  counts.forEach((row, i) =>
    row.forEach((count, j) => {
      values[grid.at(i, j)] = count;
      values[grid.at(i, columns)]! += count;
      values[grid.at(rows, j)]! += count;
      values[grid.at(rows, columns)]! += count;
    }),
  );
  const status = new Uint8Array(values.length);
  values.forEach((value, at) => {
    if (value >= 1 && value < k) status[at] = PRIMARY;
  });
  const force = (at: number, hidden: boolean | undefined) => {
    if (hidden && status[at] === SHOWN) status[at] = SECONDARY;
  };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) force(grid.at(i, j), forced.cells?.[i]?.[j]);
    force(grid.at(i, columns), forced.rowTotals?.[i]);
  }
  for (let j = 0; j < columns; j++) force(grid.at(rows, j), forced.columnTotals?.[j]);
  force(grid.at(rows, columns), forced.grandTotal);

  const secondary = new Secondary(grid, status);
  for (;;) {
    secondary.pairLoneEntries();
    const crossing = secondary.bridgeCrossing();
    if (crossing < 0) break;
    secondary.hide(crossing);
  }

  const statusAt = (i: number, j: number): CellStatus => STATUS[status[grid.at(i, j)]!]!;
  const cells = new Array<CellStatus[]>(rows);
  const rowTotals = new Array<CellStatus>(rows);
  for (let i = 0; i < rows; i++) {
    const row = (cells[i] = new Array<CellStatus>(columns));
    for (let j = 0; j < columns; j++) row[j] = statusAt(i, j);
    rowTotals[i] = statusAt(i, columns);
  }
  const columnTotals = new Array<CellStatus>(columns);
  for (let j = 0; j < columns; j++) columnTotals[j] = statusAt(rows, j);
  return { cells, rowTotals, columnTotals, grandTotal: statusAt(rows, columns) };
}

const SHOWN = 0;
const PRIMARY = 1;
const SECONDARY = 2;
const STATUS: readonly CellStatus[] = ["shown", "primary", "secondary"];

/**
 * The table with its totals as one flat grid, (rows + 1) × (columns + 1); totals in the last row and column.
 * Its lines are its rows (0..rows, the totals row last) and then its columns (rows + 1 onwards, the totals
 * column last); each line's total is its last entry. An entry is also an edge between the two lines it lies
 * on, which are the nodes of step 2's graph.
 */
class Grid {
  readonly values: Float64Array;
  readonly width: number;
  readonly lineCount: number;

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    this.width = columns + 1;
    this.values = new Float64Array((rows + 1) * this.width);
    this.lineCount = rows + 1 + this.width;
  }

  at(i: number, j: number): number {
    return i * this.width + j;
  }

  /** The row line an entry lies on. */
  rowOf(at: number): number {
    return Math.floor(at / this.width);
  }

  /** The column line an entry lies on. */
  columnOf(at: number): number {
    return this.rows + 1 + (at % this.width);
  }

  isTotal(at: number): boolean {
    return at >= this.rows * this.width || at % this.width === this.columns;
  }

  /** A line's total: its last entry. */
  totalOf(line: number): number {
    return line <= this.rows ? this.at(line, this.columns) : this.at(this.rows, line - this.rows - 1);
  }

  /** A line's entries, in order along it, its total last. */
  line(line: number): number[] {
    if (line <= this.rows) return range(this.width).map((j) => this.at(line, j));
    const j = line - this.rows - 1;
    return range(this.rows + 1).map((i) => this.at(i, j));
  }

  /**
   * Whether `a` is cheaper to hide than `b`: counts before totals, non-zero before zero, then the smaller,
   * then the first (the lower index, which is also the first along any line).
   */
  cheaper(a: number, b: number): boolean {
    const totalA = this.isTotal(a);
    if (totalA !== this.isTotal(b)) return !totalA;
    const valueA = this.values[a] ?? 0;
    const valueB = this.values[b] ?? 0;
    if ((valueA === 0) !== (valueB === 0)) return valueB === 0;
    return valueA !== valueB ? valueA < valueB : a < b;
  }
}

/**
 * Secondary suppression, in the same order of steps as the plain description above (so with the same
 * outcome), but without its repeated full scans:
 *
 * - Step 1 keeps each line's count of hidden entries, so the lines with exactly one are known without
 *   looking; they are taken from a queue ordered by (pass, line), which is the order in which passes over
 *   all lines would reach them: a line that comes to have one hidden entry during a pass is reached in that
 *   pass if it lies after the line being paired, else in the next. Each line's candidates (all but its total)
 *   are sorted once, cheapest first, and a cursor skips the ones hidden since: entries are never unhidden.
 * - Step 2 finds every bridge in one depth-first search (Tarjan's low-link), O(lines + hidden entries),
 *   instead of one search per hidden entry each scanning every hidden entry per node visited; the two sides
 *   of the first bridge are its lower end's subtree in that search and the rest of its component.
 *
 * So step 1 costs O(n log n) in the n entries of the grid over the whole run, and each round of step 2
 * O(n). Rounds are few: after step 1 both ends of a bridge have another hidden entry, so both of its sides
 * hold a column, and a table of a few columns has only a few bridges however many groups it has (on random
 * tables of up to thousands of groups, step 2 never hid more than two entries). The plain description
 * took one reachability search per hidden entry, each O(hidden entries) per node reached, for every entry
 * step 2 hid: tens of seconds for a few hundred groups.
 *
 * A line with one hidden entry and no shown entry at all (only in a table of no groups, whose grand total
 * is forced hidden) has nothing to pair with and is left so; the plain description looped there forever.
 */
class Secondary {
  /** Per line, how many of its entries are hidden. */
  private readonly hiddenIn: Int32Array;
  /** Per line, its entries but the total, cheapest first; built when the line first needs a partner. */
  private readonly order: (Int32Array | undefined)[];
  /** Per line, how far along `order` every entry is known to be hidden. */
  private readonly cursor: Int32Array;
  /** Lines with one hidden entry, keyed pass × lineCount + line. */
  private readonly queue = new MinHeap();
  /** The pass and line step 1 is at; (0, -1) outside it. */
  private pass = 0;
  private current = -1;

  constructor(
    private readonly grid: Grid,
    private readonly status: Uint8Array,
  ) {
    this.hiddenIn = new Int32Array(grid.lineCount);
    this.order = new Array<Int32Array | undefined>(grid.lineCount);
    this.cursor = new Int32Array(grid.lineCount);
    status.forEach((value, at) => {
      if (value === SHOWN) return;
      this.hiddenIn[grid.rowOf(at)]!++;
      this.hiddenIn[grid.columnOf(at)]!++;
    });
    this.hiddenIn.forEach((hidden, line) => {
      if (hidden === 1) this.queue.push(line);
    });
  }

  /** Hides a shown entry, as secondary, and queues a line that comes to have one hidden entry. */
  hide(at: number): void {
    this.status[at] = SECONDARY;
    this.count(this.grid.rowOf(at));
    this.count(this.grid.columnOf(at));
  }

  private count(line: number): void {
    if (++this.hiddenIn[line]! !== 1) return;
    const pass = line > this.current ? this.pass : this.pass + 1;
    this.queue.push(pass * this.grid.lineCount + line);
  }

  /** Step 1: until no line has exactly one hidden entry, hide the cheapest other count of such a line. */
  pairLoneEntries(): void {
    const lines = this.grid.lineCount;
    for (let key = this.queue.pop(); key !== undefined; key = this.queue.pop()) {
      this.pass = Math.floor(key / lines);
      this.current = key % lines;
      if (this.hiddenIn[this.current] !== 1) continue;
      const partner = this.partner(this.current);
      if (partner >= 0) this.hide(partner);
    }
    this.pass = 0;
    this.current = -1;
  }

  /** The cheapest shown entry of a line other than its total, else its total if shown, else -1. */
  private partner(line: number): number {
    const order = this.order[line] ?? this.sortLine(line);
    let next = this.cursor[line]!;
    while (next < order.length && this.status[order[next]!] !== SHOWN) next++;
    this.cursor[line] = next;
    if (next < order.length) return order[next]!;
    const total = this.grid.totalOf(line);
    return this.status[total] === SHOWN ? total : -1;
  }

  private sortLine(line: number): Int32Array {
    const order = Int32Array.from(this.grid.line(line).slice(0, -1));
    // `cheaper` breaks ties by index: a total order, so no two entries compare equal.
    order.sort((a, b) => (this.grid.cheaper(a, b) ? -1 : 1));
    this.order[line] = order;
    return order;
  }

  /**
   * Step 2: the cheapest shown entry joining the two sides of the first hidden entry (by index) that lies
   * on no cycle of hidden entries; -1 when every hidden entry lies on one.
   */
  bridgeCrossing(): number {
    const { grid, status } = this;
    const nodes = grid.lineCount;

    // The hidden entries as a graph, in compressed adjacency lists: node n's neighbours are
    // neighbour[start[n] .. start[n + 1]), each reached through the entry edge[...].
    // A node's degree is the hidden entries of its line, which `hiddenIn` keeps.
    const start = new Int32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) start[n + 1] = start[n]! + this.hiddenIn[n]!;
    const edges = start[nodes]! / 2;
    if (edges === 0) return -1;
    const fill = start.slice(0, nodes);
    const neighbour = new Int32Array(2 * edges);
    const edge = new Int32Array(2 * edges);
    status.forEach((value, at) => {
      if (value === SHOWN) return;
      const row = grid.rowOf(at);
      const column = grid.columnOf(at);
      neighbour[fill[row]!] = column;
      edge[fill[row]!++] = at;
      neighbour[fill[column]!] = row;
      edge[fill[column]!++] = at;
    });

    // Tarjan's bridges, iteratively: an edge from parent p to child c of the search tree lies on no cycle
    // exactly when nothing in c's subtree reaches back to p or above (low[c] > entered[p]).
    const entered = new Int32Array(nodes).fill(-1);
    const left = new Int32Array(nodes);
    const low = new Int32Array(nodes);
    const via = new Int32Array(nodes).fill(-1);
    const parent = new Int32Array(nodes).fill(-1);
    const root = new Int32Array(nodes).fill(-1);
    const next = start.slice(0, nodes);
    const stack = new Int32Array(nodes);
    let clock = 0;
    let bridge = -1;
    let below = -1;
    for (let origin = 0; origin < nodes; origin++) {
      if (entered[origin] !== -1 || start[origin] === start[origin + 1]) continue;
      let depth = 0;
      stack[depth++] = origin;
      entered[origin] = low[origin] = clock++;
      root[origin] = origin;
      while (depth > 0) {
        const node = stack[depth - 1]!;
        if (next[node]! < start[node + 1]!) {
          const index = next[node]!++;
          const to = neighbour[index]!;
          if (edge[index] === via[node]) continue;
          if (entered[to] === -1) {
            entered[to] = low[to] = clock++;
            via[to] = edge[index]!;
            parent[to] = node;
            root[to] = origin;
            stack[depth++] = to;
          } else if (entered[to]! < low[node]!) {
            low[node] = entered[to]!;
          }
          continue;
        }
        depth--;
        left[node] = clock;
        const up = parent[node]!;
        if (up < 0) continue;
        if (low[node]! < low[up]!) low[up] = low[node]!;
        if (low[node]! > entered[up]! && (bridge < 0 || via[node]! < bridge)) {
          bridge = via[node]!;
          below = node;
        }
      }
    }
    if (bridge < 0) return -1;

    // The sides: 1 for the subtree under the bridge, 2 for the rest of its component, 0 for other nodes.
    const component = root[below]!;
    const side = (node: number): number =>
      root[node] !== component ? 0 : entered[node]! >= entered[below]! && entered[node]! < left[below]! ? 1 : 2;
    const columnSide = range(grid.columns + 1).map((j) => side(grid.rows + 1 + j));
    let best = -1;
    for (let i = 0; i <= grid.rows; i++) {
      const rowSide = side(i);
      if (rowSide === 0) continue;
      for (let j = 0; j <= grid.columns; j++) {
        const at = grid.at(i, j);
        const other = columnSide[j]!;
        if (other === 0 || other === rowSide || status[at] !== SHOWN) continue;
        if (best < 0 || grid.cheaper(at, best)) best = at;
      }
    }
    return best;
  }
}

/** A binary min-heap of non-negative numbers. */
class MinHeap {
  private readonly items: number[] = [];

  push(item: number): void {
    const { items } = this;
    let at = items.length;
    items.push(item);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (items[up]! <= item) break;
      items[at] = items[up]!;
      at = up;
    }
    items[at] = item;
  }

  pop(): number | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && items[child + 1]! < items[child]!) child++;
      if (items[child]! >= last) break;
      items[at] = items[child]!;
      at = child;
    }
    items[at] = last;
    return top;
  }
}

const range = (length: number): number[] => Array.from({ length }, (_, index) => index);
