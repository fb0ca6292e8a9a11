import { Option } from "commander";
import { loadConfig } from "../../config/load.js";
import { analyse } from "../../engine/analysis.js";
import { rubricHash } from "../../engine/rubric.js";
import { runAudit } from "../../engine/run.js";
import { readCases } from "../../input/read.js";
import type { InputFormat } from "../../input/source.js";
import { renderAgreement } from "../../report/agreement-text.js";
import type { OutputFormat } from "../../report/index.js";
import { CliError, EXIT, EXIT_CODES } from "../../errors.js";
import { parseOutputSpecs } from "../formats.js";
import { writeOutputs } from "../report-files.js";
import { addConfigOptions, configRequest, type ConfigFlags } from "./config.js";
import { suppressBelowOption } from "../score-options.js";
import type { RegisterCommand } from "./types.js";

const FORMATS: readonly OutputFormat[] = ["table", "json"];

interface AgreeFlags extends ConfigFlags {
  inputFormat?: InputFormat;
  delimiter?: string;
  groupBy: string;
  format: string[];
  output?: string;
  suppressBelow?: string;
  quiet?: boolean;
}

export const registerAgree: RegisterCommand = (program, { ctx, setExit }) => {
  const command = program
    .command("agree")
    .description("grade the records and compare with their inspector_grade: confusion matrix, agreement, Cohen's kappa, per group")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson or .jsonl file with an inspector_grade column, or - for stdin")
    .addOption(new Option("--input-format <format>", "read the input as this format").choices(["csv", "json", "ndjson"]))
    .option("--delimiter <char>", "CSV delimiter, or tab (default: sniffed)")
    .option("--group-by <column>", "compare per value of this column", "force")
    .option("-f, --format <format[=file]>", `output format: ${FORMATS.join(", ")} (default: table)`, (value: string, previous: string[]) => [...previous, value], [])
    .option("-o, --output <file>", "write the comparison to this file instead of stdout")
    .option("--suppress-below <k>", "hide counts below k, and enough others that none can be worked back")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", EXIT_CODES);
  addConfigOptions(command).action(async (file: string, flags: AgreeFlags) => {
    const outputs = parseOutputSpecs(flags.format, flags.output, FORMATS, "table");
    const suppressBelow = suppressBelowOption(flags.suppressBelow);
    const { rubric, mapping } = await loadConfig(configRequest(flags, ctx));
    const warn = flags.quiet ? () => {} : (line: string) => void ctx.stderr.write(`audit: warning: ${line}\n`);
    let name = file === "-" ? "stdin" : file;
    const delimiter = flags.delimiter === "tab" ? "\t" : flags.delimiter;
    const items = readCases(file, { format: flags.inputFormat, delimiter, mapping, stdin: ctx.stdin, warn, onOpen: (source) => (name = source.name) });
    const summary = await runAudit(items, rubric, { case: () => {}, invalid: () => {} }, flags.groupBy);
    if (summary.agreement.overall.flat().every((count) => count === 0)) {
      throw new CliError(`${name}: no graded record carries an inspector_grade, so there is nothing to compare`);
    }
    const analysis = analyse(summary, { suppressBelow });
    const render = {
      table: () => renderAgreement(analysis.agreement, flags.groupBy, analysis.summary.overall.graded),
      json: () =>
        `${JSON.stringify({ input: name, groupBy: flags.groupBy, rubric: { hash: rubricHash(rubric) }, graded: analysis.summary.overall.graded, agreement: analysis.agreement }, null, 2)}\n`,
    };
    await writeOutputs(outputs.map((spec) => ({ spec, text: render[spec.format as keyof typeof render] })), ctx);
    const { invalid, graded } = summary.overall;
    if (invalid && !flags.quiet) ctx.stderr.write(`audit: ${invalid} of ${graded + invalid} records are invalid and were not graded\n`);
    setExit(invalid ? EXIT.failed : EXIT.ok);
  });
};
