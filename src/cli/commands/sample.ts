import { Option } from "commander";
import { rubricHash } from "../../engine/rubric.js";
import type { Rubric } from "../../engine/rubric.js";
import type { ColumnMapping } from "../../input/mapping.js";
import type { ReadOptions, RecordRow } from "../../input/read.js";
import type { Source } from "../../input/source.js";
import { renderSamplePlan, sampleCsv } from "../../report/sample.js";
import type { SampleDesignFile } from "../../report/sample-schema.js";
import { mostPerStratum, planSample, type SamplePlan } from "../../sample/design.js";
import type { SamplingFrame } from "../../sample/frame.js";
import { readExcludedIds } from "../../sample/exclude.js";
import { seedKey } from "../../sample/keys.js";
import { readDrawnRows, readSamplingFrame } from "../../sample/read.js";
import { designFile, sampleCases } from "../../sample/report.js";
import { strataOf } from "../../sample/strata.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT, EXIT_CODES } from "../../errors.js";
import { Progress, stderrLog } from "../progress.js";
import { openOutputs } from "../report-files.js";
import { resolveSampleOptions, type RawSampleOptions, type SampleOptions } from "../sample-options.js";
import { addInputOptions, MAX_FIELD_BYTES_FLAG, resolveInput } from "../record-input.js";
import { firstFew } from "../first-few.js";
import type { RegisterCommand } from "./types.js";

const REDACTED = "hmac:";

/** The ids of every --exclude file, and the test a case must pass to stay in the frame. */
async function exclusions(options: SampleOptions, mapping: ColumnMapping | undefined) {
  const listed = new Set<string>();
  for (const path of options.exclude) for (const id of await readExcludedIds(path, mapping)) listed.add(id);
  const hashed = [...listed].some((id) => id.startsWith(REDACTED));
  const { redact } = options;
  if (hashed && !redact) throw new CliError("--exclude: the file lists redacted case ids (hmac:...); give --redact with the same key to match them");
  const excluded = hashed && redact ? (id: string) => listed.has(id) || listed.has(redact(id)) : (id: string) => listed.has(id);
  return { listed: listed.size, excluded };
}

function redactRow(row: RecordRow, hashed: string): RecordRow {
  return { ...row, values: row.values.map((value, i) => (i === row.idColumn ? hashed : value)) };
}

interface Run {
  file: string;
  options: SampleOptions;
  rubric: Rubric;
  mapping: ColumnMapping | undefined;
  /** How to read the input, from the shared input flags. */
  read: Pick<ReadOptions, "format" | "delimiter" | "sheet" | "mapping" | "stdin">;
  ctx: CliContext;
  toolVersion: string;
  log: (line: string) => void;
  warnings: ReturnType<typeof firstFew>;
  progress: Progress | undefined;
}

/** Reads the input through the engine into the sampling frame, and lays out the design. */
async function frameAndDesign(run: Run, exclude: { listed: number; excluded: (id: string) => boolean }) {
  const { file, options, rubric, read, progress } = run;
  let source: Source | undefined;
  const input = { name: file === "-" ? "stdin" : file, format: "csv" as Source["format"] };
  const { frame, summary } = await readSamplingFrame(
    file,
    {
      rubric,
      groupBy: options.groupBy,
      stratification: options.stratification,
      excluded: exclude.excluded,
      key: options.seed && !options.dryRun ? seedKey(options.seed.value) : undefined,
      keep: mostPerStratum(options.sizing, options.expected, strataOf(options.stratification).length),
    },
    {
      ...read,
      maxFieldBytes: options.maxFieldBytes,
      warn: options.quiet ? () => {} : run.warnings.add,
      onOpen: (opened) => {
        source = opened;
        Object.assign(input, { name: opened.name, format: opened.format });
      },
      onProgress: ({ records, bytes, total, firstPass, spooling }) =>
        progress?.update({ cases: records, bytes: bytes ?? source?.bytesRead ?? 0, total: total ?? source?.size, firstPass, spooling }),
    },
  );
  progress?.finish();
  const plan = planSample(frame.frame(), options.sizing, { factors: options.oversample, expected: options.expected });
  const { graded, invalid } = summary.overall;
  const design = designFile(
    plan,
    {
      seed: options.seed?.value ?? null,
      sizing: options.sizing,
      expected: options.expected,
      stratification: options.stratification,
      oversample: options.oversample,
      columns: options.columns,
      includeNotes: options.includeNotes,
      redacted: options.redact !== undefined,
      exclude: { files: options.exclude, listed: exclude.listed },
    },
    { toolVersion: run.toolVersion, input, groupBy: options.groupBy, rubricHash: rubricHash(rubric), records: graded + invalid, invalid },
  );
  return { frame, plan, design, graded, invalid };
}

/** The texts of the outputs, in the order they were opened: the reports, then the design files. */
async function drawnTexts(run: Run, frame: SamplingFrame, plan: SamplePlan, design: SampleDesignFile): Promise<(() => string)[]> {
  const { file, options, read } = run;
  const designJson = () => `${JSON.stringify(design, null, 2)}\n`;
  if (options.dryRun) return options.outputs.map((spec) => (spec.format === "json" ? designJson : () => renderSamplePlan(design)));
  const drawn = frame.draw(new Map(plan.groups.map((group) => [group.name, group.strata])));
  const ids = new Set(drawn.map((c) => c.case_id));
  const { maxFieldBytes, includeNotes: notes, redact } = options;
  let rows = options.columns === "all" ? await readDrawnRows(file, ids, { ...read, maxFieldBytes, notes }) : undefined;
  if (redact) {
    if (rows) rows = new Map([...rows].map(([id, row]) => [redact(id), redactRow(row, redact(id))]));
    for (const c of drawn) c.case_id = redact(c.case_id);
  }
  const cases = sampleCases(drawn, rows);
  const reports = options.outputs.map((spec) => (spec.format === "json" ? () => `${JSON.stringify({ ...design, cases }, null, 2)}\n` : () => sampleCsv(cases, rows)));
  return [...reports, ...options.designPaths.map(() => designJson)];
}

