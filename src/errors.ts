/**
 * The exit codes and the errors that carry them: one module below the CLI, so
 * that config and the CLI share them without config importing the CLI.
 */
export const EXIT = {
  /** Every record was graded (and every gate passed). */
  ok: 0,
  /** The run finished, but some records were invalid (or a gate failed). */
  failed: 1,
  /** The tool could not run: usage, file or config. */
  unusable: 2,
} as const;

export const EXIT_CODES = `
Exit codes:
  0  every record was graded and every gate passed
  1  a gate failed, or some records were invalid (the report is still complete)
  2  could not run: bad usage, an unreadable or malformed file or config`;

/** A user error: printed as one line, no stack trace, with its exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
  }
}

/**
 * A config that cannot be used: every problem found, one line each. The message
 * repeats the CLI's `audit: ` prefix so that each line stands alone on stderr.
 */
export class ConfigError extends CliError {
  override name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\naudit: "), EXIT.unusable);
  }
}
