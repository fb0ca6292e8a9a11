import { z } from "zod";
import { FIELDS, type FieldSpec } from "./fields.js";

const DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})([T ]\d{2}:\d{2}(:\d{2})?)?$/;
/** `yes` → `[yY][eE][sS]`: JSON Schema patterns take no flags, so case is spelt out. */
function caseless(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** A pattern accepting one of the words in any case, with spaces or hyphens for `_`. */
function wordPattern(values: readonly string[]): RegExp {
  const words = values.map((v) => caseless(v).replace(/_/g, "[ _-]+"));
  return new RegExp(`^\\s*(${words.join("|")})\\s*$`);
}

const BOOLEAN_WORD = wordPattern(["yes", "no", "y", "n", "true", "false", "1", "0"]);

function valueSchema(spec: FieldSpec): z.ZodType {
  const words = [...(spec.values ?? []), ...Object.keys(spec.aliases ?? {})];
  switch (spec.kind) {
    case "text":
      return spec.required ? z.union([z.string().min(1), z.number()]) : z.string();
    case "date":
      return z.string().regex(DATE).describe("YYYY-MM-DD or DD/MM/YYYY, optionally with a time (HH:MM)");
    case "boolean":
      return z.union([z.boolean(), z.literal(0), z.literal(1), z.string().regex(BOOLEAN_WORD)]);
    case "integer": {
      const range = z.int().min(spec.min ?? 0).max(spec.max ?? Number.MAX_SAFE_INTEGER);
      return z.union([range, z.string().regex(/^\s*\d+\s*$/)]);
    }
    case "enum":
      return z.string().regex(wordPattern(words)).describe(`one of ${words.join(", ")}`);
    case "list":
      return z
        .union([z.array(z.string().regex(wordPattern(words))), z.string()])
        .describe(`a JSON array, or a ;-separated string, of ${words.join(", ")}`);
  }
}

/**
 * The JSON form of one case record as `audit` accepts it, derived from the
 * field list the validator uses. `null` means "not recorded"; other keys are carried through.
 */
export const caseInputSchema = z
  .object(
    Object.fromEntries(
      FIELDS.map((spec) => {
        const value = spec.required ? valueSchema(spec) : valueSchema(spec).nullable().optional();
        return [spec.name, spec.private ? value.describe("free text: never output") : value];
      }),
    ),
  )
  .catchall(z.unknown());
