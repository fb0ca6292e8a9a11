import type { Analysis } from "../../src/engine/analysis.js";
import type { Summary } from "../../src/engine/summary.js";
import { maximise, type Constraint } from "./ilp.js";

type Terms = [number, number][];

/** A count a report publishes, as a linear form over the attacker's unknowns, and its true value. */
interface Figure {
  name: string;
  terms: Terms;
  truth: number;
}

/** What the attacker knows before reading any figure: the unknowns, and how they must hang together. */
export interface Model {
  variables: number;
  structure: Constraint[];
  figures: Figure[];
  /** The unknowns' true values: they must satisfy the structure, or the model is wrong. */
  truth: number[];
  /** How many records there are (graded and invalid): no count can pass it unless a total is hidden. */
  records: number;
}

/** A range a hidden count was said to lie in, as the old `primary` label said 1 to k-1. */
export interface Told {
  name: string;
  low: number;
  high: number;
}

/** A hidden count with a single value consistent with everything published. */
export interface Pinned {
  figure: string;
  value: number;
}

const RATINGS = ["good", "adequate", "inadequate", "notApplicable"] as const;
const GRADES = ["good", "adequate", "inadequate"] as const;

/** Every figure's name and published value (null when hidden), as the report gives them. */
export function publishedFigures(analysis: Analysis): Map<string, number | null> {
  const published = new Map<string, number | null>();
  const rows = [...analysis.summary.groups.map((row, g) => [`G${g}`, row] as const), ["all", analysis.summary.overall] as const];
  for (const [name, row] of rows) for (const field of [...GRADES, "graded", "invalid"] as const) published.set(`${name}.${field}`, row[field]);
  const scopes = [...analysis.breakdown.groups.map((scope, g) => [`G${g}`, scope] as const), ["all", analysis.breakdown.overall] as const];
  for (const [name, scope] of scopes) {
    scope.rules.forEach((rule, r) => {
      for (const field of RATINGS) published.set(`${name}.r${r}.${field}`, rule[field]);
      published.set(`${name}.r${r}.decisive`, rule.decisive);
    });
  }
  analysis.agreement.overall.matrix.forEach((row, i) => row.forEach((cell, j) => published.set(`agree.${i}.${j}`, cell)));
  published.set("agree.n", analysis.agreement.overall.n);
  return published;
}

const sum = (...parts: Terms[]): Terms => parts.flat();

/** Unknowns for what every model shares: invalid counts, and the agreement matrix with the uninspected cases per grade. */
class Builder {
  variables = 0;
  truth: number[] = [];
  structure: Constraint[] = [];
  figures: Figure[] = [];

  unknown(truth: number): number {
    this.truth.push(truth);
    return this.variables++;
  }

  figure(name: string, terms: Terms, truth: number): void {
    this.figures.push({ name, terms, truth });
  }

  /** The invalid counts, the agreement matrix (tied to the overall grade counts) and each group's at least one record. */
  common(summary: Summary, grades: Terms[][], graded: Terms[]): void {
    this.records = summary.overall.graded + summary.overall.invalid;
    const invalid = summary.groups.map((group) => [[this.unknown(group.invalid), 1]] as Terms);
    summary.groups.forEach((_, g) => {
      this.figure(`G${g}.invalid`, invalid[g]!, summary.groups[g]!.invalid);
      this.structure.push({ terms: sum(graded[g]!, invalid[g]!), op: ">=", rhs: 1 });
    });
    this.figure("all.invalid", sum(...invalid), summary.overall.invalid);
    const matrix = summary.agreement.overall;
    const cells = matrix.map((row) => row.map((count) => this.unknown(count)));
    cells.forEach((row, i) => row.forEach((v, j) => this.figure(`agree.${i}.${j}`, [[v, 1]], matrix[i]![j]!)));
    this.figure("agree.n", cells.flat().map((v) => [v, 1]), matrix.flat().reduce((a, b) => a + b, 0));
    GRADES.forEach((grade, j) => {
      const inspected = matrix.reduce((n, row) => n + row[j]!, 0);
      const uninspected = this.unknown(summary.overall[grade] - inspected);
      const overall = sum(...grades.map((group) => group[j]!));
      this.structure.push({ terms: [...cells.map((row) => [row[j]!, 1] as [number, number]), [uninspected, 1], ...overall.map(([v, a]) => [v, -a] as [number, number])], op: "=", rhs: 0 });
    });
  }

