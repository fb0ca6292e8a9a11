import { OUTPUT_FORMATS, type OutputFormat } from "../report/index.js";
import { CliError } from "../errors.js";
import { quoteValue } from "../text/quote.js";

export interface OutputSpec {
  format: OutputFormat;
  /** A file to write; undefined for stdout. */
  path?: string;
}

/**
 * Reads `-f table -f json=report.json -f junit=report.xml`: each format with
 * its own destination, at most one of them on stdout. `--output FILE` names the
 * file of a single format given without one. `-` as a file is stdout. Two formats naming one file are
 * refused by refuseSharedTargets, which knows the file system.
 */
export function parseOutputSpecs(
  specs: readonly string[],
  output: string | undefined,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
  fallback: OutputFormat = "table",
): OutputSpec[] {
  const parsed = (specs.length ? specs : [fallback]).map((spec): OutputSpec => {
    const cut = spec.indexOf("=");
    const name = (cut === -1 ? spec : spec.slice(0, cut)).trim().toLowerCase();
    const path = cut === -1 || spec.slice(cut + 1) === "-" ? undefined : spec.slice(cut + 1);
    if (!(formats as readonly string[]).includes(name)) {
      throw new CliError(`--format: unknown format ${quoteValue(name)}; expected one of ${formats.join(", ")}`);
    }
    if (path === "") throw new CliError(`--format ${name}=: the file name is missing`);
    return { format: name as OutputFormat, path };
  });
  const toStdout = parsed.filter((spec) => spec.path === undefined);
  if (output !== undefined && output !== "-") {
    if (toStdout.length !== 1) throw new CliError("--output names the file of one format given without =FILE");
    toStdout[0]!.path = output;
  } else if (toStdout.length > 1) {
    const names = toStdout.map((spec) => spec.format).join(", ");
    throw new CliError(`--format: ${names} would all go to stdout; give all but one a file (-f json=report.json)`);
  }
  return parsed;
}
