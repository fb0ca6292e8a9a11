import { CliError } from "../errors.js";
import { InputError } from "../input/errors.js";

/** What the user is told of an error that stops a run, after `audit: `: its own line, or an internal error's. */
export function errorLine(error: unknown): string {
  if (error instanceof CliError || error instanceof InputError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