  records = 0;

  model(): Model {
    // A cap on the records far above the truth keeps every search finite when a total is hidden: it takes
    // away no alternative that matters, since one a case away from the truth is under it.
    const records = this.figures.filter((f) => ["all.graded", "all.invalid", "total"].includes(f.name)).flatMap((f) => f.terms);
    this.structure.push({ terms: records, op: "<=", rhs: 3 * this.records + 10 });
    return { variables: this.variables, structure: this.structure, figures: this.figures, truth: this.truth, records: this.records };
  }

}

/** A table of counts published with its totals: the unknowns are its cells, named `i.j`; totals `row i`, `column j`, `total`. */
export function tableModel(counts: readonly (readonly number[])[]): Model {
  const builder = new Builder();
  const cells = counts.map((row) => row.map((count) => builder.unknown(count)));
  cells.forEach((row, i) => row.forEach((v, j) => builder.figure(`${i}.${j}`, [[v, 1]], counts[i]![j]!)));
  const total = (terms: Terms) => terms.reduce((n, [v]) => n + builder.truth[v]!, 0);
  const rows = cells.map((row) => row.map((v) => [v, 1] as [number, number]));
  const columns = (cells[0] ?? []).map((_, j) => cells.map((row) => [row[j]!, 1] as [number, number]));
  rows.forEach((terms, i) => builder.figure(`row ${i}`, terms, total(terms)));
  columns.forEach((terms, j) => builder.figure(`column ${j}`, terms, total(terms)));
  builder.figure("total", rows.flat(), total(rows.flat()));
  builder.records = total(rows.flat());
  return builder.model();
}

/** The `worst` grade of a case with these ratings (0 good, 1 adequate, 2 inadequate, 3 n/a). */
const worstGrade = (ratings: readonly number[]) => (ratings.includes(2) ? 2 : ratings.includes(1) ? 1 : 0);

/**
 * The exact model: an unknown count of cases per group for every combination of the rules' ratings, graded
 * by `worst` (or, with `rules` 0, per grade: a case could be any grade). `cases[g]` maps each combination
 * (ratings joined by commas; the grade alone with no rules) to the group's true count of it.
 */
export function casesModel(summary: Summary, rules: number, cases: readonly ReadonlyMap<string, number>[]): Model {
  const builder = new Builder();
  const combos: number[][] = rules === 0 ? [[0], [1], [2]] : [[]];
  for (let r = 0; r < rules; r++) combos.splice(0, combos.length, ...combos.flatMap((combo) => [0, 1, 2, 3].map((c) => [...combo, c])));
  const gradeOf = (combo: number[]) => (rules === 0 ? combo[0]! : worstGrade(combo));
  const unknowns = summary.groups.map((_, g) => combos.map((combo) => builder.unknown(cases[g]!.get(combo.join(",")) ?? 0)));
  const where = (g: number, test: (combo: number[]) => boolean): Terms =>
    combos.flatMap((combo, p) => (test(combo) ? [[unknowns[g]![p]!, 1] as [number, number]] : []));
  const grades = summary.groups.map((_, g) => GRADES.map((_, j) => where(g, (combo) => gradeOf(combo) === j)));
  const graded = summary.groups.map((_, g) => where(g, () => true));
  const scopes = [...summary.groups.map((group, g) => ({ name: `G${g}`, counts: group, groups: [g], rules: summary.rules.groups[g]!.rules })), { name: "all", counts: summary.overall, groups: summary.groups.map((_, g) => g), rules: summary.rules.overall }];
  for (const scope of scopes) {
    const terms = (test: (combo: number[]) => boolean) => sum(...scope.groups.map((g) => where(g, test)));
    GRADES.forEach((grade, j) => builder.figure(`${scope.name}.${grade}`, terms((combo) => gradeOf(combo) === j), scope.counts[grade]));
    builder.figure(`${scope.name}.graded`, terms(() => true), scope.counts.graded);
    for (let r = 0; r < rules; r++) {
      const counts = scope.rules[r]!;
      RATINGS.forEach((field, c) => builder.figure(`${scope.name}.r${r}.${field}`, terms((combo) => combo[r] === c), counts[field]));
      builder.figure(`${scope.name}.r${r}.decisive`, terms((combo) => combo[r] === 2 && gradeOf(combo) === 2), counts.decisive);
    }
  }
  builder.common(summary, grades, graded);
  return builder.model();
}

