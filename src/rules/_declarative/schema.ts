import { z } from "zod";
import { WORD_ID } from "../define-rule.js";
import { ON_MISSING } from "./definition.js";

const EXPRESSION = "expected an expression, in quotes";
const expression = z.string(EXPRESSION).trim().min(1, EXPRESSION);
const line = (what: string) => z.string(`expected ${what}`).trim().min(1, `expected ${what}`);

const entrySchema = z
  .object({
    when: expression,
    code: z.string("expected a finding code").regex(WORD_ID, "expected a finding code in lower-case-words-with-hyphens"),
    message: line("the finding's message"),
  })
  .strict();

/**
 * A rule written in the config, as the config gives it (defaults filled in) and as a report's
 * rubric records it. Worker threads never parse it: they are handed the parsed definition.
 */
export const definitionSchema = z
  .object({
    description: line("a one-line description"),
    applies: expression.default("true").describe("a CEL expression: the rule is n/a where it is false"),
    inadequate: z.array(entrySchema).default([]).describe("inadequate, with the finding of each entry whose `when` holds"),
    adequate: z.array(entrySchema).default([]).describe("else adequate, likewise; else good"),
    on_missing: z.enum(ON_MISSING).default("adequate").describe("the rating where a field an expression needs is not recorded"),
    extra: z.array(z.string("expected a column name")).default([]).describe("carried-through columns the rule reads"),
  })
  .strict();
