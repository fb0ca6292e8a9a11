/**
 * A small exact integer programming solver for the suppression tests' attacker: the largest value of a
 * linear objective over non-negative integers that satisfy linear constraints, by branch and bound over a
 * two-phase simplex (Bland's rule, so it never cycles). Floating point only steers the search: every answer
 * is an integer point checked exactly against the constraints, and a bound is only trusted to prune a branch
 * by more than the tolerance. Meant for problems of a few hundred variables and constraints.
 */
export interface Constraint {
  /** [variable, coefficient] pairs. */
  terms: readonly (readonly [number, number])[];
  op: "=" | ">=" | "<=";
  rhs: number;
}

const EPSILON = 1e-9;
const INTEGRAL = 1e-6;

interface Lp {
  /** The LP optimum (a relaxation's bound) and the point that reaches it. */
  value: number;
  x: number[];
}

/** The largest value of `objective` over non-negative reals satisfying `constraints`; undefined if none do. */
function simplex(variables: number, constraints: readonly Constraint[], objective: readonly (readonly [number, number])[]): Lp | undefined | "unbounded" {
  const rows = constraints.length;
  const slacks = constraints.filter((c) => c.op !== "=").length;
  const width = variables + slacks + rows + 1; // variables, slacks, artificials, right-hand side
  const rhs = width - 1;
  const t = Array.from({ length: rows }, () => new Float64Array(width));
  const basis = new Int32Array(rows);
  let slack = variables;
  constraints.forEach((c, i) => {
    const row = t[i]!;
    for (const [v, a] of c.terms) row[v]! += a;
    if (c.op !== "=") row[slack++] = c.op === "<=" ? 1 : -1;
    row[rhs] = c.rhs;
    if (row[rhs]! < 0) for (let j = 0; j < width; j++) row[j] = -row[j]!;
    row[variables + slacks + i] = 1;
    basis[i] = variables + slacks + i;
  });
  const artificial = (j: number) => j >= variables + slacks && j < rhs;

  /** Maximises `cost · x` from the current basis over the columns `usable` allows; false when unbounded. */
  const optimise = (cost: Float64Array, usable: (j: number) => boolean): boolean => {
    for (;;) {
      // Reduced costs of the columns not in the basis: cost_j - Σ cost_basis · t[i][j].
      let entering = -1;
      for (let j = 0; j < rhs && entering < 0; j++) {
        if (!usable(j)) continue;
        let reduced = cost[j]!;
        for (let i = 0; i < rows; i++) reduced -= cost[basis[i]!]! * t[i]![j]!;
        if (reduced > EPSILON) entering = j;
      }
      if (entering < 0) return true;
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < rows; i++) {
        const a = t[i]![entering]!;
        if (a <= EPSILON) continue;
        const ratio = t[i]![rhs]! / a;
        if (ratio < best - EPSILON || (ratio < best + EPSILON && leaving >= 0 && basis[i]! < basis[leaving]!)) [best, leaving] = [ratio, i];
      }
      if (leaving < 0) return false;
      const pivot = t[leaving]!;
      const scale = pivot[entering]!;
      for (let j = 0; j < width; j++) pivot[j] = pivot[j]! / scale;
      for (let i = 0; i < rows; i++) {
        if (i === leaving) continue;
        const factor = t[i]![entering]!;
        if (Math.abs(factor) < 1e-15) continue;
        const row = t[i]!;
        for (let j = 0; j < width; j++) row[j] = row[j]! - factor * pivot[j]!;
      }
      basis[leaving] = entering;
    }
  };

  const phase1 = new Float64Array(width);
  for (let j = variables + slacks; j < rhs; j++) phase1[j] = -1;
  optimise(phase1, () => true);
  let infeasibility = 0;
  for (let i = 0; i < rows; i++) if (artificial(basis[i]!)) infeasibility += t[i]![rhs]!;
  if (infeasibility > 1e-7) return undefined;
  // Artificials left in the basis (at 0) are pivoted out, so that phase 2 cannot raise them again; a row
  // with nothing else in it is redundant and stays as it is.
  for (let i = 0; i < rows; i++) {
    if (!artificial(basis[i]!)) continue;
    const j = t[i]!.findIndex((a, j) => j < variables + slacks && Math.abs(a) > 1e-9);
    if (j < 0) continue;
    const pivot = t[i]!;
    const scale = pivot[j]!;
    for (let k = 0; k < width; k++) pivot[k] = pivot[k]! / scale;
    for (let r = 0; r < rows; r++) {
      if (r === i) continue;
      const factor = t[r]![j]!;
      if (factor === 0) continue;
      for (let k = 0; k < width; k++) t[r]![k] = t[r]![k]! - factor * pivot[k]!;
    }
    basis[i] = j;
  }
  const cost = new Float64Array(width);
  for (const [v, a] of objective) cost[v]! += a;
  if (!optimise(cost, (j) => !artificial(j))) return "unbounded";
  const x = new Array<number>(variables).fill(0);
  basis.forEach((j, i) => {
    if (j < variables) x[j] = t[i]![rhs]!;
  });
  const value = objective.reduce((sum, [v, a]) => sum + a * x[v]!, 0);
  return { value, x };
}

