import { z } from "zod";

/** Raised on any breaking change to the sample report and its design file. */
export const SAMPLE_SCHEMA_VERSION = 1;

const count = z.int().min(0);
const share = z.number().min(0).max(1);

const sizingSchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("per-group"), size: z.int().min(1) }),
  z.object({ by: z.literal("total"), size: z.int().min(1), equal: z.boolean().describe("shared equally among groups, not in proportion to their cases") }),
  z.object({ by: z.literal("margin"), margin: share.describe("the margin asked for, as a share: 0.1 is ±10 points") }),
]);

const stratumSchema = z.object({
  name: z.string().describe('"all" when not stratified; else a grade, or a rule\'s rating'),
  cases: count.describe("N_h: cases of the stratum in the frame"),
  factor: z.number().positive().describe("its oversampling factor (1 unless --oversample)"),
  sample: count.describe("n_h: cases drawn"),
  probability: share.nullable().describe("n_h/N_h, each case's chance of being drawn; null when none is"),
  weight: z.number().nullable().describe("N_h/n_h, the cases each drawn case stands for; null when none is drawn"),
});

const groupSchema = z.object({
  name: z.string(),
  cases: count.describe("N: the group's cases in the frame, after --exclude"),
  excluded: count.describe("cases left out by --exclude"),
  requested: count.describe("what the sizing asked of the group"),
  sample: count.describe("n: cases drawn"),
  margin: z.number().min(0).nullable().describe("half the width of the 95% interval that n gives a share near `expected`, allowing for the design effect"),
  designEffect: z.number().nullable().describe("Kish's design effect of unequal weights, n·Σ(N_h²/n_h)/N²; 1 with equal weights"),
  strata: z.array(stratumSchema),
});

export const sampleDesignSchema = z.object({
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().describe("null in a dry run, which draws nothing"),
  method: z.string().describe("the design, in words"),
  selection: z.string().describe("how cases are chosen within a stratum, in words"),
  sizing: sizingSchema,
  expected: share.describe("the share the margins are worked out for (0.5 unless --expected)"),
  confidence: z.literal(0.95),
  stratify: z.string().nullable().describe('"grade", "rule:<id>", or null'),
  oversample: z.record(z.string(), z.number().positive()).describe("factors by stratum, as given"),
  columns: z.enum(["sample", "all"]),
  includeNotes: z.boolean(),
  redacted: z.boolean().describe("case ids are keyed hashes (--redact)"),
  exclude: z.object({
    files: z.array(z.string()),
    listed: count.describe("distinct case ids in those files"),
    excluded: count.describe("cases of the input left out because they are listed"),
  }),
  frame: z.object({
    records: count.describe("records read"),
    invalid: count.describe("records not graded, so never drawn"),
    excluded: count,
    cases: count.describe("valid cases that could be drawn"),
  }),
  groups: z.array(groupSchema),
  sample: count.describe("cases drawn in all"),
  notes: z.array(z.string()).describe("where the sample differs from what was asked, and why"),
});

export const sampleCaseSchema = z.object({
  case_id: z.string(),
  group: z.string(),
  stratum: z.string(),
  probability: share,
  weight: z.number().min(1),
  record: z.record(z.string(), z.unknown()).optional().describe("with --columns all: the record's columns as written (notes only with --include-notes)"),
});

const head = {
  schemaVersion: z.literal(SAMPLE_SCHEMA_VERSION),
  tool: z.object({ name: z.literal("audit"), version: z.string() }),
  input: z.object({ name: z.string(), format: z.enum(["csv", "json", "ndjson", "xlsx"]) }),
  groupBy: z.string(),
  rubric: z.object({ hash: z.string() }).describe("the rubric whose grades made the strata"),
  design: sampleDesignSchema,
};

/** `audit sample -f json`: the design and the cases drawn, by group, stratum and case_id. */
export const sampleReportSchema = z.object({ ...head, cases: z.array(sampleCaseSchema) });

/** The design file written beside a CSV sample (and `audit sample --dry-run -f json`): the report without its cases. */
export const sampleDesignFileSchema = z.object(head);

export type SampleDesign = z.infer<typeof sampleDesignSchema>;
export type SampleCase = z.infer<typeof sampleCaseSchema>;
export type SampleDesignFile = z.infer<typeof sampleDesignFileSchema>;
