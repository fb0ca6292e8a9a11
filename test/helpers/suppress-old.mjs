// The suppression algorithm as it stood before it was made to scale (`suppress` from src/stats/suppress.ts
// and `planSuppression` from src/engine/_suppression.ts, as compiled, in one file): the oracle the property
// tests (test/stats, test/engine) hold the new one to, and what bench/suppress.mjs times it against.
import { GRADES } from "../../dist/input/fields.js";
import { ruleRow } from "../../dist/engine/_suppression.js";
import { assertCount } from "../../dist/stats/_counts.js";

const hidden = (status) => status !== undefined && status !== "shown";
const or = (a, b) => a.map((value, i) => value || hidden(b[i]));
/** planSuppression as it was: every table suppressed again in each round until none hides more. */
export function oldPlanSuppression(summary, below) {
    const grades = summary.groups.map((group) => GRADES.map((grade) => group[grade]));
    const ruleTables = summary.rules.overall.map((_rule, r) => summary.rules.groups.map((group) => ruleRow(group.rules[r])));
    const matrix = summary.agreement.overall;
    const inspected = matrix.flat().reduce((sum, count) => sum + count, 0);
    const linked = inspected === summary.overall.graded;
    let shared = { graded: summary.groups.map(() => false), total: false, gradeTotals: GRADES.map(() => false) };
    for (;;) {
        const forced = { rowTotals: shared.graded, grandTotal: shared.total };
        const plan = {
            below,
            grades: oldSuppress(grades, below, { ...forced, columnTotals: shared.gradeTotals }),
            invalid: oldSuppress(summary.groups.map((group) => [group.invalid]), below),
            rules: ruleTables.map((table) => oldSuppress(table, below, forced)),
            agreement: oldSuppress(matrix, below, linked ? { columnTotals: shared.gradeTotals, grandTotal: shared.total } : {}),
        };
        const tables = [plan.grades, ...plan.rules];
        const next = {
            graded: tables.reduce((acc, table) => or(acc, table.rowTotals), shared.graded),
            total: [...tables, ...(linked ? [plan.agreement] : [])].some((table) => hidden(table.grandTotal)) || shared.total,
            gradeTotals: or(or(shared.gradeTotals, plan.grades.columnTotals), linked ? plan.agreement.columnTotals : []),
        };
        if (JSON.stringify(next) === JSON.stringify(shared))
            return plan;
        shared = next;
    }
}
/** suppress as it was: step 2 searches reachability once per hidden entry, for every entry it hides. */
export function oldSuppress(counts, k, forced = {}) {
    if (!Number.isSafeInteger(k) || k < 1)
        throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
    const rows = counts.length;
    const columns = counts[0]?.length ?? 0;
    if (rows > 0 && columns === 0)
        throw new RangeError("a table needs at least one column");
    if (counts.some((row) => row.length !== columns))
        throw new RangeError("every row needs the same number of counts");
    counts.forEach((row) => row.forEach((count) => assertCount(count, "a count")));
    const grid = new Grid(rows, columns);
    counts.forEach((row, i) => row.forEach((count, j) => {
        for (const at of [grid.at(i, j), grid.at(i, columns), grid.at(rows, j), grid.at(rows, columns)]) {
            grid.values[at] = (grid.values[at] ?? 0) + count;
        }
    }));
    const status = grid.values.map((value) => (value >= 1 && value < k ? "primary" : "shown"));
    const force = (at, hidden) => {
        if (hidden && status[at] === "shown")
            status[at] = "secondary";
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
        if (!crossing)
            break;
        status[grid.cheapest(crossing)] = "secondary";
    }
    const statusAt = (i, j) => status[grid.at(i, j)] ?? "shown";
    return {
        cells: range(rows).map((i) => range(columns).map((j) => statusAt(i, j))),
        rowTotals: range(rows).map((i) => statusAt(i, columns)),
        columnTotals: range(columns).map((j) => statusAt(rows, j)),
        grandTotal: statusAt(rows, columns),
    };
}
/** The table with its totals as one flat grid, (rows + 1) × (columns + 1); totals in the last row and column. */
class Grid {
    rows;
    columns;
    values;
    /** Every row and column of the grid, as entry indices with the line's total last. */
    lines;
    constructor(rows, columns) {
        this.rows = rows;
        this.columns = columns;
        this.values = new Array((rows + 1) * (columns + 1)).fill(0);
        this.lines = [
            ...range(rows + 1).map((i) => range(columns + 1).map((j) => this.at(i, j))),
            ...range(columns + 1).map((j) => range(rows + 1).map((i) => this.at(i, j))),
        ];
    }
    at(i, j) {
        return i * (this.columns + 1) + j;
    }
    isTotal(at) {
        return at >= this.rows * (this.columns + 1) || at % (this.columns + 1) === this.columns;
    }
    /** An entry as an edge between two nodes: rows are 0..rows, columns follow them. */
    nodes(at) {
        const width = this.columns + 1;
        return [Math.floor(at / width), this.rows + 1 + (at % width)];
    }
    /** Counts before totals, non-zero before zero, then the smallest; the first on a tie. */
    cheapest(entries) {
        const rank = (at) => {
            const value = this.values[at] ?? 0;
            return [this.isTotal(at) ? 1 : 0, value === 0 ? 1 : 0, value];
        };
        const before = (a, b) => {
            const differs = a.findIndex((value, i) => value !== b[i]);
            return differs >= 0 && (a[differs] ?? 0) < (b[differs] ?? 0);
        };
        return entries.reduce((best, at) => (before(rank(at), rank(best)) ? at : best), entries[0] ?? 0);
    }
}
/** Step 1: until no line has exactly one hidden entry, hide the cheapest other count of such a line. */
function pairLoneEntries(grid, status) {
    for (let changed = true; changed;) {
        changed = false;
        for (const line of grid.lines) {
            if (line.filter((at) => status[at] !== "shown").length !== 1)
                continue;
            const visible = line.filter((at) => status[at] === "shown");
            const total = line[line.length - 1];
            const counts = visible.filter((at) => at !== total);
            status[grid.cheapest(counts.length > 0 ? counts : visible)] = "secondary";
            changed = true;
        }
    }
}
/** Step 2: for the first hidden entry on no cycle, the visible entries that would put it on one. */
function bridgeCrossings(grid, status) {
    const hidden = range(status.length).filter((at) => status[at] !== "shown");
    const edges = hidden.map((at) => grid.nodes(at));
    const bridge = edges.findIndex(([row, column], index) => !reachable(edges, row, index).has(column));
    const ends = edges[bridge];
    if (!ends)
        return undefined;
    const [rowSide, columnSide] = ends.map((end) => reachable(edges, end, bridge));
    const joins = (a, b) => (rowSide?.has(a) && columnSide?.has(b)) ?? false;
    return range(status.length).filter((at) => {
        const [row, column] = grid.nodes(at);
        return status[at] === "shown" && (joins(row, column) || joins(column, row));
    });
}
/** Nodes joined to `from` by the edges, leaving out the `without`-th edge. */
function reachable(edges, from, without) {
    const seen = new Set([from]);
    for (const queue = [from]; queue.length > 0;) {
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
const range = (length) => Array.from({ length }, (_, index) => index);