const satisfied = (x: readonly number[], c: Constraint) => {
  const left = c.terms.reduce((sum, [v, a]) => sum + a * x[v]!, 0);
  return c.op === "=" ? left === c.rhs : c.op === ">=" ? left >= c.rhs : left <= c.rhs;
};

/**
 * Constraints with the variables that a constraint of one term fixes put in as constants, again until none
 * is left; undefined when that shows them unsatisfiable. The rest keep their variables' numbers.
 */
function presolve(constraints: readonly Constraint[]): { fixed: Map<number, number>; rest: Constraint[] } | undefined {
  const fixed = new Map<number, number>();
  let rest = [...constraints];
  for (let changed = true; changed; ) {
    changed = false;
    const next: Constraint[] = [];
    for (const c of rest) {
      let rhs = c.rhs;
      const terms: [number, number][] = [];
      for (const [v, a] of c.terms) {
        if (a === 0) continue;
        if (fixed.has(v)) rhs -= a * fixed.get(v)!;
        else terms.push([v, a]);
      }
      if (terms.length === 0) {
        if (c.op === "=" ? rhs !== 0 : c.op === ">=" ? rhs > 0 : rhs < 0) return undefined;
        continue;
      }
      if (terms.length === 1 && c.op === "=") {
        const [v, a] = terms[0]!;
        const value = rhs / a;
        if (!Number.isInteger(value) || value < 0) return undefined;
        fixed.set(v, value);
        changed = true;
        continue;
      }
      next.push({ terms, op: c.op, rhs });
    }
    rest = next;
  }
  return { fixed, rest };
}

/**
 * The largest value of `objective` (integer coefficients) over non-negative integers satisfying every
 * constraint, with a point that reaches it; undefined when no integer point satisfies them. Throws when
 * the search runs past `limit` branches or the objective is unbounded, rather than guess.
 */
export function maximise(
  variables: number,
  constraints: readonly Constraint[],
  objective: readonly (readonly [number, number])[],
  limit = 20_000,
): { value: number; x: number[] } | undefined {
  const reduced = presolve(constraints);
  if (!reduced) return undefined;
  const free = Array.from({ length: variables }, (_, v) => v).filter((v) => !reduced.fixed.has(v));
  const index = new Map(free.map((v, i) => [v, i]));
  const renumber = (terms: readonly (readonly [number, number])[]) => terms.flatMap(([v, a]) => (index.has(v) ? [[index.get(v)!, a] as const] : []));
  const rest = reduced.rest.map((c) => ({ ...c, terms: renumber(c.terms) }));
  const goal = renumber(objective);
  const constant = objective.reduce((total, [v, a]) => total + (reduced.fixed.has(v) ? a * reduced.fixed.get(v)! : 0), 0);
  const found = search(free.length, rest, goal, limit);
  if (!found) return undefined;
  const x = new Array<number>(variables).fill(0);
  reduced.fixed.forEach((value, v) => (x[v] = value));
  free.forEach((v, i) => (x[v] = found.x[i]!));
  if (!constraints.every((c) => satisfied(x, c))) throw new Error("a solution failed its constraints");
  return { value: found.value + constant, x };
}

function search(
  variables: number,
  constraints: readonly Constraint[],
  objective: readonly (readonly [number, number])[],
  limit: number,
): { value: number; x: number[] } | undefined {
  let best: { value: number; x: number[] } | undefined;
  const stack: Constraint[][] = [[]];
  let branches = 0;
  while (stack.length > 0) {
    if (++branches > limit) throw new Error(`integer search ran past ${limit} branches`);
    const bounds = stack.pop()!;
    const all = [...constraints, ...bounds];
    const lp = simplex(variables, all, objective);
    if (lp === "unbounded") throw new Error("the objective is unbounded");
    if (!lp || (best && lp.value < best.value + 1 - 1e-6)) continue;
    const fractional = lp.x.findIndex((value) => Math.abs(value - Math.round(value)) > INTEGRAL);
    if (fractional < 0) {
      const x = lp.x.map(Math.round);
      if (!all.every((c) => satisfied(x, c))) throw new Error("a rounded LP point failed its constraints");
      const value = objective.reduce((sum, [v, a]) => sum + a * x[v]!, 0);
      if (!best || value > best.value) best = { value, x };
      continue;
    }
    const value = lp.x[fractional]!;
    stack.push([...bounds, { terms: [[fractional, 1]], op: "<=", rhs: Math.floor(value) }]);
    stack.push([...bounds, { terms: [[fractional, 1]], op: ">=", rhs: Math.ceil(value) }]);
  }
  return best;
}
