import { analyse } from "../../engine/analysis.js";
import { rubricHash } from "../../engine/rubric.js";
import { runAudit } from "../../engine/run.js";
import { weightedAgreement, type WeightedComparison } from "../../engine/weighted-agreement.js";
import { groupColumn } from "../../input/group-column.js";
import { readCases, type ReadItem } from "../../input/read.js";
import { renderAgreement, renderWeightedAgreement } from "../../report/agreement-text.js";
import { SAMPLE_COLUMNS } from "../../report/sample.js";
import { terminalText } from "../../text/terminal.js";
import type { OutputFormat } from "../../report/index.js";
import { CliError, EXIT, EXIT_CODES } from "../../errors.js";
import { parseOutputSpecs } from "../formats.js";
import { writeOutputs } from "../report-files.js";
import { addInputOptions, resolveInput, type InputFlags } from "../record-input.js";
import { refuseSharedTargets } from "../targets.js";
import { addRedactOptions, redactApart, redactOption, type RedactFlags } from "../redact.js";
import { suppressBelowOption } from "../score-options.js";
import { whereIn } from "../where.js";
import { firstFew } from "../first-few.js";
import type { RegisterCommand } from "./types.js";

const FORMATS: readonly OutputFormat[] = ["table", "json"];
const WEIGHT = SAMPLE_COLUMNS.weight;
/** The columns `audit sample` adds: read (the weight) or passed over, never warned about. */
const SAMPLE_COLUMN_NAMES: ReadonlySet<string> = new Set(Object.values(SAMPLE_COLUMNS));

/**
 * Passes every item on, keeping the design weight of each case that has an inspector grade, from a
 * sample's weight column: it must be a positive number wherever the column is filled in for such a case.
 */
async function* keepingWeights(items: AsyncIterable<ReadItem>, weights: Map<string, number>, name: () => string): AsyncGenerator<ReadItem> {
  for await (const item of items) {
    if (item.kind === "case" && item.record.inspector_grade !== undefined && Object.hasOwn(item.record.extra, WEIGHT)) {
      const text = item.record.extra[WEIGHT]!.trim();
      const weight = /^\d*\.?\d+(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
      if (!(weight > 0 && Number.isFinite(weight))) {
        throw new CliError(`${whereIn(name(), item.location)}: ${WEIGHT}: expected a positive number, the weight audit sample wrote (case ${item.record.case_id})`);
      }
      weights.set(item.record.case_id, weight);
    }
    yield item;
  }
}

interface AgreeFlags extends InputFlags, RedactFlags {
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
    .argument("<file>", "a .csv, .tsv, .json, .ndjson, .jsonl or .xlsx file with an inspector_grade column, or - for stdin")
    .option("--group-by <column>", "compare per value of this column", "force")
    .option("-f, --format <format[=file]>", `output format: ${FORMATS.join(", ")} (default: table)`, (value: string, previous: string[]) => [...previous, value], [])
    .option("-o, --output <file>", "write the comparison to this file instead of stdout")
    .option("--suppress-below <k>", "hide counts below k, and enough others that none can be worked back")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", EXIT_CODES);
  addInputOptions(addRedactOptions(command)).action(async (file: string, flags: AgreeFlags) => {
    const outputs = parseOutputSpecs(flags.format, flags.output, FORMATS, "table");
    refuseSharedTargets(outputs, [file], ctx);
    const suppressBelow = suppressBelowOption(flags.suppressBelow);
    const redact = redactOption(flags, ctx.env);
    const { config, read } = await resolveInput(flags, ctx);
    const groupBy = groupColumn(flags.groupBy, config.mapping);
    const warnings = firstFew((line) => void ctx.stderr.write(`audit: warning: ${terminalText(line)}\n`));
    const warn = flags.quiet ? () => {} : warnings.add;
    let name = file === "-" ? "stdin" : file;
    const expectedColumns = SAMPLE_COLUMN_NAMES;
    const items = readCases(file, { ...read, warn, expectedColumns, groupBy, onOpen: (source) => (name = source.name) });
    const { rubric } = config;
    const weights = new Map<string, number>();
    const compared: WeightedComparison[] = [];
    let unweighted: string | undefined;
    const summary = await runAudit(
      keepingWeights(items, weights, () => name),
      rubric,
      {
        case: (result) => {
          if (result.inspector_grade === undefined) return;
          const weight = weights.get(result.case_id);
          if (weight === undefined) unweighted ??= result.case_id;
          else compared.push({ group: result.group, inspector: result.inspector_grade, tool: result.grade, weight });
        },
        invalid: () => {},
      },
      groupBy,
    );
    if (compared.length > 0 && unweighted !== undefined) {
      throw new CliError(`${name}: case ${unweighted} has an inspector grade but no ${WEIGHT}, which other cases have: give every compared case its weight`);
    }
    if (summary.agreement.overall.flat().every((count) => count === 0)) {
      throw new CliError(`${name}: no graded record carries an inspector_grade, so there is nothing to compare`);
    }
    if (redact) summary.agreement.apart = redactApart(summary.agreement.apart, redact);
    const analysis = analyse(summary, { suppressBelow, strategy: rubric.strategy.name });
    const groupOrder = summary.groups.map((group) => group.name);
    const suppression = suppressBelow === undefined ? undefined : { overallShown: analysis.agreement.overall.share !== null };
    const weighted = weightedAgreement(compared, WEIGHT, groupOrder, suppression);
    const render = {
      table: () =>
        renderAgreement(analysis.agreement, groupBy, analysis.summary.overall.graded, rubric.grades) +
        (weighted ? `\n${renderWeightedAgreement(weighted, groupBy)}` : ""),
      json: () => {
        const recorded = { hash: rubricHash(rubric), ...(rubric.grades ? { grades: rubric.grades } : {}) };
        const report = { input: name, groupBy, rubric: recorded, graded: analysis.summary.overall.graded, agreement: analysis.agreement };
        return `${JSON.stringify(weighted ? { ...report, weighted } : report, null, 2)}\n`;
      },
    };
    await writeOutputs(outputs.map((spec) => ({ spec, text: render[spec.format as keyof typeof render] })), ctx);
    const more = warnings.more();
    if (more) ctx.stderr.write(`audit: warning: ... and ${more} more warnings\n`);
    const { invalid, graded } = summary.overall;
    if (invalid && !flags.quiet) ctx.stderr.write(`audit: ${invalid} of ${graded + invalid} records are invalid and were not graded\n`);
    setExit(invalid ? EXIT.failed : EXIT.ok);
  });
};
