import type { Grade } from "../input/fields.js";

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

export interface Summary {
  overall: GradeCounts;
  groups: GroupSummary[];
}

export const emptyCounts = (): GradeCounts => ({ graded: 0, good: 0, adequate: 0, inadequate: 0, invalid: 0 });

/** Per-group and overall tallies; the only state that grows with the input is one entry per group. */
export class SummaryBuilder {
  private readonly groups = new Map<string, GradeCounts>();
  private readonly overall = emptyCounts();

  private group(name: string): GradeCounts {
    let counts = this.groups.get(name);
    if (!counts) this.groups.set(name, (counts = emptyCounts()));
    return counts;
  }

  addGraded(group: string, grade: Grade): void {
    for (const counts of [this.overall, this.group(group)]) {
      counts.graded++;
      counts[grade]++;
    }
  }

  addInvalid(group: string): void {
    this.overall.invalid++;
    this.group(group).invalid++;
  }

  build(): Summary {
    const groups = [...this.groups]
      .map(([name, counts]) => ({ name, ...counts }))
      .sort((a, b) => a.name.localeCompare(b.name, "en"));
    return { overall: { ...this.overall }, groups };
  }
}

/** A share of graded cases as a percentage with one decimal, or undefined when nothing was graded. */
export function percentage(count: number, graded: number): number | undefined {
  return graded === 0 ? undefined : Math.round((count / graded) * 1000) / 10;
}
