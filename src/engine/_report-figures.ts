import type { Hidden, Published } from "../stats/suppress.js";
import { caseChanges, groupFits, GRADED, INVALID, pickCase, rating, RULES, someCase, type Block, type Profile } from "./_cases.js";
import type { Summary } from "./summary.js";

/** How many partner groups an alternative looks at: the first groups found hidden, then the cheapest. */
const HIDDEN_PARTNERS = 8;
const CHEAPEST_PARTNERS = 4;

const OTHER_GRADES = [
  [1, 2],
  [0, 2],
  [0, 1],
] as const;

/**
 * Every count a report publishes, as figures for suppression: a block per group and one overall, each its
 * grade counts, graded count, invalid count and (when the breakdown is published) each rule's ratings
 * (see _cases.ts); then the overall agreement matrix, inspector by tool, and the number of cases it holds.
 * The agreement matrix has no published totals but that number: neither per-grade totals nor per-group
 * matrices are published under suppression.
 *
 * The alternatives are other sets of cases: cases trading groups, moving from one group to another, graded
 * or rated otherwise, added or left out, inspected or not; each is offered only where it could be, the
 * rubric's implications (under `worst`) included.
 */
export class ReportFigures implements Published {
  readonly size: number;
  readonly block: number;
  /** The first figure of the agreement matrix: its cells row by row, then the number of cases compared. */
  readonly agreement: number;
  readonly compared: number;
  private readonly values: Int32Array;
  /** Per tool grade, graded cases without an inspector grade. */
  private readonly uninspected: number[];
  private readonly hiddenIn: number[][];
  private readonly cheapest = new Map<number, Int32Array>();

  constructor(
    summary: Summary,
    readonly groups: number,
    readonly rules: number,
    private readonly worst: boolean,
  ) {
    this.block = RULES + 4 * rules;
    this.agreement = (groups + 1) * this.block;
    this.compared = this.agreement + 9;
    this.size = this.compared + 1;
    this.values = new Int32Array(this.size);
    const fill = (at: number, counts: Summary["overall"], ratings: Summary["rules"]["overall"]) => {
      [counts.good, counts.adequate, counts.inadequate, counts.graded, counts.invalid].forEach((value, i) => (this.values[at + i] = value));
      if (rules === 0) return;
      ratings.forEach((rule, r) => {
        [rule.good, rule.adequate, rule.decisive, rule.notApplicable].forEach((value, c) => (this.values[at + rating(r, c)] = value));
      });
    };
    summary.groups.forEach((group, g) => fill(g * this.block, group, summary.rules.groups[g]?.rules ?? []));
    fill(groups * this.block, summary.overall, summary.rules.overall);
    const matrix = summary.agreement.overall;
    matrix.forEach((row, i) => row.forEach((count, j) => (this.values[this.cell(i, j)] = count)));
    this.values[this.compared] = matrix.flat().reduce((sum, count) => sum + count, 0);
    this.uninspected = [0, 1, 2].map((j) => this.values[groups * this.block + j]! - matrix.reduce((sum, row) => sum + (row[j] ?? 0), 0));
    this.hiddenIn = Array.from({ length: this.block }, () => []);
  }

  /** The agreement matrix's cell: the inspector graded `i`, the tool `j`. */
  cell(i: number, j: number): number {
    return this.agreement + 3 * i + j;
  }

  value(figure: number): number {
    return this.values[figure]!;
  }

  /** Counts of the whole weigh most (the agreement matrix's cells are counts inside a table), then a group's graded count. */
  weight(figure: number): number {
    if (figure >= this.agreement) return figure === this.compared ? 2 : 0;
    return figure >= this.groups * this.block ? 2 : figure % this.block === GRADED ? 1 : 0;
  }

  /** Keeps, per offset in a group's block, the groups whose figure there is hidden: the first partners to try. */
  hid(figure: number): void {
    if (figure < this.groups * this.block) this.hiddenIn[figure % this.block]!.push(Math.floor(figure / this.block));
  }

  private blockOf(g: number): Block {
    const at = g * this.block;
    return { at: (offset) => this.values[at + offset]!, rules: this.rules, worst: this.worst };
  }

  /** Whether group `g` (or the overall block) could hold its counts changed by `changes`. */
  private fits(g: number, changes: readonly (readonly [number, number])[]): boolean {
    return groupFits(this.blockOf(g), changes, g < this.groups ? "group" : "sum");
  }

  private figures(g: number, offsets: Iterable<number>): number[] {
    return [...offsets].map((offset) => g * this.block + offset);
  }