/**
 * The counts model: per group its grade counts and each rule's ratings, held together by what `worst`
 * implies (an inadequate rating only in an inadequate case, an adequate one in an adequate or inadequate
 * case, every inadequate case with an inadequate rating, every adequate case with an adequate one). Small
 * enough for a real report's eight groups and five rules; the suppression tests check that it agrees with
 * the exact model on small tables.
 */
export function countsModel(summary: Summary): Model {
  const builder = new Builder();
  const rules = summary.rules.overall.length;
  const groups = summary.groups.map((group, g) => {
    const grades = GRADES.map((grade) => builder.unknown(group[grade]));
    const ratings = summary.rules.groups[g]!.rules.map((rule) => ({
      counts: RATINGS.map((field) => builder.unknown(field === "inadequate" ? rule.decisive : rule[field])),
      // Adequate ratings in adequate cases: at most the rule's adequate ratings and the adequate cases.
      inAdequate: builder.unknown(Math.min(rule.adequate, group.adequate)),
    }));
    const [good, adequate, inadequate] = grades as [number, number, number];
    for (const { counts, inAdequate } of ratings) {
      const [, a, i] = counts as [number, number, number, number];
      builder.structure.push({ terms: [...counts.map((v) => [v, 1] as [number, number]), [good, -1], [adequate, -1], [inadequate, -1]], op: "=", rhs: 0 });
      builder.structure.push({ terms: [[i, 1], [inadequate, -1]], op: "<=", rhs: 0 });
      builder.structure.push({ terms: [[a, 1], [i, 1], [adequate, -1], [inadequate, -1]], op: "<=", rhs: 0 });
      builder.structure.push({ terms: [[inAdequate, 1], [a, -1]], op: "<=", rhs: 0 });
      builder.structure.push({ terms: [[inAdequate, 1], [adequate, -1]], op: "<=", rhs: 0 });
    }
    builder.structure.push({ terms: [...ratings.map(({ counts }) => [counts[2]!, 1] as [number, number]), [inadequate, -1]], op: ">=", rhs: 0 });
    builder.structure.push({ terms: [...ratings.map(({ inAdequate }) => [inAdequate, 1] as [number, number]), [adequate, -1]], op: ">=", rhs: 0 });
    return { grades, ratings };
  });
  const grades = groups.map(({ grades }) => grades.map((v) => [[v, 1]] as Terms));
  const graded = groups.map(({ grades }) => grades.map((v) => [v, 1] as [number, number]));
  const scopes = [...summary.groups.map((group, g) => ({ name: `G${g}`, counts: group, rules: summary.rules.groups[g]!.rules, groups: [g] })), { name: "all", counts: summary.overall, rules: summary.rules.overall, groups: groups.map((_, g) => g) }];
  for (const scope of scopes) {
    GRADES.forEach((grade, j) => builder.figure(`${scope.name}.${grade}`, sum(...scope.groups.map((g) => grades[g]![j]!)), scope.counts[grade]));
    builder.figure(`${scope.name}.graded`, sum(...scope.groups.map((g) => graded[g]!)), scope.counts.graded);
    for (let r = 0; r < rules; r++) {
      const counts = scope.rules[r]!;
      const ratingTerms = (c: number) => scope.groups.map((g) => [groups[g]!.ratings[r]!.counts[c]!, 1] as [number, number]);
      RATINGS.forEach((field, c) => builder.figure(`${scope.name}.r${r}.${field}`, ratingTerms(c), counts[field]));
      builder.figure(`${scope.name}.r${r}.decisive`, ratingTerms(2), counts.decisive);
    }
  }
  builder.common(summary, grades, graded);
  return builder.model();
}

