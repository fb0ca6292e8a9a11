import { InputError } from "../input/errors.js";
import { GRADES } from "../input/fields.js";
import { MAX_GROUPS } from "../input/limits.js";
import type { CaseResult } from "./score.js";

export interface GradeCounts {
  graded: number;
  good: number;
  adequate: number;
  inadequate: number;
  invalid: number;
}

export interface GroupSummary extends GradeCounts {
  name: string;
}

/** How one rule rated graded cases. `decisive`: its inadequate ratings in cases graded inadequate. */
export interface RuleCounts {
  id: string;
  good: number;
  adequate: number;
  inadequate: number;
  notApplicable: number;
  decisive: number;
}

/** matrix[i][j]: cases the inspector graded GRADES[i] and the tool graded GRADES[j]. */
export type GradeMatrix = number[][];

/**
 * How many cases each list of cases apart keeps (inspector good and tool inadequate, and the reverse):
 * the first in file order. The agreement matrix counts them all; the lists are for looking cases up,
 * and lists that grew with the input would be the largest thing a run holds in memory.
 */
export const APART_LIMIT = 1000;

/** A case the inspector and the tool graded as far apart as they can be: good against inadequate. */
export interface ApartCase {
  case_id: string;
  group: string;
  inspector: "good" | "inadequate";
  tool: "good" | "inadequate";
}

/** How many cases apart a summary keeps, by the inspector's grade: good (the tool inadequate), inadequate (the tool good). */
export interface ApartKept {
  good: number;
  inadequate: number;
}

/**
 * Everything a run tallies, as plain counts that add up: the summary of two disjoint runs is the sum of
 * their summaries. Everything derived (shares, intervals, flags, kappa, suppression) is computed from it.
 */
export interface Summary {
  overall: GradeCounts;
  groups: GroupSummary[];
  /** Each rule's ratings, in rubric order; groups in the order of `groups`. */
  rules: { overall: RuleCounts[]; groups: { name: string; rules: RuleCounts[] }[] };
  /**
   * Inspector by tool, over the cases that carry an inspector grade; groups in the order of `groups`.
   * `apart`: the first APART_LIMIT cases of each direction in file order (of the two summaries added, the
   * first's cases come first).
   */
  agreement: { overall: GradeMatrix; groups: { name: string; matrix: GradeMatrix }[]; apart: ApartCase[] };
}

export const emptyCounts = (): GradeCounts => ({ graded: 0, good: 0, adequate: 0, inadequate: 0, invalid: 0 });
const emptyRule = (id: string): RuleCounts => ({ id, good: 0, adequate: 0, inadequate: 0, notApplicable: 0, decisive: 0 });
const emptyMatrix = (): GradeMatrix => GRADES.map(() => GRADES.map(() => 0));

export const emptySummary = (ruleIds: readonly string[] = []): Summary => new SummaryBuilder(ruleIds).build();

interface Tally {
  counts: GradeCounts;
  rules: Map<string, RuleCounts>;
  matrix: GradeMatrix;
}

const emptyTally = (): Tally => ({ counts: emptyCounts(), rules: new Map(), matrix: emptyMatrix() });

function addCounts<T extends object>(into: T, from: T): void {
  for (const key of Object.keys(from) as (keyof T)[]) {
    if (typeof from[key] === "number") (into[key] as number) += from[key] as number;
  }
}

/** Per-group and overall tallies; what grows with the input is one entry per group. */
/** Each group is a table of its own, and a row of every report: a column with this many values is an id or free text. */
const tooManyGroups = () =>
  new InputError(`--group-by: more than ${MAX_GROUPS.toLocaleString("en")} groups; group by a column with fewer distinct values (force, a team, a district), not one that names each case`);

export class SummaryBuilder {
  private readonly ruleIds: string[];
  private readonly groups = new Map<string, Tally>();
  private readonly overall = emptyTally();
  private readonly apart: ApartCase[] = [];
  /** How many cases apart are kept, here or before: the inspector graded good (and the tool inadequate), and the reverse. */
  private readonly kept: ApartKept = { good: 0, inadequate: 0 };

  /**
   * `keptBefore`: how many cases of each direction summaries that come before this one already keep (a
   * chunk's, say), so that this one keeps only the rest of the first APART_LIMIT.
   */
  constructor(ruleIds: readonly string[] = [], keptBefore?: ApartKept) {
    this.ruleIds = [...ruleIds];
    if (keptBefore) this.kept = { good: Math.min(keptBefore.good, APART_LIMIT), inadequate: Math.min(keptBefore.inadequate, APART_LIMIT) };
  }