  /** Groups to pair `g` with over these offsets: those with a figure there hidden already, then the smallest counts. */
  private partners(g: number, offsets: readonly number[]): number[] {
    const found = new Set<number>();
    const take = (list: ArrayLike<number>, most: number) => {
      for (let i = 0, taken = 0; i < list.length && taken < most; i++) {
        const h = list[i]!;
        if (h === g || found.has(h)) continue;
        found.add(h);
        taken++;
      }
    };
    for (const offset of offsets) take(this.hiddenIn[offset]!, HIDDEN_PARTNERS);
    for (const offset of offsets) take(this.order(offset), CHEAPEST_PARTNERS);
    return [...found];
  }

  /** The groups by their count at `offset`: non-zero counts from the smallest, then zeros. */
  private order(offset: number): Int32Array {
    let order = this.cheapest.get(offset);
    if (!order) {
      const count = (g: number) => this.values[g * this.block + offset]! || Number.MAX_SAFE_INTEGER;
      order = Int32Array.from({ length: this.groups }, (_, g) => g).sort((a, b) => count(a) - count(b) || a - b);
      this.cheapest.set(offset, order);
    }
    return order;
  }

  *alternatives(target: number, hidden: Hidden): Iterable<readonly number[]> {
    if (target >= this.agreement) {
      yield* this.agreementAlternatives(target);
      return;
    }
    const g = Math.floor(target / this.block);
    const offset = target % this.block;
    const overall = g === this.groups;
    const hosts = overall ? this.partners(-1, [offset]) : [g];
    if (offset === INVALID) {
      if (!overall) yield* this.trades(g, INVALID, undefined);
      for (const h of hosts) {
        for (const sign of [1, -1]) if (this.fits(h, [[INVALID, sign]])) yield this.figures(h, [INVALID]).concat(this.figures(this.groups, [INVALID]));
      }
      return;
    }
    if (offset < GRADED || offset >= RULES) {
      const others = offset < GRADED ? OTHER_GRADES[offset]! : [0, 1, 2, 3].filter((c) => c !== (offset - RULES) % 4).map((c) => offset - ((offset - RULES) % 4) + c);
      if (!overall) for (const other of others) yield* this.trades(g, offset, other);
      for (const h of hosts) for (const other of others) yield* this.rerate(h, offset, other);
    }
    if (!overall) yield* this.caseAlternatives(g, offset, hidden);
    for (const h of hosts) yield* this.addOrRemove(h, offset, hidden);
  }

  /**
   * Cases trade groups: `g` gains one at `offset` and loses one at `other` (if any), a partner the reverse,
   * or the other way round; the figures at those offsets in both groups change, nothing else.
   */
  private *trades(g: number, offset: number, other: number | undefined): Iterable<number[]> {
    const offsets = other === undefined ? [offset] : [offset, other];
    const partners = this.partners(g, offsets);
    for (const sign of [1, -1]) {
      const changes: [number, number][] = other === undefined ? [[offset, sign]] : [[offset, sign], [other, -sign]];
      if (!this.fits(g, changes)) continue;
      const reverse = changes.map(([o, d]): [number, number] => [o, -d]);
      for (const h of partners) if (this.fits(h, reverse)) yield this.figures(g, offsets).concat(this.figures(h, offsets));
    }
  }

  /**
   * One case of group `g` graded (or rated by a rule) otherwise: the group's figure and the overall one change
   * at both offsets. A case whose grade changes is one without an inspector grade if there is one, else one
   * with, and the agreement matrix changes too.
   */
  private *rerate(g: number, offset: number, other: number): Iterable<number[]> {
    for (const [to, from] of [
      [offset, other],
      [other, offset],
    ] as const) {
      if (!this.fits(g, [[to, 1], [from, -1]])) continue;
      const figures = this.figures(g, [to, from]).concat(this.figures(this.groups, [to, from]));
      const inspected = from < GRADED ? this.inspectedCase(from) : undefined;
      if (inspected !== undefined) figures.push(this.cell(inspected, from), this.cell(inspected, to));
      yield figures;
      return;
    }
  }

  /**
   * For a case of this grade to be graded otherwise or left out, the inspector's row of one with an inspector
   * grade (whose agreement count then changes); undefined when one without is to hand.
   */
  private inspectedCase(grade: number): number | undefined {
    if (this.uninspected[grade]! >= 1) return undefined;
    return [0, 1, 2].find((i) => this.values[this.cell(i, grade)]! >= 1);
  }

