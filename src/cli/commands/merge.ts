import { analyse } from "../../engine/analysis.js";
import { mergedHtml } from "../../report/html.js";
import { reportCaseText, reportEndText, reportHeadText } from "../../report/json.js";
import { renderAnalysisMarkdown } from "../../report/markdown.js";
import { mergeReports, type MergedReport, type NamedReport } from "../../report/merge.js";
import { renderAnalysisTable } from "../../report/table.js";
import type { OutputFormat } from "../../report/index.js";
import { EXIT_CODES } from "../../errors.js";
import { parseOutputSpecs } from "../formats.js";
import { readReportFile, writeOutputs } from "../report-files.js";
import { suppressBelowOption } from "../score-options.js";
import { documentOptions, DOCUMENT_FLAGS, type DocumentFlags } from "../document-options.js";
import { refuseSharedTargets } from "../targets.js";
import { addRedactOptions, redactOption, type RedactFlags } from "../redact.js";
import type { RegisterCommand } from "./types.js";

const FORMATS: readonly OutputFormat[] = ["json", "html", "markdown", "table"];

interface MergeFlags extends DocumentFlags, RedactFlags {
  format: string[];
  output?: string;
  ci?: boolean;
  suppressBelow?: string;
}

function mergedJson(merged: MergedReport, suppressBelow: number | undefined): string {
  const parts = [reportHeadText(merged.head), ...merged.cases.map((result, i) => reportCaseText(result, i))];
  parts.push(reportEndText(merged.cases.length, merged.invalid.map((record) => JSON.stringify(record)), analyse(merged.summary, { suppressBelow, strategy: merged.head.rubric.strategy.name })));
  return parts.join("");
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerMerge: RegisterCommand = (program, { ctx, version }) => {
  const command = program
    .command("merge")
    .description("combine JSON reports of disjoint case sets (one per force, say) into one, as if scored in one run")
    .argument("<reports...>", "JSON reports from audit score -f json (or audit merge)")
    .option("-f, --format <format[=file]>", `output format, repeatable: ${FORMATS.join(", ")} (default: json)`, collect, [])
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .option("--ci", "show each share's 95% interval in the table and markdown")
    .option("--suppress-below <k>", "hide counts below k, and enough others that none can be worked back");
  for (const [option, description] of DOCUMENT_FLAGS) command.option(option, description);
  addRedactOptions(command.addHelpText("after", EXIT_CODES)).action(async (paths: string[], flags: MergeFlags) => {
    const outputs = parseOutputSpecs(flags.format, flags.output, FORMATS, "json");
    refuseSharedTargets(outputs, paths, ctx);
    const suppressBelow = suppressBelowOption(flags.suppressBelow);
    const redact = redactOption(flags, ctx.env);
    const document = documentOptions(flags, ctx.env);
    const reports: NamedReport[] = [];
    for (const path of paths) reports.push(await readReportFile(path, ctx, redact));
    const merged = mergeReports(reports, version);
    const analysis = analyse(merged.summary, { suppressBelow, strategy: merged.head.rubric.strategy.name });
    const { groupBy } = merged.head;
    const colour = Boolean(ctx.stdout.isTTY) && ctx.env.NO_COLOR === undefined;
    const render: Record<string, (toStdout: boolean) => string> = {
      json: () => mergedJson(merged, suppressBelow),
      html: () => mergedHtml(analysis, merged, reports.map(({ name, sha256 }) => ({ name, sha256 })), { suppressBelow, ...document }),
      markdown: () => renderAnalysisMarkdown(analysis, groupBy, { ci: flags.ci, grades: merged.head.rubric.grades }),
      table: (toStdout) => renderAnalysisTable(analysis, groupBy, toStdout && colour, { ci: flags.ci, grades: merged.head.rubric.grades }),
    };
    await writeOutputs(outputs.map((spec) => ({ spec, text: () => render[spec.format]!(spec.path === undefined) })), ctx);
  });
};