  private tallies(group: string): Tally[] {
    let tally = this.groups.get(group);
    if (!tally) {
      if (this.groups.size >= MAX_GROUPS) throw tooManyGroups();
      this.groups.set(group, (tally = emptyTally()));
    }
    return [this.overall, tally];
  }

  private rule(tally: Tally, id: string): RuleCounts {
    if (!tally.rules.has(id) && !this.ruleIds.includes(id)) this.ruleIds.push(id);
    let counts = tally.rules.get(id);
    if (!counts) tally.rules.set(id, (counts = emptyRule(id)));
    return counts;
  }

  addCase(result: CaseResult): void {
    const { grade, inspector_grade: inspector } = result;
    for (const tally of this.tallies(result.group)) {
      tally.counts.graded++;
      tally.counts[grade]++;
      for (const { id, rating } of result.rules) {
        const counts = this.rule(tally, id);
        if (rating === "n/a") counts.notApplicable++;
        else counts[rating]++;
        if (rating === "inadequate" && grade === "inadequate") counts.decisive++;
      }
      if (inspector !== undefined) tally.matrix[GRADES.indexOf(inspector)]![GRADES.indexOf(grade)]!++;
    }
    // case_id is read only for a case kept (the fast path's tally decodes it only then).
    if (inspector === "good" && grade === "inadequate" && this.kept.good < APART_LIMIT) {
      this.keep({ case_id: result.case_id, group: result.group, inspector, tool: grade });
    } else if (inspector === "inadequate" && grade === "good" && this.kept.inadequate < APART_LIMIT) {
      this.keep({ case_id: result.case_id, group: result.group, inspector, tool: grade });
    }
  }

  /** How many cases apart of each direction are kept so far (at most APART_LIMIT each). */
  get apartKept(): ApartKept {
    return { ...this.kept };
  }

  private keep(entry: ApartCase): void {
    this.kept[entry.inspector]++;
    this.apart.push(entry);
  }

  addInvalid(group: string): void {
    for (const tally of this.tallies(group)) tally.counts.invalid++;
  }

  /** Adds the counts of another summary: how reports of disjoint case sets are merged. */
  addSummary(summary: Summary): void {
    const add = (tally: Tally, counts: GradeCounts, rules: readonly RuleCounts[], matrix: GradeMatrix) => {
      addCounts(tally.counts, counts);
      for (const rule of rules) addCounts(this.rule(tally, rule.id), rule);
      matrix.forEach((row, i) => row.forEach((count, j) => (tally.matrix[i]![j]! += count)));
    };
    add(this.overall, summary.overall, summary.rules.overall, summary.agreement.overall);
    summary.groups.forEach(({ name, ...counts }, i) => {
      const [, tally] = this.tallies(name);
      add(tally!, counts, summary.rules.groups[i]?.rules ?? [], summary.agreement.groups[i]?.matrix ?? emptyMatrix());
    });
    // The first of each direction in the order met, as addCase keeps them: this summary's come after ours.
    for (const entry of summary.agreement.apart) if (this.kept[entry.inspector] < APART_LIMIT) this.keep({ ...entry });
  }

  build(): Summary {
    const names = [...this.groups.keys()].sort((a, b) => a.localeCompare(b, "en"));
    const rulesOf = (tally: Tally) => this.ruleIds.map((id) => ({ ...(tally.rules.get(id) ?? emptyRule(id)) }));
    const matrixOf = (tally: Tally) => tally.matrix.map((row) => [...row]);
    const tallyOf = (name: string) => this.groups.get(name)!;
    return {
      overall: { ...this.overall.counts },
      groups: names.map((name) => ({ name, ...tallyOf(name).counts })),
      rules: { overall: rulesOf(this.overall), groups: names.map((name) => ({ name, rules: rulesOf(tallyOf(name)) })) },
      agreement: {
        overall: matrixOf(this.overall),
        groups: names.map((name) => ({ name, matrix: matrixOf(tallyOf(name)) })),
        apart: this.apart.map((entry) => ({ ...entry })),
      },
    };
  }
}

/** A share of graded cases as a percentage with one decimal, or undefined when nothing was graded. */
export function percentage(count: number, graded: number): number | undefined {
  return graded === 0 ? undefined : Math.round((count / graded) * 1000) / 10;
}