  /** A case of `g` moves to another group, or one of another group's to `g`, or two swap, whole. */
  private *caseAlternatives(g: number, offset: number, hidden: Hidden): Iterable<number[]> {
    for (const h of this.partners(g, [offset, GRADED])) {
      const cost = (at: number) => (hidden.has(g * this.block + at) ? 0 : 1) + (hidden.has(h * this.block + at) ? 0 : 1);
      for (const [from, to] of [
        [g, h],
        [h, g],
      ] as const) {
        for (const profile of this.casesIn(from, offset, cost)) {
          const offsets = profile.offsets;
          if (this.fits(from, caseChanges(profile, -1)) && this.fits(to, caseChanges(profile, 1))) {
            yield this.figures(from, offsets).concat(this.figures(to, offsets));
          }
          if (offset === GRADED) continue;
          // The same case for one of the other group's that differs at `offset`: the groups' sizes stay.
          const swapped = this.swapFor(to, profile, offset, cost);
          if (!swapped) continue;
          const moved = [...caseChanges(profile, -1), ...caseChanges(swapped, 1)];
          const changed = [...new Set(offsets.concat(swapped.offsets))].filter((o) => offsets.includes(o) !== swapped.offsets.includes(o));
          if (this.fits(from, moved) && this.fits(to, moved.map(([o, d]) => [o, -d] as const))) {
            yield this.figures(from, changed).concat(this.figures(to, changed));
          }
        }
      }
    }
  }

  /** Cases group `g` can be holding that count at `offset` (any case, for the graded count). */
  private casesIn(g: number, offset: number, cost: (offset: number) => number): Profile[] {
    const found: Profile[] = [];
    for (const grade of offset < GRADED ? [offset] : [0, 1, 2]) {
      const profile = pickCase(this.blockOf(g), grade, cost, offset >= RULES ? offset : undefined);
      if (profile) found.push(profile);
    }
    return found;
  }

  /** A case of group `g` that differs from `profile` at `offset` and as little as may be elsewhere. */
  private swapFor(g: number, profile: Profile, offset: number, cost: (offset: number) => number): Profile | undefined {
    const unlike = (o: number) => (o === offset ? 1000 : 0);
    const score = (o: number) => (profile.offsets.includes(o) ? 0 : 1 + cost(o)) + unlike(o);
    for (const grade of [profile.grade, ...OTHER_GRADES[profile.grade]!]) {
      const other = pickCase(this.blockOf(g), grade, score, undefined);
      if (other && other.offsets.includes(offset) !== profile.offsets.includes(offset)) return other;
    }
    return undefined;
  }

  /**
   * A case of group `g` left out, or one like it added (without an inspector grade): the group's figures and
   * the overall ones change. Last of all, any case with that count added: always possible.
   */
  private *addOrRemove(g: number, offset: number, hidden: Hidden): Iterable<number[]> {
    const cost = (o: number) => (hidden.has(g * this.block + o) ? 0 : 1);
    const changed = (profile: Profile) => this.figures(g, profile.offsets).concat(this.figures(this.groups, profile.offsets));
    for (const profile of this.casesIn(g, offset, cost)) {
      if (this.fits(g, caseChanges(profile, -1))) {
        const inspected = this.inspectedCase(profile.grade);
        yield inspected === undefined ? changed(profile) : changed(profile).concat([this.cell(inspected, profile.grade), this.compared]);
      }
      if (this.fits(g, caseChanges(profile, 1))) yield changed(profile);
    }
    const any = someCase(this.blockOf(g), offset);
    if (any && this.fits(g, caseChanges(any, 1))) yield changed(any);
  }

  /**
   * In the agreement matrix: a case's inspector grade otherwise (its column keeps its count), or a case
   * inspected or not (the number compared changes).
   */
  private *agreementAlternatives(target: number): Iterable<number[]> {
    const count = (i: number, j: number) => this.values[this.cell(i, j)]!;
    const all = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => [i, j] as const));
    const cells = target === this.compared ? all : all.filter(([i, j]) => this.cell(i, j) === target);
    for (const [i, j] of cells) {
      if (target !== this.compared) for (const other of OTHER_GRADES[i]!) if (count(i, j) >= 1 || count(other, j) >= 1) yield [this.cell(i, j), this.cell(other, j)];
      if (count(i, j) >= 1 || this.uninspected[j]! >= 1) yield [this.cell(i, j), this.compared];
    }
  }
}
