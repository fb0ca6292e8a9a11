import { z } from "zod";

const shown = z.int().min(0).nullable().describe("a count; null where --suppress-below hides it");
const share = z.number().min(0).max(1).nullable();
const interval = z.object({ low: z.number(), high: z.number() });
const perGrade = <T extends z.ZodType>(value: T) => z.object({ good: value, adequate: value, inadequate: value });

const gradeRow = {
  graded: shown,
  good: shown,
  adequate: shown,
  inadequate: shown,
  invalid: shown,
  shares: perGrade(share).describe("of graded cases, 0-1; null when nothing was graded or a count is hidden"),
  intervals: perGrade(interval.nullable()).describe("95% Wilson score intervals of the shares, 0-1"),
};

const direction = z.enum(["higher", "lower"]);

const comparison = z.object({
  restShare: share.describe("the inadequate share of every other group's cases together"),
  difference: z.number(),
  z: z.number(),
  p: z.number().describe("two-sided"),
  pAdjusted: z.number().describe("Holm-adjusted across the groups tested"),
  flagged: z.boolean(),
  direction: direction.nullable(),
});

const suppressedEntry = z.object({
  section: z.enum(["summary", "breakdown", "agreement"]),
  group: z.string().nullable().describe("null for the overall row"),
  rule: z.string().optional(),
  field: z.string(),
});

export const summarySchema = z.object({
  overall: z.object(gradeRow),
  groups: z.array(
    z.object({
      name: z.string(),
      ...gradeRow,
      flag: direction.nullable().describe("the group's inadequate share differs from the rest beyond chance"),
      comparison: comparison.nullable(),
      untested: z
        .enum(["nothing graded", "no other cases", "too few cases", "counts hidden"])
        .nullable()
        .optional()
        .describe("why the group was not tested against the rest: it graded nothing, it holds every graded case, the test's minimum expected counts are not met, or --suppress-below hides one of its counts or an overall one; null when it was tested. Absent from reports written before it was added"),
    }),
  ),
  test: z.object({
    name: z.string(),
    measure: z.literal("inadequate"),
    alpha: z.number(),
    minExpected: z.number().describe("groups the pooled share predicts fewer inadequate or other cases for (in them or the rest) are not tested"),
    tested: z.int().min(0),
  }),
  suppression: z.object({ below: z.int().min(1), hidden: z.array(suppressedEntry) }).optional().describe("present under --suppress-below"),
});

const ruleRow = z.object({
  id: z.string(),
  good: shown,
  adequate: shown,
  inadequate: shown,
  notApplicable: shown,
  decisive: shown.describe("cases graded inadequate in which this rule rated inadequate"),
  decisiveShare: share.describe("decisive as a share of the inadequate cases"),
});

const breakdownScope = { rules: z.array(ruleRow), drivers: z.array(z.string()).describe("rule ids, most decisive first") };

export const breakdownSchema = z.object({
  overall: z.object(breakdownScope),
  groups: z.array(z.object({ name: z.string(), ...breakdownScope })),
});

const kappa = z
  .object({ kappa: z.number(), standardError: z.number(), interval, observed: z.number(), expected: z.number() })
  .nullable();

const agreementScope = {
  n: shown.describe("cases that carry an inspector grade"),
  matrix: z.array(z.array(shown)).describe("rows: the inspector's grade; columns: the tool's; in the order of `grades`"),
  agreed: shown,
  share: share.describe("percent agreement, 0-1"),
  interval: interval.nullable(),
  kappa: kappa.describe("Cohen's kappa, unweighted"),
  weightedKappa: kappa.describe("Cohen's kappa, linear weights"),
};

const apartCase = z.object({ case_id: z.string(), group: z.string() });

export const agreementSchema = z.object({
  grades: z.tuple([z.literal("good"), z.literal("adequate"), z.literal("inadequate")]),
  overall: z.object(agreementScope),
  groups: z.array(z.object({ name: z.string(), ...agreementScope })),
  apart: z
    .object({
      inspectorGoodToolInadequate: z.array(apartCase),
      inspectorInadequateToolGood: z.array(apartCase),
      limit: z
        .int()
        .min(1)
        .optional()
        .describe("each list holds at most this many cases: the first in file order, listed by group then case id; the matrix counts them all. Always written; absent from reports written before the lists were capped, whose lists are whole"),
    })
    .nullable()
    .describe("the cases graded two steps apart; null when withheld under --suppress-below"),
});

/** The analysis's sections as the published schema types them: an `Analysis` is assignable only while it fits. */
export interface ReportSections {
  summary: z.infer<typeof summarySchema>;
  breakdown: z.infer<typeof breakdownSchema>;
  agreement: z.infer<typeof agreementSchema>;
}
