import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { InputError } from "../input/errors.js";
import { reportJsonSchema } from "../report/schema.js";
import type { CliContext } from "./context.js";
import { CliError, EXIT } from "./errors.js";
import { OUTPUT_FORMATS, parseCount, score, type ScoreOptions } from "./score.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const EXIT_CODES = `
Exit codes:
  0  every record was graded
  1  some records were invalid (the report is still complete; they are listed in it)
  2  could not run: bad usage, an unreadable or malformed file`;

function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command("audit")
    .description("Grade police child-protection case files against a reproducible rubric.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void ctx.stdout.write(text),
      writeErr: (text) => void ctx.stderr.write(text),
    })
    .showSuggestionAfterError()
    .addHelpText("after", EXIT_CODES);

  program
    .command("score")
    .description("read case records, grade each case, and print per-group and overall grade tables")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson or .jsonl file, or - for stdin")
    .addOption(new Option("--input-format <format>", "read the input as this format (default: from the extension, else sniffed)").choices(["csv", "json", "ndjson"]))
    .option("--delimiter <char>", "CSV delimiter (default: sniffed from the header: comma, semicolon or tab)")
    .option("--group-by <column>", "group the tables by this column", "force")
    .addOption(new Option("-f, --format <format>", "output format").choices([...OUTPUT_FORMATS]).default("table"))
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .option("--color", "colour the table even when stdout is not a terminal")
    .option("--no-color", "never colour the table (NO_COLOR is honoured too)")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .option("--max-errors <n>", "list at most this many invalid records on stderr", "20")
    .addHelpText("after", EXIT_CODES)
    .action(async (file: string, raw: Omit<ScoreOptions, "maxErrors"> & { maxErrors: string; delimiter?: string }) => {
      const delimiter = raw.delimiter === "\\t" || raw.delimiter === "tab" ? "\t" : raw.delimiter;
      if (delimiter !== undefined && delimiter.length !== 1) {
        throw new CliError(`--delimiter: expected one character (or "tab"), got "${raw.delimiter}"`);
      }
      const options: ScoreOptions = { ...raw, delimiter, maxErrors: parseCount(raw.maxErrors, "--max-errors") };
      setExit(await score(file, options, ctx, version));
    });

  program
    .command("schema")
    .description("print the JSON Schema of the JSON report")
    .argument("[which]", "report", "report")
    .action((which: string) => {
      if (which !== "report") throw new CliError(`schema: unknown schema "${which}"; expected "report"`);
      ctx.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    });
  return program;
}

/** Runs the CLI and returns its exit code. The only place that decides what reaches the user on error. */
export async function main(ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync(ctx.argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    if (error instanceof CliError || error instanceof InputError) {
      ctx.stderr.write(`audit: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : EXIT.unusable;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`audit: internal error: ${message}\n`);
    if (ctx.env.AUDIT_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return EXIT.unusable;
  }
}
