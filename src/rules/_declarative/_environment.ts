import { Environment, type ASTNode } from "@marcbachmann/cel-js";
import { isoDate, workingDaysBetween } from "../../calendar/working-days.js";
import { TYPED_FIELDS, type FieldKind } from "../../input/fields.js";
import { parseDate } from "../../input/dates.js";
import { LIMITS } from "./_checks.js";
import { CelDate, celInt, NotRecorded } from "./_values.js";

const CEL_TYPES: Record<FieldKind, string> = {
  text: "string",
  date: "date",
  boolean: "bool",
  integer: "int",
  enum: "string",
  list: "list<string>",
};

/** Each contract field an expression can read, with its CEL type; carried-through columns are strings. */
export const FIELD_TYPES: ReadonlyMap<string, string> = new Map(TYPED_FIELDS.map((spec) => [spec.name, CEL_TYPES[spec.kind]]));
export const EXTRA_TYPE = "string";

/** The functions added to CEL's own, by name. */
export const OUR_FUNCTIONS = ["working_days", "days", "recorded", "date"] as const;

/**
 * Structural limits the parser enforces; src/rules/_declarative/_checks.ts enforces the rest
 * (length, nesting of every kind, loops within loops).
 */
export const PARSER_LIMITS = { maxAstNodes: 5_000, maxDepth: LIMITS.nesting, maxListElements: 100, maxMapEntries: 100, maxCallArguments: 8 };

/** `recorded(field)`: false when the field is not recorded (an empty list counts as not recorded), without reading it. */
function recordedMacro({ args }: { args: ASTNode[] }) {
  const [field] = args;
  return {
    args,
    async: false,
    typeCheck(checker: { check(node: ASTNode, ctx: unknown): unknown; getType(name: string): unknown; createError(code: string, message: string, node: ASTNode): Error }, _macro: unknown, ctx: unknown) {
      if (args.length !== 1 || field!.op !== "id") throw checker.createError("invalid_macro_argument", "recorded() takes a field name, as recorded(child_age)", field ?? args[0]!);
      checker.check(field!, ctx);
      return checker.getType("bool");
    },
    evaluate(_evaluator: unknown, _macro: unknown, ctx: { getValue(name: string): unknown }) {
      try {
        const value = ctx.getValue(field!.args as string);
        return Array.isArray(value) ? value.length > 0 : value !== undefined;
      } catch (error) {
        if (error instanceof NotRecorded) return false;
        throw error;
      }
    },
  };
}

/** `date(text)`: a date written in the config (checked as it is read), or a carried-through column's text. */
function dateOf(text: string): CelDate {
  const parsed = parseDate(text);
  if (!parsed.ok || parsed.value === undefined) throw Object.assign(new Error("not a date"), { code: "not_a_date" });
  return new CelDate(parsed.value.day);
}

let base: Environment | undefined;

/** CEL with the contract's fields, the `date` type and our functions; made once, then cloned per rule that reads extra columns. */
export function contractEnvironment(): Environment {
  if (base) return base;
  const env = new Environment({ limits: PARSER_LIMITS })
    .registerType("date", CelDate)
    .registerOperator("date == date", (a: CelDate, b: CelDate) => a.day === b.day)
    .registerOperator("date < date", (a: CelDate, b: CelDate) => a.day < b.day)
    .registerOperator("date <= date", (a: CelDate, b: CelDate) => a.day <= b.day)
    .registerOperator("date > date", (a: CelDate, b: CelDate) => a.day > b.day)
    .registerOperator("date >= date", (a: CelDate, b: CelDate) => a.day >= b.day)
    .registerFunction("working_days(date, date): int", (from: CelDate, to: CelDate) => celInt(workingDaysBetween(from.day, to.day)))
    .registerFunction("days(date, date): int", (from: CelDate, to: CelDate) => BigInt(to.day - from.day))
    .registerFunction("date(string): date", dateOf)
    .registerFunction("string(date): string", (value: CelDate) => isoDate(value.day))
    .registerFunction("recorded(ast): bool", recordedMacro);
  for (const [name, type] of FIELD_TYPES) env.registerVariable(name, type);
  base = env;
  return env;
}

/** The environment of a rule that reads these carried-through columns. */
export function ruleEnvironment(extra: readonly string[]): Environment {
  if (extra.length === 0) return contractEnvironment();
  const env = contractEnvironment().clone();
  for (const name of extra) env.registerVariable(name, EXTRA_TYPE);
  return env;
}
