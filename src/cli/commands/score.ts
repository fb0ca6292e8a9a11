import { Option } from "commander";
import { checkGates } from "../../engine/gates.js";
import type { ScoredInvalid } from "../../engine/invalid.js";
import type { CaseResult } from "../../engine/score.js";
import { scoreInput } from "../../run/score.js";
import type { Source } from "../../input/source.js";
import { REPORTERS } from "../../report/index.js";
import type { ReportMeta, Reporter } from "../../report/types.js";
import type { CliContext } from "../context.js";
import { EXIT, EXIT_CODES } from "../../errors.js";
import type { OutputSpec } from "../formats.js";
import { openDestination, type Destination } from "../output.js";
import { inputDigest } from "../input-digest.js";
import { Progress, stderrLog } from "../progress.js";
import { addRedactOptions, redactApart } from "../redact.js";
import { refuseSharedTargets } from "../targets.js";
import { whereIn } from "../where.js";
import { resolveScoreOptions, type RawScoreOptions, type ScoreOptions } from "../score-options.js";
import { addInputOptions, MAX_FIELD_BYTES_FLAG } from "../record-input.js";
import { DOCUMENT_FLAGS } from "../document-options.js";
import type { RegisterCommand } from "./types.js";
import { describeProblem } from "../../input/describe.js";
import { errorLine } from "../error-line.js";
import { firstFew } from "../first-few.js";


interface Output {
  reporter: Reporter;
  destination: Destination;
  /** Written to stdout, where what was written cannot be taken back. */
  stdout: boolean;
}

function useColour(requested: boolean | undefined, ctx: CliContext, spec: OutputSpec): boolean {
  if (requested !== undefined) return requested;
  return spec.path === undefined && Boolean(ctx.stdout.isTTY) && ctx.env.NO_COLOR === undefined;
}

function describeInvalid(source: string, record: ScoredInvalid): string {
  const id = record.case_id === undefined ? "" : ` (case ${record.case_id})`;
  return `${whereIn(source, record)}: ${describeProblem(record)}${id}`;
}

async function openOutputs(options: ScoreOptions, ctx: CliContext): Promise<Output[]> {
  const outputs: Output[] = [];
  try {
    for (const spec of options.outputs) {
      const colour = useColour(options.color, ctx, spec);
      const reporter = await REPORTERS[spec.format]({ colour, failOn: options.gates.failOn ?? "inadequate", ...options.figures, ...options.document, redacted: options.redact !== undefined });
      const destination = await openDestination(spec.path, ctx);
      outputs.push({ reporter, destination, stdout: destination.toStdout === true });
    }
  } catch (error) {
    await Promise.all(outputs.map((output) => output.destination.abandon()));
    throw error;
  }
  return outputs;
}

async function writeAll(outputs: Output[], text: (reporter: Reporter) => string | undefined): Promise<void> {
  for (const { reporter, destination } of outputs) await destination.write(text(reporter) ?? "");
}

/**
 * A case's JSON bytes to each per-case output, framed by its reporter, never decoded unless one asks
 * for the text. Returns a promise only when an output is full.
 */
function writeCaseBytes(outputs: readonly Output[], bytes: Uint8Array, from: number, to: number): Promise<void> | void {
  let full: Promise<void> | void = undefined;
  for (let i = 0; i < outputs.length; i++) {
    const { reporter, destination } = outputs[i]!;
    const frame = reporter.caseFrame?.(bytes, from, to);
    if (frame) {
      destination.writeBytes(frame.before, 0, frame.before.length);
      full = destination.writeBytes(bytes, frame.from, to) ?? full;
      if (frame.after.length > 0) full = destination.writeBytes(frame.after, 0, frame.after.length) ?? full;
    } else full = destination.write(reporter.caseJson!(Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("utf8"))) ?? full;
  }
  return full;
}