const toldConstraints = (model: Model, told: readonly Told[]): Constraint[] =>
  told.flatMap(({ name, low, high }) => {
    const { terms } = model.figures.find((f) => f.name === name)!;
    return [{ terms, op: ">=", rhs: low }, { terms, op: "<=", rhs: high }];
  });

const valueAt = (terms: Terms, x: readonly number[]) => terms.reduce((total, [v, a]) => total + a * x[v]!, 0);

/**
 * Every hidden count that the published figures pin to one value, for an attacker who knows the model. For
 * each hidden count the attacker looks for a set of cases, consistent with everything published, that gives
 * it another value (the highest, then the lowest, it can be); a set found once answers for every count it
 * changes. `told`: ranges the attacker was given besides. Throws if the truth itself breaks the model (the
 * model would be wrong).
 */
export function pinnedFigures(model: Model, published: ReadonlyMap<string, number | null>, told: readonly Told[] = []): Pinned[] {
  const fixed: Constraint[] = [];
  const hidden: Figure[] = [];
  for (const figure of model.figures) {
    if (!published.has(figure.name)) throw new Error(`the report does not say ${figure.name}`);
    const value = published.get(figure.name)!;
    if (value === null) hidden.push(figure);
    else fixed.push({ terms: figure.terms, op: "=", rhs: value });
  }
  const constraints = [...model.structure, ...fixed, ...toldConstraints(model, told)];
  for (const c of constraints) {
    const left = valueAt(c.terms as Terms, model.truth);
    if (c.op === "=" ? left !== c.rhs : c.op === ">=" ? left < c.rhs : left > c.rhs) throw new Error(`the truth breaks ${JSON.stringify(c)}`);
  }
  const points: number[][] = [];
  const pinned: Pinned[] = [];
  for (const figure of hidden) {
    if (points.some((x) => valueAt(figure.terms, x) !== figure.truth)) continue;
    const negated: Terms = figure.terms.map(([v, a]) => [v, -a]);
    const high = maximise(model.variables, constraints, figure.terms)!;
    if (high.value !== figure.truth) {
      points.push(high.x);
      continue;
    }
    const low = maximise(model.variables, constraints, negated)!;
    if (0 - low.value !== figure.truth) {
      points.push(low.x);
      continue;
    }
    pinned.push({ figure: figure.name, value: figure.truth });
  }
  return pinned;
}

/** The lowest and highest value each named figure can take (Infinity past every record there is), for comparing two models. */
export function ranges(model: Model, published: ReadonlyMap<string, number | null>, names: readonly string[], told: readonly Told[] = []): [number, number][] {
  const constraints = [
    ...model.structure,
    ...model.figures.filter((f) => published.get(f.name) !== null).map((f): Constraint => ({ terms: f.terms, op: "=", rhs: published.get(f.name)! })),
    ...toldConstraints(model, told),
  ];
  return names.map((name) => {
    const figure = model.figures.find((f) => f.name === name)!;
    const high = maximise(model.variables, constraints, figure.terms)!.value;
    const low = 0 - maximise(model.variables, constraints, figure.terms.map(([v, a]) => [v, -a]))!.value;
    return [low, high > model.records ? Infinity : high];
  });
}
