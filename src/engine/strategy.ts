/** How a rubric grades, and the parts of it a worker thread needs (src/engine/rubric.ts loads every rule with zod). */
export type Strategy =
  | { name: "worst" }
  | { name: "points"; good: number; adequate: number; weights: Record<string, number> };

export const BUILT_IN = "built-in";
export const DEFAULT_WEIGHT = 1;

export function ruleWeight(strategy: Strategy, id: string): number {
  return strategy.name === "points" ? (strategy.weights[id] ?? DEFAULT_WEIGHT) : DEFAULT_WEIGHT;
}
