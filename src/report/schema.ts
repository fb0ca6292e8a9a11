import { z } from "zod";
import { GRADES } from "../input/fields.js";
import { agreementSchema, breakdownSchema, summarySchema } from "./_analysis-schema.js";
import { definitionSchema } from "../rules/_declarative/schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";

export const findingSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.string()),
});

export const caseResultSchema = z.object({
  case_id: z.string(),
  group: z.string(),
  grade: z.enum(GRADES),
  inspector_grade: z.enum(GRADES).optional().describe("the human auditor's grade, when the record carries one"),
  reported_on: z.string().describe("as recorded, normalised to ISO, with its time if one was given"),
  rules: z.array(
    z.object({
      id: z.string(),
      rating: z.enum(["good", "adequate", "inadequate", "n/a"]),
      findings: z.array(findingSchema),
    }),
  ),
});

const column = z.string().optional().describe("the title of the field's column in the export, where it is not the field's name");
const problemSchema = z.object({ field: z.string(), column, reason: z.string() });

export const invalidRecordSchema = z.object({
  line: z.int().min(1).optional().describe("CSV or NDJSON line on which the record starts"),
  index: z.int().min(0).optional().describe("0-based position in a JSON array"),
  sheet: z.string().optional().describe("the worksheet of a workbook the record is on"),
  row: z.int().min(1).optional().describe("the row of that worksheet, as Excel numbers it"),
  case_id: z.string().optional(),
  group: z.string(),
  field: z.string(),
  column,
  reason: z.string(),
  errors: z.array(problemSchema),
});

export const rubricSchema = z.object({
  strategy: z.discriminatedUnion("name", [
    z.object({ name: z.literal("worst") }),
    z.object({ name: z.literal("points"), good: z.number(), adequate: z.number() }),
  ]),
  rules: z.array(
    z.object({
      id: z.string(),
      options: z.unknown(),
      critical: z.boolean(),
      weight: z.number().min(0).optional().describe("under the points strategy"),
      source: z.string().describe('"built-in", the path of the plugin that added the rule, or "config" for a rule written in the config'),
      definition: definitionSchema.optional().describe('for a rule written in the config (source "config"): its expressions'),
    }),
  ),
  plugins: z.array(z.object({ path: z.string(), ids: z.array(z.string()), sha256: z.string() })),
  grades: z
    .object({ good: z.string(), adequate: z.string(), inadequate: z.string() })
    .optional()
    .describe("the words the config gives the grades for display; grades themselves keep their keys everywhere in this report"),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/).describe("of the rubric above, canonical JSON with sorted keys: equal hashes mean comparable grades"),
});

const inputSchema = z.object({ name: z.string(), format: z.enum(["csv", "json", "ndjson", "xlsx", "merged"]) });

export const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal("audit"), version: z.string() }),
  input: inputSchema.describe('the file graded; for `audit merge`, the reports merged, with format "merged"'),
  sources: z.array(inputSchema).optional().describe("for a merged report: every file graded, in order"),
  groupBy: z.string(),
  rubric: rubricSchema,
  cases: z.array(caseResultSchema),
  invalid: z.array(invalidRecordSchema),
  summary: summarySchema,
  breakdown: breakdownSchema,
  agreement: agreementSchema,
});

export type Report = z.infer<typeof reportSchema>;
