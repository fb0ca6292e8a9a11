import type { z } from "zod";
import type { BuiltInRule } from "../../src/rules/_built-in.js";
import { withOptions } from "../../src/rules/index.js";

/** A built-in rule's options when a config sets none, as its folder's rule.ts sets them: tests expect these, never restate them. */
export const defaultsOf = <Options, Schema extends z.ZodType<Options>>(rule: BuiltInRule<Options, Schema>): z.output<Schema> => withOptions(rule).options.parse({});
