import type { Hash64, SipKey } from "./siphash.js";
import { compareKeyed, selectionKey } from "./keys.js";

/** A group of the sampling frame: its cases by stratum (every stratum listed, in order), and those left out by --exclude. */
export interface GroupFrame {
  name: string;
  strata: { name: string; cases: number }[];
  excluded: number;
}

/** A case drawn: its group and stratum, and its chance of being drawn and the weight that undoes it. */
export interface DrawnCase {
  case_id: string;
  group: string;
  stratum: string;
  probability: number;
  weight: number;
}

/** How many cases to draw from each stratum of each group, and their probability and weight. */
export interface StratumDraw {
  name: string;
  sample: number;
  probability: number | null;
  weight: number | null;
}

type Candidate = Hash64 & { id: string };

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The candidates of one stratum: how many, and the `keep` with the lowest keys, as a max-heap (the
 * highest kept at the top), so that the frame holds at most `keep` cases a stratum however large the file.
 */
class StratumCandidates {
  cases = 0;
  readonly kept: Candidate[] = [];

  constructor(private readonly keep: number) {}

  add(candidate: Candidate): void {
    this.cases++;
    const heap = this.kept;
    if (heap.length < this.keep) {
      heap.push(candidate);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (compareKeyed(heap[parent]!, heap[i]!) >= 0) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    } else if (heap.length > 0 && compareKeyed(candidate, heap[0]!) < 0) {
      heap[0] = candidate;
      for (let i = 0; ; ) {
        const [left, right] = [2 * i + 1, 2 * i + 2];
        let top = i;
        if (left < heap.length && compareKeyed(heap[left]!, heap[top]!) > 0) top = left;
        if (right < heap.length && compareKeyed(heap[right]!, heap[top]!) > 0) top = right;
        if (top === i) break;
        [heap[top], heap[i]] = [heap[i]!, heap[top]!];
        i = top;
      }
    }
  }

  /** The `n` kept with the lowest keys. */
  lowest(n: number): Candidate[] {
    if (n > this.kept.length) throw new RangeError(`${n} cases asked of a stratum that kept ${this.kept.length}`);
    return [...this.kept].sort(compareKeyed).slice(0, n);
  }
}

/**
 * The sampling frame: every valid case not excluded, by group and stratum. With a seed's key, each
 * case gets its selection key and each stratum keeps the `keep` lowest, the most any draw can take
 * from it; without one (a dry run) it only counts. Which cases are kept depends only on their ids and
 * the seed, never on the order in which they come.
 */
export class SamplingFrame {
  private readonly groups = new Map<string, { strata: Map<string, StratumCandidates>; excluded: number }>();

  constructor(
    private readonly strata: readonly string[],
    private readonly keep: number,
    private readonly key?: SipKey,
  ) {}

  private group(name: string) {
    let group = this.groups.get(name);
    if (!group) {
      group = { strata: new Map(this.strata.map((stratum) => [stratum, new StratumCandidates(this.key ? this.keep : 0)])), excluded: 0 };
      this.groups.set(name, group);
    }
    return group;
  }

  add(caseId: string, group: string, stratum: string): void {
    const candidates = this.group(group).strata.get(stratum);
    if (!candidates) throw new RangeError(`no stratum ${stratum}`);
    candidates.add(this.key ? { ...selectionKey(this.key, caseId), id: caseId } : { hi: 0, lo: 0, id: caseId });
  }

  exclude(group: string): void {
    this.group(group).excluded++;
  }

  /** Every group, by name in code-unit order (the same on every machine, unlike a locale's order). */
  frame(): GroupFrame[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([name, { strata, excluded }]) => ({ name, excluded, strata: [...strata.entries()].map(([stratum, c]) => ({ name: stratum, cases: c.cases })) }));
  }

  /** The draw: from each stratum the `sample` cases with the lowest keys; by group, stratum and case_id. */
  draw(plan: ReadonlyMap<string, readonly StratumDraw[]>): DrawnCase[] {
    if (!this.key) throw new Error("a frame without a seed only counts");
    const drawn: DrawnCase[] = [];
    for (const { name: group } of this.frame()) {
      for (const { name: stratum, sample, probability, weight } of plan.get(group) ?? []) {
        if (sample === 0) continue;
        const chosen = this.groups.get(group)!.strata.get(stratum)!.lowest(sample);
        chosen.sort((a, b) => byName(a.id, b.id));
        for (const { id } of chosen) drawn.push({ case_id: id, group, stratum, probability: probability!, weight: weight! });
      }
    }
    return drawn;
  }
}
