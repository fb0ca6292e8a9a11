import { jsonSchemaOf, PUBLISHED_SCHEMAS, type SchemaName } from "../../report/published-schemas.js";
import { CliError } from "../../errors.js";
import type { RegisterCommand } from "./types.js";
import { quoteValue } from "../../text/quote.js";

const NAMES = Object.keys(PUBLISHED_SCHEMAS) as SchemaName[];

export const registerSchema: RegisterCommand = (program, { ctx }) => {
  program
    .command("schema")
    .description("print a JSON Schema: the JSON report, one input case record, or one line of --format ndjson")
    .argument("[which]", NAMES.join(" | "), "report")
    .action((which: string) => {
      if (!(NAMES as string[]).includes(which)) {
        throw new CliError(`schema: unknown schema ${quoteValue(which)}; expected one of ${NAMES.join(", ")}`);
      }
      ctx.stdout.write(`${JSON.stringify(jsonSchemaOf(which as SchemaName), null, 2)}\n`);
    });
};
