/**
 * A group's published counts as suppression sees them (a block of figures), and what the rubric lets a
 * reader infer from them. Offsets in a block: the three grade counts (good, adequate, inadequate), the graded
 * count, the invalid count, then per rule its good, adequate, inadequate and n/a ratings.
 */
export const GRADED = 3;
export const INVALID = 4;
export const RULES = 5;

/** A rule's ratings in a block, in offset order; `inadequate` is also the rule's decisive count under `worst`. */
export const RATINGS = ["good", "adequate", "inadequate", "notApplicable"] as const;
const [GOOD, ADEQUATE, INADEQUATE, NOT_APPLICABLE] = [0, 1, 2, 3];

export const rating = (rule: number, which: number) => RULES + 4 * rule + which;

export interface Block {
  /** The count at an offset. */
  at(offset: number): number;
  rules: number;
  /** Whether grades follow the rules' ratings by the `worst` strategy (and the block holds the rules). */
  worst: boolean;
}

/** A case: its grade and, under `worst`, a rating from each rule, as the offsets of the counts it adds to. */
export interface Profile {
  grade: number;
  offsets: number[];
}

export const caseChanges = (profile: Profile, sign: number): [number, number][] => profile.offsets.map((offset) => [offset, sign]);

/**
 * Whether some set of cases gives a block these counts, changed by `changes`. Counts are never negative; a
 * group lists at least one record. Under `worst`, a case is inadequate when a rule rates it inadequate,
 * else adequate when one rates it adequate, else good; for counts of grades (good G, adequate A,
 * inadequate I) and of each rule's ratings (g, a, i, n over the same cases) some cases exist exactly when
 *
 *   i ≤ I and a + i ≤ A + I for every rule (an inadequate rating only in an inadequate case, an adequate one
 *   not in a good case), Σ i ≥ I (every inadequate case has an inadequate rating) and Σ min(a, A) ≥ A
 *   (every adequate case an adequate one).
 *
 * (Enough: deal each rule's inadequate ratings round the inadequate cases in turn, each rule going on from
 * where the last stopped, and the adequate ratings that fit in adequate cases likewise; the rest anywhere
 * their grade allows.) The suppression tests check this against every set of cases of small tables.
 * `what`: a group's counts ("group": it lists at least one record), counts of some cases ("cases"), or a
 * sum of groups' counts, which fits whenever the groups' do ("sum": never negative is all).
 */
export function groupFits(block: Block, changes: readonly (readonly [number, number])[], what: "group" | "cases" | "sum"): boolean {
  const at = (offset: number) => {
    let value = block.at(offset);
    for (const [changed, change] of changes) if (changed === offset) value += change;
    return value;
  };
  for (const [offset] of changes) if (at(offset) < 0) return false;
  if (what === "sum") return true;
  if (what === "group" && at(GRADED) + at(INVALID) < 1) return false;
  const [good, adequate, inadequate] = [at(0), at(1), at(2)];
  if (at(GRADED) !== good + adequate + inadequate) return false;
  if (!block.worst) return true;
  let decisive = 0;
  let adequateCases = 0;
  for (let r = 0; r < block.rules; r++) {
    const [g, a, i, n] = [GOOD, ADEQUATE, INADEQUATE, NOT_APPLICABLE].map((which) => at(rating(r, which))) as [number, number, number, number];
    if (g + a + i + n !== good + adequate + inadequate || i > inadequate || a + i > adequate + inadequate) return false;
    decisive += i;
    adequateCases += Math.min(a, adequate);
  }
  return decisive >= inadequate && adequateCases >= adequate;
}

/** The ratings a case of each grade can have from a rule under `worst`, the ones that constrain least first. */
const ALLOWED = [
  [GOOD, NOT_APPLICABLE],
  [GOOD, NOT_APPLICABLE, ADEQUATE],
  [GOOD, NOT_APPLICABLE, ADEQUATE, INADEQUATE],
];

const profileOf = (grade: number, ratings: readonly number[]): Profile => ({
  grade,
  offsets: [grade, GRADED, ...ratings.map((which, r) => rating(r, which))],
});

/**
 * A case of this grade that the block can be holding (the rest of its counts still fit), each rule's rating
 * chosen by `cost` of its offset (lower first); with `fixed`, the case has that rating. Undefined when none
 * is found (a greedy choice, which may miss one: an alternative is only ever offered, never assumed).
 */
export function pickCase(block: Block, grade: number, cost: (offset: number) => number, fixed: number | undefined): Profile | undefined {
  if (block.at(grade) < 1) return undefined;
  if (!block.worst) return fixed === undefined ? profileOf(grade, []) : undefined;
  const [, adequate, inadequate] = [block.at(0), block.at(1), block.at(2)];
  const options: number[][] = [];
  for (let r = 0; r < block.rules; r++) {
    const a = block.at(rating(r, ADEQUATE));
    const i = block.at(rating(r, INADEQUATE));
    let list = ALLOWED[grade]!.filter((which) => block.at(rating(r, which)) >= 1);
    // Without this case the rule's counts must still fit: an inadequate rating in each inadequate case
    // left, adequate or inadequate in each case left that is not good.
    if (grade === 2 && i === inadequate) list = list.filter((which) => which === INADEQUATE);
    if (grade !== 0 && a + i === adequate + inadequate) list = list.filter((which) => which === ADEQUATE || which === INADEQUATE);
    if (fixed !== undefined && fixed >= rating(r, 0) && fixed < rating(r + 1, 0)) list = list.filter((which) => rating(r, which) === fixed);
    if (list.length === 0) return undefined;
    options.push(list);
  }
  for (const order of [cost, () => 0]) {
    const ratings = options.map((list, r) => list.reduce((best, which) => (order(rating(r, which)) < order(rating(r, best)) ? which : best)));
    // An adequate case needs an adequate rating, an inadequate one an inadequate rating.
    const needed = grade === 1 ? ADEQUATE : grade === 2 ? INADEQUATE : undefined;
    if (needed !== undefined && !ratings.includes(needed)) {
      const r = options.findIndex((list) => list.includes(needed));
      if (r < 0) return undefined;
      ratings[r] = needed;
    }
    const profile = profileOf(grade, ratings);
    if (groupFits(block, caseChanges(profile, -1), "cases")) return profile;
  }
  return undefined;
}

/** A case with the count at `offset` that any group could be given (for adding one): the rules rate it good otherwise. */
export function someCase(block: Block, offset: number): Profile | undefined {
  if (offset < GRADED) {
    if (!block.worst) return profileOf(offset, []);
    if (offset !== 0 && block.rules === 0) return undefined;
    return profileOf(offset, Array.from({ length: block.rules }, (_, r) => (r === 0 && offset === 1 ? ADEQUATE : r === 0 && offset === 2 ? INADEQUATE : GOOD)));
  }
  if (offset === GRADED || offset === INVALID) return profileOf(0, Array.from({ length: block.worst ? block.rules : 0 }, () => GOOD));
  const rule = Math.floor((offset - RULES) / 4);
  const which = (offset - RULES) % 4;
  const grade = which === ADEQUATE ? 1 : which === INADEQUATE ? 2 : 0;
  return profileOf(grade, Array.from({ length: block.rules }, (_, r) => (r === rule ? which : GOOD)));
}