async function sample(file: string, raw: RawSampleOptions, ctx: CliContext, toolVersion: string): Promise<number> {
  const { config, read } = await resolveInput(raw, ctx);
  const { rubric, mapping } = config;
  const options = resolveSampleOptions(raw, { rubric, mapping }, ctx);
  if (options.columns === "all" && !options.dryRun && file === "-") {
    throw new CliError("--columns all reads the input a second time for the drawn records' columns, so it needs a file, not stdin");
  }
  const progress = ctx.stderr.isTTY && !options.quiet ? new Progress(ctx.stderr) : undefined;
  const log = stderrLog(ctx.stderr, progress);
  const warnings = firstFew((line) => log(`audit: warning: ${line}`));
  const run: Run = { file, options, rubric, mapping, read, ctx, toolVersion, log, warnings, progress };
  const exclude = await exclusions(options, mapping);
  const designSpecs = options.dryRun ? [] : options.designPaths.map((path) => ({ format: "json" as const, path }));
  // Opened before the input is read: a target that cannot be written fails at once, and nothing appears until the end.
  const outputs = await openOutputs([...options.outputs, ...designSpecs], ctx);
  let result: Awaited<ReturnType<typeof frameAndDesign>>;
  try {
    result = await frameAndDesign(run, exclude);
    await outputs.write(await drawnTexts(run, result.frame, result.plan, result.design));
  } catch (error) {
    progress?.finish();
    await outputs.abandon();
    throw error;
  }
  const { plan, design, graded, invalid } = result;
  if (!options.quiet) {
    const more = warnings.more();
    if (more) log(`audit: warning: ... and ${more} more warnings`);
    if (!options.dryRun) for (const note of design.design.notes) log(`audit: note: ${note}`);
    if (options.seed?.chosen) log(`audit: seed ${options.seed.value} (chosen at random; --seed ${options.seed.value} draws this sample again)`);
    log(`audit: ${plan.sample} of ${plan.cases} cases ${options.dryRun ? "would be drawn" : "drawn"} from ${plan.groups.length} groups`);
    if (!options.dryRun && options.designPaths.length === 0 && !options.outputs.some((spec) => spec.format === "json")) {
      log("audit: the design (seed, method, sizes) is not saved with a CSV on stdout: add --design FILE, or write -f csv=FILE");
    }
    if (invalid) log(`audit: ${invalid} of ${graded + invalid} records are invalid and were not in the frame (audit validate lists them)`);
  }
  return invalid ? EXIT.failed : EXIT.ok;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerSample: RegisterCommand = (program, { ctx, setExit, version }) => {
  const command = program
    .command("sample")
    .description("draw a reproducible random sample of the valid records for inspectors to read: per group, stratified, weighted")
    .argument("<file>", "a .csv, .tsv, .json, .ndjson or .jsonl file, or - for stdin")
    .option("--group-by <column>", "draw from each value of this column", "force")
    .option(...MAX_FIELD_BYTES_FLAG)
    .option("--per-group <n>", "draw n cases from each group")
    .option("--total <n>", "draw n cases in all, shared among the groups in proportion to their cases")
    .option("--equal", "with --total: share the cases equally among the groups")
    .option("--margin <e>", "draw enough from each group to estimate a share within ±e at 95% (0.1 or 10%)")
    .option("--expected <p>", "the share expected, for --margin and the margins shown (default 0.5)")
    .option("--seed <s>", "the seed of the draw, a whole number (default: chosen at random, printed and recorded)")
    .option("--stratify <by>", "draw within strata: grade (the predicted grade) or rule:<id> (that rule's rating)")
    .option("--oversample <stratum=factor>", "multiply a stratum's selection probability, e.g. inadequate=2 (repeatable)", collect, [])
    .option("--exclude <file>", "leave out the cases of a previous sample, CSV or JSON (repeatable)", collect, [])
    .addOption(new Option("--columns <which>", "sample: case_id and the sample's columns; all: the record's columns too").choices(["sample", "all"]).default("sample"))
    .option("--include-notes", "with --columns all, include the notes column (free text: keep the file safe)")
    .option("--dry-run", "print each group's cases, sample size and margin; draw nothing")
    .option("-f, --format <format[=file]>", "csv (default) or json, repeatable, each with its own file; table or json with --dry-run", collect, [])
    .option("-o, --output <file>", "write the sample to this file instead of stdout")
    .option("--design <file>", "write the design (seed, method, sizes) here too (default: beside a CSV file, NAME.design.json)")
    .option("--redact", "replace every case id in every output with a keyed hash (HMAC-SHA256)")
    .option("--redact-key-file <file>", "the --redact key (default: the AUDIT_REDACT_KEY environment variable)")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", EXIT_CODES);
  addInputOptions(command).action(async (file: string, raw: RawSampleOptions) => {
    setExit(await sample(file, raw, ctx, version));
  });
};
