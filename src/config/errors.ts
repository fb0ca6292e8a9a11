import { CliError, EXIT } from "../cli/errors.js";

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
