import type { RecordRow } from "../input/read.js";
import { recordObject } from "../report/sample.js";
import { SAMPLE_SCHEMA_VERSION, type SampleCase, type SampleDesign, type SampleDesignFile } from "../report/sample-schema.js";
import { noteText, type SamplePlan, type Sizing } from "./design.js";
import type { DrawnCase } from "./frame.js";
import { stratificationText, type Stratification } from "./strata.js";

export interface DesignChoices {
  seed: number | null;
  sizing: Sizing;
  expected: number;
  stratification: Stratification;
  /** Oversampling factors as given, by stratum. */
  oversample: ReadonlyMap<string, number>;
  columns: "sample" | "all";
  includeNotes: boolean;
  redacted: boolean;
  exclude: { files: string[]; listed: number };
}

export interface RunFacts {
  toolVersion: string;
  input: SampleDesignFile["input"];
  groupBy: string;
  rubricHash: string;
  records: number;
  invalid: number;
}

function methodText(stratification: Stratification): string {
  if (stratification.by === "none") return "simple random sampling without replacement within each group";
  return (
    `stratified simple random sampling without replacement: within each group, strata by ${stratificationText(stratification)}, ` +
    "the group's sample shared among them in proportion to cases × factor (largest remainder), at least one case from each stratum that has cases"
  );
}

const SELECTION =
  "in each stratum, the cases with the lowest keys; a case's key is SipHash-2-4 of its case_id (UTF-8) under the seed " +
  "(16 bytes: the seed as a 64-bit little-endian number, then 8 zero bytes), its 8 bytes read in order, lowest first";

/** The design file: the run, the choices made, and the plan's figures. */
export function designFile(plan: SamplePlan, choices: DesignChoices, facts: RunFacts): SampleDesignFile {
  const excluded = plan.groups.reduce((sum, group) => sum + group.excluded, 0);
  const design: SampleDesign = {
    seed: choices.seed,
    method: methodText(choices.stratification),
    selection: SELECTION,
    sizing: choices.sizing,
    expected: choices.expected,
    confidence: 0.95,
    stratify: stratificationText(choices.stratification),
    oversample: Object.fromEntries(choices.oversample),
    columns: choices.columns,
    includeNotes: choices.includeNotes,
    redacted: choices.redacted,
    exclude: { ...choices.exclude, excluded },
    frame: { records: facts.records, invalid: facts.invalid, excluded, cases: plan.cases },
    groups: plan.groups,
    sample: plan.sample,
    notes: plan.notes.map((note) => noteText(note, choices.sizing)),
  };
  return {
    schemaVersion: SAMPLE_SCHEMA_VERSION,
    tool: { name: "audit", version: facts.toolVersion },
    input: facts.input,
    groupBy: facts.groupBy,
    rubric: { hash: facts.rubricHash },
    design,
  };
}

/** The cases of the JSON report, each with its record's columns when they were read. */
export function sampleCases(drawn: readonly DrawnCase[], rows?: ReadonlyMap<string, RecordRow>): SampleCase[] {
  return drawn.map((c) => (rows ? { ...c, record: recordObject(rows.get(c.case_id)!) } : { ...c }));
}
