import { z } from "zod";
import type { GradeLabels } from "../engine/rubric.js";
import { BUILT_IN, type Strategy } from "../engine/strategy.js";
import { FIELD_NAMES } from "../input/fields.js";
import { LABEL_MAX, type ReportLabels } from "../report/types.js";
import type { Rule } from "../rules/define-rule.js";
import { keysAt } from "./issues.js";
import { dateFormatsSchema, listSeparatorsSchema, pivotSchema, valuesSchema } from "./mapped-values.js";
import { CONFIG_SOURCE } from "../rules/_declarative/definition.js";
import { declaredEnabled } from "./declarative.js";
import { gradesSchema } from "./grades.js";
import { quoteValue } from "../text/quote.js";
import { didYouMean } from "../text/suggest.js";

/** A rule the config can name: built in, or added by a plugin (whose path is its source). */
export interface KnownRule {
  rule: Rule<unknown>;
  source: string;
  /** A plugin's module, as an absolute path: the fast path's workers load the rule again from it. */
  file?: string;
}

export type RuleSetting = { enabled: false } | { enabled: true; options: unknown };

type Ctx = z.core.$RefinementCtx;

/** Parses options with a rule's own schema (maybe another copy of zod), re-raising its issues at `path`. */
function parseOptions(rule: Rule<unknown>, value: unknown, ctx: Ctx, path: PropertyKey[]): unknown {
  const parsed = rule.options.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      const candidates = keysAt(rule.options, issue.path);
      for (const key of issue.keys) {
        const message = `unknown option${didYouMean(key, candidates)}`;
        ctx.addIssue({ code: "custom", path: [...path, ...issue.path, key], message });
      }
    } else ctx.addIssue({ ...issue, path: [...path, ...issue.path] } as z.core.$ZodRawIssue);
  }
  return z.NEVER;
}

/** `"off"`, `"on"` (the defaults) or an options object. */
function readSetting(rule: Rule<unknown>, value: unknown, ctx: Ctx, path: PropertyKey[]): RuleSetting {
  if (value === "off") return { enabled: false };
  if (value === "on" || value === undefined) return { enabled: true, options: parseOptions(rule, {}, ctx, path) };
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return { enabled: true, options: parseOptions(rule, value, ctx, path) };
  }
  const hint = typeof value === "string" ? didYouMean(value, ["on", "off"]) : "";
  ctx.addIssue({ code: "custom", path, message: `expected "on", "off" or an options object, got ${quoteValue(value)}${hint}` });
  return { enabled: false };
}

const CUT_OFF = "expected a number of points from 0 (inadequate) to 2 (good)";
const cutOff = (points: number) => z.number(CUT_OFF).min(0, CUT_OFF).max(2, CUT_OFF).default(points);
const WEIGHT = "expected a weight of 0 or more";

function strategySchema(ids: readonly string[]) {
  const ruleId = z.enum(ids as [string, ...string[]]);
  const critical = z.array(ruleId).default([]);
  const weights = z.object(Object.fromEntries(ids.map((id) => [id, z.number(WEIGHT).min(0, WEIGHT).optional()]))).strict();
  const worst = z.object({ name: z.literal("worst"), critical }).strict();
  const points = z
    .object({ name: z.literal("points"), good: cutOff(1.75), adequate: cutOff(1.0), weights: weights.default({}), critical })
    .strict()
    .refine((s) => s.good >= s.adequate, { message: "the good cut-off must be at least the adequate one", path: ["good"] });
  return z
    .preprocess((value) => (typeof value === "string" ? { name: value } : value), z.discriminatedUnion("name", [worst, points]))
    .default({ name: "worst", critical: [] });
}

