import type { CaseResult } from "../engine/score.js";
import { GRADES } from "../input/fields.js";

/** How each group's cases are divided before the draw: not at all, by predicted grade, or by one rule's rating. */
export type Stratification = { by: "none" } | { by: "grade" } | { by: "rule"; rule: string };

/** The one stratum of an unstratified group. */
export const UNSTRATIFIED = "all";

/** The strata a stratification makes, in the order every output lists them. */
export function strataOf(stratification: Stratification): readonly string[] {
  if (stratification.by === "none") return [UNSTRATIFIED];
  return stratification.by === "grade" ? GRADES : [...GRADES, "n/a"];
}

/** A graded case's stratum. */
export function stratumOf(stratification: Stratification): (result: CaseResult) => string {
  switch (stratification.by) {
    case "none":
      return () => UNSTRATIFIED;
    case "grade":
      return (result) => result.grade;
    case "rule": {
      const { rule } = stratification;
      return (result) => result.rules.find((outcome) => outcome.id === rule)?.rating ?? "n/a";
    }
  }
}

/** As `--stratify` takes it: `grade`, `rule:<id>`, or null. */
export function stratificationText(stratification: Stratification): string | null {
  if (stratification.by === "none") return null;
  return stratification.by === "grade" ? "grade" : `rule:${stratification.rule}`;
}
