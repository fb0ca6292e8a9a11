import { SummaryBuilder, type Summary } from "../../src/engine/summary.js";
import { GRADES, type Grade } from "../../src/input/fields.js";
import type { Rating } from "../../src/rules/define-rule.js";
import { seeded } from "../helpers/seeded.mjs";

const RATINGS: readonly Rating[] = ["good", "adequate", "inadequate", "n/a"];

/** A run's summary made of cases, and per group how many cases have each combination of ratings ("0,3": good then n/a). */
export interface Dataset {
  summary: Summary;
  cases: Map<string, number>[];
}

export interface DatasetShape {
  seed: number;
  /** Cases per group. */
  sizes: readonly number[];
  rules: number;
  /** Invalid records per group. */
  invalid?: readonly number[];
  /** The share of cases with an inspector grade. */
  inspected?: number;
}

/**
 * Cases graded by `worst` from random ratings (good 45%, adequate 25%, inadequate 15%, n/a 15%), most with an
 * inspector grade that is usually the tool's; groups G0, G1, ... in order.
 */
export function dataset({ seed, sizes, rules, invalid = [], inspected = 0.8 }: DatasetShape): Dataset {
  const random = seeded(seed);
  const pick = (weights: readonly number[]) => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    return weights.findIndex((w) => (r -= w) < 0);
  };
  const builder = new SummaryBuilder(Array.from({ length: rules }, (_, r) => `r${r}`));
  const cases = sizes.map(() => new Map<string, number>());
  sizes.forEach((size, g) => {
    for (let c = 0; c < size; c++) {
      const ratings = Array.from({ length: rules }, () => pick([0.45, 0.25, 0.15, 0.15]));
      const grade: Grade = ratings.includes(2) ? "inadequate" : ratings.includes(1) ? "adequate" : "good";
      const inspector = random() < inspected ? (random() < 0.7 ? grade : GRADES[Math.floor(random() * 3)]!) : undefined;
      builder.addCase({
        case_id: `G${g}-${c}`,
        group: `G${g}`,
        grade,
        reported_on: "2015-07-02",
        rules: ratings.map((which, r) => ({ id: `r${r}`, rating: RATINGS[which]!, findings: [] })),
        ...(inspector ? { inspector_grade: inspector } : {}),
      });
      const key = ratings.join(",");
      cases[g]!.set(key, (cases[g]!.get(key) ?? 0) + 1);
    }
    for (let i = 0; i < (invalid[g] ?? 0); i++) builder.addInvalid(`G${g}`);
  });
  return { summary: builder.build(), cases };
}

/** A small random dataset: 1 to 5 groups of up to 14 cases (some empty but for invalid records), 1 or 2 rules. */
export function smallDataset(seed: number): Dataset {
  const random = seeded(seed * 7919 + 1);
  const groups = 1 + Math.floor(random() * 5);
  const sizes = Array.from({ length: groups }, () => Math.floor(random() ** 1.5 * 15));
  const invalid = sizes.map((size) => (size === 0 || random() < 0.15 ? 1 + Math.floor(random() * 3) : 0));
  return dataset({ seed, sizes, rules: 1 + Math.floor(random() * 2), invalid, inspected: random() < 0.3 ? 1 : 0.8 });
}
