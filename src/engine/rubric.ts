import { createHash } from "node:crypto";
import type { Grade } from "../input/fields.js";
import type { DeclarativeDefinition } from "../rules/_declarative/definition.js";
import type { RuleLogic } from "../rules/define-rule.js";
import { BUILT_IN_DEFINITIONS } from "../rules/registry.js";
import { BUILT_IN, ruleWeight, type Strategy } from "./strategy.js";

/**
 * A rule as a rubric uses it. A worker thread's rubric holds each rule without its options schema
 * (`RuleLogic`): it grades with options already parsed, and so never loads zod.
 */
export interface ActiveRule<R extends RuleLogic = RuleLogic> {
  rule: R;
  options: unknown;
  /** An inadequate rating from this rule makes the case inadequate, whatever the strategy. */
  critical: boolean;
  /** `built-in`, `config`, or the plugin path the rule came from, as the config names it. */
  source: string;
  /** A plugin's module, as an absolute path: the fast path's workers load the rule again from it. Not recorded in reports. */
  file?: string;
}

/** A rule module named by a config: its path as written, the ids it added, and a hash of its file. */
export interface PluginRef {
  path: string;
  ids: string[];
  sha256: string;
}

/** What the reports that show grades in words call each one (the config's `grades`); keys stay as they are. */
export type GradeLabels = Readonly<Record<Grade, string>>;

export interface Rubric<R extends RuleLogic = RuleLogic> {
  strategy: Strategy;
  rules: ActiveRule<R>[];
  plugins: PluginRef[];
  /** Set only when the config renames a grade. */
  grades?: GradeLabels;
}

/**
 * The reference rubric: every built-in rule with its defaults, each a copy of its own. Made without
 * zod, so that a run with no config never loads it.
 */
export function referenceRubric(): Rubric {
  return {
    strategy: { name: "worst" },
    rules: BUILT_IN_DEFINITIONS.map((rule) => ({ rule, options: structuredClone(rule.defaults), critical: false, source: BUILT_IN })),
    plugins: [],
  };
}

export interface RubricDescription {
  strategy: { name: "worst" } | { name: "points"; good: number; adequate: number };
  rules: { id: string; options: unknown; critical: boolean; weight?: number; source: string; definition?: DeclarativeDefinition }[];
  plugins: PluginRef[];
  grades?: GradeLabels;
}

/** The rubric as plain JSON: what a report records so that two runs can be compared. */
export function describeRubric(rubric: Rubric): RubricDescription {
  const { strategy } = rubric;
  return {
    strategy: strategy.name === "points" ? { name: "points", good: strategy.good, adequate: strategy.adequate } : { name: "worst" },
    rules: rubric.rules.map(({ rule, options, critical, source }) => ({
      id: rule.id,
      options,
      critical,
      ...(strategy.name === "points" ? { weight: ruleWeight(strategy, rule.id) } : {}),
      source,
      ...(rule.definition ? { definition: rule.definition } : {}),
    })),
    plugins: rubric.plugins.map((plugin) => ({ ...plugin, ids: [...plugin.ids] })),
    ...(rubric.grades ? { grades: rubric.grades } : {}),
  };
}

/** JSON with object keys sorted at every level, so that equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The hash of a rubric's description (as `describeRubric` makes it, or as a report holds it without its `hash`). */
export function descriptionHash(description: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(description)).digest("hex")}`;
}

/** A stable hash of the rubric's description: equal hashes mean comparable grades. */
export function rubricHash(rubric: Rubric): string {
  return descriptionHash(describeRubric(rubric));
}
