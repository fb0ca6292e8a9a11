import { assertCount } from "./_counts.js";

export type CellStatus = "shown" | "hidden";

/** What may be shown of a table of counts published with its row totals, column totals and grand total. */
export interface Suppression {
  cells: CellStatus[][];
  rowTotals: CellStatus[];
  columnTotals: CellStatus[];
  grandTotal: CellStatus;
}

/**
 * Counts a report publishes ("figures", numbered from 0), and the other sets of cases a reader of the report
 * cannot tell from the real one. `alternatives(target)` lists sets of cases that give `target` another value,
 * each as every figure it changes; only alternatives that could really be are listed (no count below 0, and
 * whatever else is known of how the counts hang together).
 */
export interface Published {
  readonly size: number;
  value(figure: number): number;
  /**
   * How much hiding a figure takes from the reader: 0 for a count inside a table, 1 for a row's total (a
   * group's count, from which its shares are worked out), 2 for a count of the whole.
   */
  weight(figure: number): number;
  alternatives(target: number, hidden: Hidden): Iterable<readonly number[]>;
  /** Told of each figure as it is hidden (to find the partners already hidden first). */
  hid?(figure: number): void;
}

export interface Hidden {
  has(figure: number): boolean;
}

/**
 * What an alternative costs: of the figures it would newly hide, those of the whole, then row totals, then
 * all of them, then the zeros among them (a hidden zero says less than a hidden count), then their sum.
 */
function costOf(published: Published, hidden: Uint8Array, figures: readonly number[]): number[] {
  const cost = [0, 0, 0, 0, 0];
  for (let i = 0; i < figures.length; i++) {
    const figure = figures[i]!;
    if (hidden[figure] || figures.indexOf(figure) < i) continue;
    const weight = published.weight(figure);
    if (weight > 0) cost[2 - weight]!++;
    const value = published.value(figure);
    cost[2]!++;
    if (value === 0) cost[3]!++;
    cost[4]! += value;
  }
  return cost;
}

/** How many alternatives at most are weighed for one figure: enough to find a cheap one, few enough for 100,000 groups. */
const LOOK_AT = 64;

const cheaper = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/**
 * Small-number suppression by alternatives. Every figure from 1 to k-1 is hidden (zeros are shown: a zero
 * names nobody). Then each hidden figure, in order, that no alternative chosen so far changes is given one:
 * the cheapest alternative that changes it, and every figure that alternative changes is hidden too.
 *
 * At the end every hidden figure has an alternative that changes it and changes nothing shown: the report is
 * the same for the real cases and for the alternative, so no reader can work the figure out exactly, however
 * they combine what is published. Hiding more later never spoils an alternative chosen earlier.
 */
export function hideByAlternatives(published: Published, k: number): Uint8Array {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const hidden = new Uint8Array(published.size);
  const covered = new Uint8Array(published.size);
  const set: Hidden = { has: (figure) => hidden[figure] === 1 };
  const small: number[] = [];
  for (let figure = 0; figure < published.size; figure++) {
    const value = published.value(figure);
    if (value >= 1 && value < k) small.push(figure);
  }
  const hide = (figure: number) => {
    if (hidden[figure]) return;
    hidden[figure] = 1;
    published.hid?.(figure);
  };
  small.forEach(hide);
  for (const target of small) {
    if (covered[target]) continue;
    let best: readonly number[] | undefined;
    let bestCost: number[] = [];
    let looked = 0;
    for (const figures of published.alternatives(target, set)) {
      const cost = costOf(published, hidden, figures);
      if (best === undefined || cheaper(cost, bestCost)) [best, bestCost] = [figures, cost];
      // Nothing beats an alternative that hides nothing more; past a point, the search stops at the best so far.
      if (bestCost[2] === 0 || ++looked >= LOOK_AT) break;
    }
    // Every kind of published counts has an alternative for any figure (adding a case, at worst).
    if (best === undefined) throw new Error(`suppression: no alternative changes figure ${target}`);
    for (const figure of best) {
      hide(figure);
      covered[figure] = 1;
    }
  }
  return hidden;
}

/**
 * A table of counts (rows by columns) published with its totals, as figures: the cells row by row, then the
 * row totals, the column totals and the grand total. The alternatives move one case: within a column from
 * one row to another, within a row from one column to another, or both at once (four cells, no total
 * changes); or add or remove one.
 */
class Table implements Published {
  readonly size: number;
  private readonly values: number[];