export async function score(file: string, options: ScoreOptions, ctx: CliContext, toolVersion: string): Promise<number> {
  const progress = ctx.stderr.isTTY && !options.quiet ? new Progress(ctx.stderr) : undefined;
  const log = stderrLog(ctx.stderr, progress);
  const warnings = firstFew((line) => log(`audit: warning: ${line}`));
  const warn = options.quiet ? () => {} : warnings.add;
  const meta: ReportMeta = {
    toolVersion,
    input: { name: file === "-" ? "stdin" : file, format: "csv" },
    groupBy: options.groupBy,
    rubric: options.rubric,
  };
  let source: Source | undefined;
  refuseSharedTargets(options.outputs, [file], ctx);
  // Outputs are temporary files until committed, so a run that cannot read its input leaves none behind.
  const outputs = await openOutputs(options, ctx);
  const digest = outputs.some(({ reporter }) => reporter.showsInputDigest) ? inputDigest(file, ctx.stdin) : undefined;
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await writeAll(outputs, (r) => r.start?.(meta));
  };
  let listed = 0;
  const redact = options.redact;
  const perCase = outputs.filter(({ reporter }) => reporter.case !== undefined);
  const asJsonText = !redact && perCase.every(({ reporter }) => reporter.caseJson !== undefined);
  try {
    const summary = await scoreInput(file, {
      rubric: options.rubric,
      groupBy: options.groupBy,
      format: options.inputFormat,
      delimiter: options.delimiter,
      sheet: options.sheet,
      mapping: options.mapping,
      maxFieldBytes: options.maxFieldBytes,
      maxColumns: options.maxColumns,
      expectedColumns: new Set(options.rubric.rules.flatMap(({ rule }) => rule.fields)),
      stdin: digest?.stdin ?? ctx.stdin,
      warn,
      onOpen: (opened) => {
        source = opened;
        meta.input = { name: opened.name, format: opened.format };
      },
      // Tables need only the tallies; per-case formats need every case, as JSON text where they all take it.
      wantCases: perCase.length > 0,
      ...(asJsonText
        ? {
            onCaseJsonBytes: (bytes: Uint8Array, from: number, to: number) =>
              started ? writeCaseBytes(perCase, bytes, from, to) : start().then(() => writeCaseBytes(perCase, bytes, from, to)),
          }
        : {
            onCase: async (result: CaseResult) => {
              await start();
              if (redact) result = { ...result, case_id: redact(result.case_id) };
              await writeAll(outputs, (r) => r.case?.(result));
            },
          }),
      onInvalid: async (record) => {
        await start();
        if (redact && record.case_id !== undefined) record = { ...record, case_id: redact(record.case_id) };
        if (listed++ < options.maxErrors) log(describeInvalid(meta.input.name, record));
        await writeAll(outputs, (r) => r.invalid?.(record));
      },
      onProgress: ({ records, bytes, total, firstPass, spooling }) =>
        progress?.update({ cases: records, bytes: bytes ?? source?.bytesRead ?? 0, total: total ?? source?.size, firstPass, spooling }),
    });
    progress?.finish();
    await start();
    if (redact) summary.agreement.apart = redactApart(summary.agreement.apart, redact);
    meta.inputSha256 = await digest?.finish(source?.size);
    await writeAll(outputs, (r) => r.end(summary, meta));
    for (const { destination } of outputs) await destination.commit();

    const { invalid, graded } = summary.overall;
    if (listed > options.maxErrors) {
      log(`audit: ... and ${listed - options.maxErrors} more invalid records (every one is in the json, ndjson, csv and junit reports)`);
    }
    const more = warnings.more();
    if (more) log(`audit: warning: ... and ${more} more warnings`);
    if (invalid && !options.quiet) log(`audit: ${invalid} of ${graded + invalid} records are invalid and were not graded`);
    const failures = checkGates(summary, options.gates);
    for (const failure of failures) log(`audit: gate failed: ${failure.message}`);
    return failures.length ? EXIT.failed : EXIT.ok;
  } catch (error) {
    progress?.finish();
    digest?.abandon();
    await Promise.all(outputs.map((output) => (output.stdout && started ? endStopped(output, errorLine(error)) : output.destination.abandon())));
    throw error;
  }
}

/**
 * A report on stdout stopped part-way: what was written is ended as a whole document that says why
 * (an `error` member, an NDJSON `error` line, a CSV `error` row), never cut off mid-case. A file is
 * removed instead (abandon), and a report that writes only at its end has written nothing.
 */
async function endStopped({ reporter, destination }: Output, message: string): Promise<void> {
  try {
    await destination.write(reporter.stopped?.(message) ?? "");
    await destination.commit();
  } catch {
    // stdout itself failed (a closed pipe): nothing more can reach it.
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerScore: RegisterCommand = (program, { ctx, setExit, version }) => {
  const command = program
    .command("score")
    .description("read case records, grade each case, and print per-group and overall grade tables")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson, .jsonl or .xlsx file, or - for stdin")
    .option("--group-by <column>", "group the tables by this column", "force")
    .option("-f, --format <format[=file]>", `output format, repeatable, each with its own file: ${Object.keys(REPORTERS).join(", ")} (default: table)`, collect, [])
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .option("--color", "colour the table even when stdout is not a terminal")
    .option("--no-color", "never colour the table (NO_COLOR is honoured too)")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .option("--max-errors <n>", "list at most this many invalid records on stderr", "20")
    .addOption(new Option("--fail-on <grade>", "fail the run if any case is at this grade or worse").choices(["inadequate", "adequate"]))
    .option("--max-inadequate <n|p%>", "fail the run if more cases than this are inadequate")
    .option("--min-good <n|p%>", "fail the run if fewer cases than this are good")
    .option("--per-group", "check --max-inadequate and --min-good on every group, not only overall")
    .option("--max-invalid <n>", "fail the run if more records than this are invalid", "0")
    .option(...MAX_FIELD_BYTES_FLAG)
    .option("--ci", "show each share's 95% interval in the table and markdown (json and html always have them)")
    .option("--suppress-below <k>", "hide counts below k, and enough others that none can be worked back (summary outputs)")
    .option("--html-cases", "add every case to the HTML report, for internal review (as -f html-cases=FILE; not with --suppress-below)");
  for (const [flags, description] of DOCUMENT_FLAGS) command.option(flags, description);
  command
    .addHelpText("after", EXIT_CODES);
  addInputOptions(addRedactOptions(command)).action(async (file: string, raw: RawScoreOptions) => {
    setExit(await score(file, await resolveScoreOptions(raw, ctx), ctx, version));
  });
};
