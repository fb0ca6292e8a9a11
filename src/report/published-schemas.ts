import { z } from "zod";
import { caseInputSchema } from "../input/input-schema.js";
import { sampleDesignFileSchema, sampleReportSchema } from "./sample-schema.js";
import { caseResultSchema, invalidRecordSchema, reportSchema } from "./schema.js";

/** One line of `--format ndjson`: a case, an invalid record, or the closing summary (or error, for a run stopped part-way). */
export const ndjsonLineSchema = z.discriminatedUnion("type", [
  caseResultSchema.extend({ type: z.literal("case") }),
  invalidRecordSchema.extend({ type: z.literal("invalid") }),
  reportSchema.shape.summary.extend({ type: z.literal("summary") }),
  z.object({ type: z.literal("error"), message: z.string().describe("why the run stopped part-way, as audit said it on stderr: no summary line follows") }),
]);

/** The JSON Schemas `audit schema` prints, generated from the zod schemas the tool itself uses. */
export const PUBLISHED_SCHEMAS = {
  report: reportSchema,
  case: caseInputSchema,
  "ndjson-line": ndjsonLineSchema,
  sample: sampleReportSchema,
  "sample-design": sampleDesignFileSchema,
} as const;

export type SchemaName = keyof typeof PUBLISHED_SCHEMAS;

export function jsonSchemaOf(name: SchemaName): unknown {
  const schema = z.toJSONSchema(PUBLISHED_SCHEMAS[name], { target: "draft-2020-12", unrepresentable: "any" });
  return { $id: `https://audit.invalid/schema/${name}.json`, ...schema };
}
