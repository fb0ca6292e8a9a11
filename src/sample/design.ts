import { marginOfSample, sampleSizeForMargin } from "../stats/sample-size.js";
import { allocate } from "./allocate.js";
import type { GroupFrame, StratumDraw } from "./frame.js";

/** How the sample size is chosen: per group, a total shared among the groups, or a margin of error. */
export type Sizing =
  | { by: "per-group"; size: number }
  | { by: "total"; size: number; equal: boolean }
  | { by: "margin"; margin: number };

/** Oversampling factors have at most this many decimals, and are kept as whole thousandths so that allocation is exact. */
export const FACTOR_DECIMALS = 3;
const FACTOR_SCALE = 10 ** FACTOR_DECIMALS;

export interface PlannedStratum extends StratumDraw {
  cases: number;
  factor: number;
}

export interface PlannedGroup {
  name: string;
  /** Cases in the frame (after --exclude), and those excluded. */
  cases: number;
  excluded: number;
  /** What the sizing asked of this group, and what is drawn. */
  requested: number;
  sample: number;
  /** The 95% margin the sample gives a share near the expected one, allowing for unequal weights; null when nothing is drawn. */
  margin: number | null;
  /** Kish's design effect of the group's weights, n·Σ(N_h²/n_h)/N²: 1 when every case has the same weight. */
  designEffect: number | null;
  strata: PlannedStratum[];
}

/** Where the sample differs from what was asked: every case taken, or more drawn so that no stratum with cases is left empty. */
export type PlanNote =
  | { kind: "all-taken"; group: string | null; cases: number; requested: number }
  | { kind: "raised"; group: string | null; least: number; requested: number };

export interface SamplePlan {
  groups: PlannedGroup[];
  cases: number;
  sample: number;
  notes: PlanNote[];
}

export interface PlanOptions {
  /** Oversampling factor by stratum name (1 when not given). */
  factors: ReadonlyMap<string, number>;
  /** The share a margin is worked out for (0.5 unless --expected). */
  expected: number;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const casesOf = (group: GroupFrame) => sum(group.strata.map((stratum) => stratum.cases));
/** The fewest a group can be given: one from each stratum that has cases. */
const leastOf = (group: GroupFrame) => group.strata.filter((stratum) => stratum.cases > 0).length;

/** The most cases any stratum's draw can take under a sizing: what a frame must keep of each. */
export function mostPerStratum(sizing: Sizing, expected: number, strata: number): number {
  const size = sizing.by === "margin" ? sampleSizeForMargin(sizing.margin, expected, Number.POSITIVE_INFINITY) : sizing.size;
  return Math.max(size, strata);
}

/** What each group is asked for, before its own bounds. */
function requestedSizes(groups: readonly GroupFrame[], sizing: Sizing, expected: number, notes: PlanNote[]): number[] {
  if (sizing.by === "per-group") return groups.map(() => sizing.size);
  if (sizing.by === "margin") return groups.map((group) => sampleSizeForMargin(sizing.margin, expected, casesOf(group)));
  const cases = sum(groups.map(casesOf));
  const least = sum(groups.map(leastOf));
  let total = sizing.size;
  if (total > cases) {
    notes.push({ kind: "all-taken", group: null, cases, requested: total });
    total = cases;
  } else if (total < least) {
    notes.push({ kind: "raised", group: null, least, requested: total });
    total = least;
  }
  const units = groups.map((group) => ({ name: group.name, cases: casesOf(group), least: leastOf(group), measure: BigInt(sizing.equal ? Math.min(1, casesOf(group)) : casesOf(group)) }));
  return allocate(total, units);
}

function planGroup(group: GroupFrame, requested: number, options: PlanOptions, notes: PlanNote[], perGroup: boolean): PlannedGroup {
  const cases = casesOf(group);
  const least = leastOf(group);
  let sample = requested;
  if (sample > cases) {
    if (perGroup) notes.push({ kind: "all-taken", group: group.name, cases, requested });
    sample = cases;
  } else if (sample < least) {
    if (perGroup) notes.push({ kind: "raised", group: group.name, least, requested });
    sample = least;
  }
  const factorOf = (name: string) => options.factors.get(name) ?? 1;
  const units = group.strata.map((stratum) => ({
    name: stratum.name,
    cases: stratum.cases,
    least: Math.min(1, stratum.cases),
    measure: BigInt(stratum.cases) * BigInt(Math.round(factorOf(stratum.name) * FACTOR_SCALE)),
  }));
  const sizes = allocate(sample, units);
  const strata = group.strata.map((stratum, i): PlannedStratum => {
    const n = sizes[i]!;
    return {
      name: stratum.name,
      cases: stratum.cases,
      factor: factorOf(stratum.name),
      sample: n,
      probability: n === 0 ? null : n / stratum.cases,
      weight: n === 0 ? null : stratum.cases / n,
    };
  });
  const designEffect = sample === 0 ? null : (sample * sum(strata.map((s) => (s.sample === 0 ? 0 : (s.cases * s.cases) / s.sample)))) / (cases * cases);
  const margin = designEffect === null ? null : (marginOfSample(sample, cases, options.expected, designEffect) ?? null);
  return { name: group.name, cases, excluded: group.excluded, requested, sample, margin, designEffect, strata };
}

/**
 * The design: how many cases each group gives, and each stratum within it. Within a group the sample is
 * shared among strata in proportion to cases × factor (largest remainder), never leaving a stratum that
 * has cases empty and never asking a stratum for more than it has; a stratum drawn from has inclusion
 * probability n_h/N_h and weight N_h/n_h, so that each group's weights sum to its cases.
 */
export function planSample(groups: readonly GroupFrame[], sizing: Sizing, options: PlanOptions): SamplePlan {
  const notes: PlanNote[] = [];
  const requested = requestedSizes(groups, sizing, options.expected, notes);
  const planned = groups.map((group, i) => planGroup(group, requested[i]!, options, notes, sizing.by === "per-group"));
  return { groups: planned, cases: sum(planned.map((g) => g.cases)), sample: sum(planned.map((g) => g.sample)), notes };
}

const casesText = (n: number) => `${n} case${n === 1 ? "" : "s"}`;

/** A note as one line, for stderr and the design's `notes`. */
export function noteText(note: PlanNote, sizing: Sizing): string {
  const asked = sizing.by === "total" ? `--total ${note.requested}` : `--per-group ${note.requested}`;
  const where = note.group === null ? "the input" : note.group;
  if (note.kind === "all-taken") return `${where} has only ${casesText(note.cases)}, fewer than ${asked}: every one is taken`;
  const each = note.group === null ? "every group and stratum that has cases" : "every stratum that has cases";
  return `${where}: ${asked} is fewer than ${each}: ${note.least} are drawn, one from each`;
}