  constructor(
    private readonly rows: number,
    private readonly columns: number,
    counts: readonly (readonly number[])[],
  ) {
    this.size = rows * columns + rows + columns + 1;
    this.values = new Array<number>(this.size).fill(0);
    counts.forEach((row, i) =>
      row.forEach((count, j) => {
        for (const figure of [this.cell(i, j), this.rowTotal(i), this.columnTotal(j), this.grandTotal()]) this.values[figure]! += count;
      }),
    );
  }

  cell = (i: number, j: number) => i * this.columns + j;
  rowTotal = (i: number) => this.rows * this.columns + i;
  columnTotal = (j: number) => this.rows * this.columns + this.rows + j;
  grandTotal = () => this.size - 1;

  value(figure: number): number {
    return this.values[figure]!;
  }

  weight(figure: number): number {
    return figure === this.grandTotal() ? 2 : figure >= this.rows * this.columns ? 1 : 0;
  }

  /** A case leaves cell `from` for cell `to` (either may be absent: added or removed), if `from` has one. */
  private move(from: [number, number] | undefined, to: [number, number] | undefined): number[] | undefined {
    if (from && this.value(this.cell(...from)) < 1) return undefined;
    const figures: number[] = [];
    for (const [i, j] of [from, to].flatMap((at) => (at ? [at] : []))) figures.push(this.cell(i, j));
    if (from?.[0] !== to?.[0]) for (const at of [from, to]) if (at) figures.push(this.rowTotal(at[0]));
    if (from?.[1] !== to?.[1]) for (const at of [from, to]) if (at) figures.push(this.columnTotal(at[1]));
    if (!from || !to) figures.push(this.grandTotal());
    return figures;
  }

  *alternatives(target: number): Iterable<number[]> {
    for (const figures of this.moves(target)) if (figures.includes(target)) yield figures;
  }

  private *moves(target: number): Iterable<number[]> {
    const { rows, columns } = this;
    const cells = rows * columns;
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    const touches = (i: number, j: number) =>
      target === this.cell(i, j) || target === this.rowTotal(i) || target === this.columnTotal(j) || target === this.grandTotal();
    for (const i of all(rows)) {
      for (const j of all(columns)) {
        if (!touches(i, j)) continue;
        if (target < cells) {
          // Two cases trade places: (i, j) and (i2, j2) one more, (i, j2) and (i2, j) one fewer, or the reverse.
          for (const i2 of all(rows)) {
            for (const j2 of all(columns)) {
              if (i2 === i || j2 === j) continue;
              const up = this.value(this.cell(i, j2)) >= 1 && this.value(this.cell(i2, j)) >= 1;
              const down = this.value(this.cell(i, j)) >= 1 && this.value(this.cell(i2, j2)) >= 1;
              if (up || down) yield [this.cell(i, j), this.cell(i, j2), this.cell(i2, j), this.cell(i2, j2)];
            }
          }
        }
        for (const i2 of all(rows)) {
          if (i2 === i) continue;
          const moved = this.move([i2, j], [i, j]) ?? this.move([i, j], [i2, j]);
          if (moved) yield moved;
        }
        for (const j2 of all(columns)) {
          if (j2 === j) continue;
          const moved = this.move([i, j2], [i, j]) ?? this.move([i, j], [i, j2]);
          if (moved) yield moved;
        }
        yield this.move(undefined, [i, j])!;
      }
    }
  }
}

/**
 * Small-number suppression of one table of counts published with its totals (see hideByAlternatives): every
 * count from 1 to k-1 is hidden, totals included, and more with them, so that none can be worked out exactly.
 */
export function suppress(counts: readonly (readonly number[])[], k: number): Suppression {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (rows > 0 && columns === 0) throw new RangeError("a table needs at least one column");
  if (counts.some((row) => row.length !== columns)) throw new RangeError("every row needs the same number of counts");
  counts.forEach((row) => row.forEach((count) => assertCount(count, "a count")));
  const table = new Table(rows, columns, counts);
  const hidden = hideByAlternatives(table, k);
  const status = (figure: number): CellStatus => (hidden[figure] ? "hidden" : "shown");
  return {
    cells: counts.map((row, i) => row.map((_, j) => status(table.cell(i, j)))),
    rowTotals: counts.map((_, i) => status(table.rowTotal(i))),
    columnTotals: Array.from({ length: columns }, (_, j) => status(table.columnTotal(j))),
    grandTotal: status(table.grandTotal()),
  };
}
