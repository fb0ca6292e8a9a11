import { reportJsonSchema } from "../../report/schema.js";
import { CliError } from "../errors.js";
import type { RegisterCommand } from "./types.js";

export const registerSchema: RegisterCommand = (program, { ctx }) => {
  program
    .command("schema")
    .description("print the JSON Schema of the JSON report")
    .argument("[which]", "report", "report")
    .action((which: string) => {
      if (which !== "report") throw new CliError(`schema: unknown schema "${which}"; expected "report"`);
      ctx.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    });
};
