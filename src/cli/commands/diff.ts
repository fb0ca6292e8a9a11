import { diffSummaries } from "../../engine/diff.js";
import { InputError } from "../../input/errors.js";
import { renderDiffTable, type DiffHead } from "../../report/diff-text.js";
import type { OutputFormat } from "../../report/index.js";
import type { NamedReport } from "../../report/merge.js";
import { summaryOfReport } from "../../report/read-report.js";
import { EXIT_CODES } from "../../errors.js";
import { parseOutputSpecs } from "../formats.js";
import { readReportFile, writeOutputs } from "../report-files.js";
import { suppressBelowOption } from "../score-options.js";
import { refuseSharedTargets } from "../targets.js";
import { addRedactOptions, redactOption, type RedactFlags } from "../redact.js";
import type { RegisterCommand } from "./types.js";

const FORMATS: readonly OutputFormat[] = ["table", "json"];

const sideOf = ({ name, report }: NamedReport) => ({ summary: summaryOfReport(report, name), cases: report.cases, strategy: report.rubric.strategy.name });

export const registerDiff: RegisterCommand = (program, { ctx }) => {
  const command = program
    .command("diff")
    .description("compare two JSON reports: per group, the change in each grade's share with an interval, and cases whose grade changed")
    .argument("<before>", "the earlier JSON report")
    .argument("<after>", "the later JSON report")
    .option("-f, --format <format[=file]>", `output format: ${FORMATS.join(", ")} (default: table)`, (value: string, previous: string[]) => [...previous, value], [])
    .option("-o, --output <file>", "write the comparison to this file instead of stdout")
    .option("--suppress-below <k>", "hide shares built on counts below k (and the list of changed cases)")
    .addHelpText("after", EXIT_CODES);
  addRedactOptions(command).action(async (beforePath: string, afterPath: string, flags: { format: string[]; output?: string; suppressBelow?: string } & RedactFlags) => {
    const outputs = parseOutputSpecs(flags.format, flags.output, FORMATS, "table");
    refuseSharedTargets(outputs, [beforePath, afterPath], ctx);
    const suppressBelow = suppressBelowOption(flags.suppressBelow);
    const redact = redactOption(flags, ctx.env);
    const before = await readReportFile(beforePath, ctx, redact);
    const after = await readReportFile(afterPath, ctx, redact);
    if (before.report.groupBy !== after.report.groupBy) {
      throw new InputError(`diff: ${afterPath} groups by ${after.report.groupBy} but ${beforePath} by ${before.report.groupBy}; score both with the same --group-by`);
    }
    const diff = diffSummaries(sideOf(before), sideOf(after), { suppressBelow });
    const head: DiffHead = {
      groupBy: before.report.groupBy,
      before: { name: beforePath, rubricHash: before.report.rubric.hash },
      after: { name: afterPath, rubricHash: after.report.rubric.hash },
    };
    const render = {
      table: () => renderDiffTable(diff, head),
      json: () => `${JSON.stringify({ ...head, ...(suppressBelow ? { suppressBelow } : {}), ...diff }, null, 2)}\n`,
    };
    await writeOutputs(outputs.map((spec) => ({ spec, text: render[spec.format as keyof typeof render] })), ctx);
  });
};