/** Columns map onto contract fields, or onto the extra columns a plugin rule says it reads. */
function columnsSchema(known: readonly KnownRule[]) {
  const targets = new Set([...FIELD_NAMES, ...known.flatMap(({ rule }) => rule.fields)]);
  return z.record(z.string(), z.string()).superRefine((columns, ctx) => {
    for (const [header, field] of Object.entries(columns)) {
      if (!targets.has(field)) {
        const message = `unknown field ${quoteValue(field)}${didYouMean(field, targets)}`;
        ctx.addIssue({ code: "custom", path: [header], message });
      }
    }
  });
}

const LABEL = "expected a line of text";
const label = z.string(LABEL).trim().min(1, LABEL).max(LABEL_MAX, `expected at most ${LABEL_MAX} characters`).optional();
const reportSchema = z.object({ title: label, period: label, publisher: label }).strict();

export interface ParsedConfig {
  rules: Record<string, RuleSetting>;
  strategy:
    | { name: "worst"; critical: string[] }
    | { name: "points"; good: number; adequate: number; weights: Record<string, number | undefined>; critical: string[] };
  plugins: string[];
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
  list_separators: Record<string, string>;
  /** The config's names for the grades, when it renames any (issue: grade labels). */
  grades?: GradeLabels;
  date_formats: string[];
  two_digit_year_pivot?: number;
  report: ReportLabels;
}

/** A rule written in the config was checked as it was read (src/config/declarative.ts): here only whether it is on. */
const declaredSetting = z.unknown().transform((value): RuleSetting => (declaredEnabled(value) ? { enabled: true, options: {} } : { enabled: false }));

/** The schema of a whole config, for the built-in rules and those the config's plugins add. */
export function configSchema(known: readonly KnownRule[]) {
  const ids = known.map(({ rule }) => rule.id);
  const setting = ({ rule, source }: KnownRule) =>
    source === CONFIG_SOURCE ? declaredSetting : z.unknown().transform((value, ctx) => readSetting(rule, value, ctx, []));
  const rules = z.object(Object.fromEntries(known.map((entry) => [entry.rule.id, setting(entry).optional()]))).strict();
  return z
    .object({
      rules: rules.default({}),
      strategy: strategySchema(ids),
      plugins: z.array(z.string()).default([]),
      columns: columnsSchema(known).default({}),
      values: valuesSchema.default({}),
      list_separators: listSeparatorsSchema.default({}),
      grades: gradesSchema.optional(),
      date_formats: dateFormatsSchema.default([]),
      two_digit_year_pivot: pivotSchema.optional(),
      report: reportSchema.default({}),
    })
    .strict()
    .transform((config, ctx): ParsedConfig => {
      const settings = Object.fromEntries(
        known.map(({ rule }) => [rule.id, config.rules[rule.id] ?? readSetting(rule, "on", ctx, ["rules", rule.id])]),
      );
      const off = (id: string) => settings[id]?.enabled === false;
      config.strategy.critical.forEach((id, i) => {
        if (off(id)) ctx.addIssue({ code: "custom", path: ["strategy", "critical", i], message: `rule ${quoteValue(id)} is off` });
      });
      if (config.strategy.name === "points") {
        for (const id of Object.keys(config.strategy.weights)) {
          if (off(id)) ctx.addIssue({ code: "custom", path: ["strategy", "weights", id], message: `rule ${quoteValue(id)} is off` });
        }
      }
      if (ids.every(off)) ctx.addIssue({ code: "custom", path: ["rules"], message: "every rule is off, so there is nothing to grade by" });
      return { ...config, rules: settings };
    });
}

/** The strategy as the engine takes it (critical rules are marked on each rule instead). */
export function engineStrategy(strategy: ParsedConfig["strategy"]): Strategy {
  if (strategy.name === "worst") return { name: "worst" };
  const weights: Record<string, number> = {};
  for (const [id, weight] of Object.entries(strategy.weights)) if (weight !== undefined) weights[id] = weight;
  return { name: "points", good: strategy.good, adequate: strategy.adequate, weights };
}

export const builtInSource = (rule: Rule<unknown>): KnownRule => ({ rule, source: BUILT_IN });
