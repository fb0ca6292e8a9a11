import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { terminalLines, terminalText } from "../text/terminal.js";
import { InputError } from "../input/errors.js";
import type { CliContext } from "./context.js";
import { CliError, ConfigError, EXIT, EXIT_CODES } from "../errors.js";
import { commandsFor } from "./commands/index.js";
import { errorLine } from "./error-line.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };


/**
 * Commander's own errors ("error: unknown option '--formt'\n(Did you mean --format?)")
 * as one line in the house form: `audit: unknown option '--formt'; did you mean "--format"?`.
 */
export function commanderErrorLine(text: string): string {
  const [first = "", ...more] = text.trim().split("\n");
  const message = first.replace(/^error: /, "");
  const rest = more.join(" ").trim();
  const names = /^\(Did you mean (.+)\?\)$/.exec(rest)?.[1]?.replace(/^one of /, "").split(", ").map((name) => `"${name}"`);
  const tail = names ? `; did you mean ${names.length > 1 ? "one of " : ""}${names.join(", ")}?` : rest ? ` ${rest}` : "";
  return `audit: ${message}${tail}\n`;
}

async function buildProgram(ctx: CliContext, setExit: (code: number) => void): Promise<Command> {
  const program = new Command("audit")
    .description("Grade police child-protection case files against a reproducible rubric.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void ctx.stdout.write(terminalLines(text)),
      writeErr: (text) => void ctx.stderr.write(terminalLines(text)),
      outputError: (text, write) => write(commanderErrorLine(text)),
    })
    .showSuggestionAfterError()
    .addHelpText("after", EXIT_CODES);

  for (const register of await commandsFor(ctx.argv)) register(program, { ctx, setExit, version });
  return program;
}

/** Runs the CLI and returns its exit code. The only place that decides what reaches the user on error. */
export async function main(ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  try {
    const program = await buildProgram(ctx, (c) => (code = c));
    await program.parseAsync(ctx.argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    const lines = error instanceof ConfigError ? error.problems : [errorLine(error)];
    for (const line of lines) ctx.stderr.write(`audit: ${terminalText(line)}\n`);
    if (error instanceof CliError || error instanceof InputError) return error instanceof CliError ? error.exitCode : EXIT.unusable;
    if (ctx.env.AUDIT_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return EXIT.unusable;
  }
}
