import { GRADES, type Grade } from "../input/fields.js";
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

/** A case the inspector and the tool graded as far apart as they can be: good against inadequate. */
export interface ApartCase {
  case_id: string;
  group: string;
  inspector: "good" | "inadequate";
  tool: "good" | "inadequate";
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
  /** Inspector by tool, over the cases that carry an inspector grade; groups in the order of `groups`. */
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

/** Per-group and overall tallies; what grows with the input is one entry per group and the apart cases. */
export class SummaryBuilder {
  private readonly ruleIds: string[];
  private readonly groups = new Map<string, Tally>();
  private readonly overall = emptyTally();
  private readonly apart: ApartCase[] = [];

  constructor(ruleIds: readonly string[] = []) {
    this.ruleIds = [...ruleIds];
  }

  private tallies(group: string): Tally[] {
    let tally = this.groups.get(group);
    if (!tally) this.groups.set(group, (tally = emptyTally()));
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
    const apart = inspector === undefined ? undefined : apartPair(inspector, grade);
    if (apart) this.apart.push({ case_id: result.case_id, group: result.group, ...apart });
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
    this.apart.push(...summary.agreement.apart);
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

function apartPair(inspector: Grade, tool: Grade): Pick<ApartCase, "inspector" | "tool"> | undefined {
  if (inspector === "good" && tool === "inadequate") return { inspector, tool };
  if (inspector === "inadequate" && tool === "good") return { inspector, tool };
  return undefined;
}

/** A share of graded cases as a percentage with one decimal, or undefined when nothing was graded. */
export function percentage(count: number, graded: number): number | undefined {
  return graded === 0 ? undefined : Math.round((count / graded) * 1000) / 10;
}
