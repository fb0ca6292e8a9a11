// CPU time per record of each stage of the fast path, on one thread, warm (the last of 4 rounds):
// how the figures in BENCHMARKS.md were taken once wall times on a shared machine stopped meaning much.
// Usage: npm run build && node bench/stages.mjs [file, default bench/data/cases-100k.csv] [--table]
// (--table: only the stages of table output, as bench/profile.mjs sums them)
import { openSync, statSync } from "node:fs";
import { referenceRubric } from "../dist/engine/rubric.js";
import { CaseScorer, scoreCase } from "../dist/engine/score.js";
import { ChunkProcessor } from "../dist/fast/_chunk.js";
import { tallyChunk } from "../dist/fast/_tally.js";
import { planColumns } from "../dist/fast/_columns.js";
import { RecordReader } from "../dist/fast/_reader.js";
import { CASE, RecordChecker } from "../dist/fast/_record.js";
import { CaseView } from "../dist/rules/case-view.js";
import { decodeCell, RECORD } from "../dist/fast/_tokenizer.js";

const tableOnly = process.argv.includes("--table");
const path = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? new URL("./data/cases-100k.csv", import.meta.url).pathname;
const size = statSync(path).size;
const fd = openSync(path, "r");
const options = { delimiter: ",", maxRecordChars: 8 << 20 };
const reader = new RecordReader(fd, size, { ...options, bufferBytes: size + 1024 });
reader.seek(0);
reader.next();
const { cells } = reader;
const header = Array.from({ length: cells.count }, (_, i) => decodeCell(reader.buf, cells.start[i], cells.end[i], cells.quoted[i]));
const start = reader.position;
const plan = planColumns(path, header, {});
const rubric = referenceRubric();
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

function stage(name, run) {
  let records = 0;
  let ms = 0;
  for (let round = 0; round < 4; round++) {
    const before = cpu();
    records = run();
    ms = cpu() - before;
  }
  console.log(`${name.padEnd(34)} ${((ms * 1000) / records).toFixed(2)} µs/record`);
}

function eachRecord(visit) {
  reader.seek(start);
  let records = 0;
  while (reader.next() === RECORD) {
    visit();
    records++;
  }
  return records;
}

const checker = new RecordChecker({ plan, groupBy: "force", maxFieldBytes: 1 << 20 });
const scorer = new CaseScorer(rubric);
const view = new CaseView(checker.num, () => checker.caseRecord());
stage("tokenize", () => eachRecord(() => {}));
stage("tokenize + check", () => eachRecord(() => checker.check(reader.buf, reader.cells)));
stage("tokenize + check + grade", () =>
  eachRecord(() => {
    checker.check(reader.buf, reader.cells);
    if (checker.kind === CASE && scorer.rate(view, false)) scorer.grade();
  }),
);
if (!tableOnly) stage("tokenize + check + build the Case", () =>
  eachRecord(() => {
    checker.check(reader.buf, reader.cells);
    if (checker.kind === CASE) checker.caseRecord();
  }),
);
const setup = { path, size, ...options, maxFieldBytes: 1 << 20, plan, groupBy: "force", rubric, wantCases: false };
const job = { index: 0, start, stop: size, known: true };
const processor = new ChunkProcessor(setup);
stage("a chunk, grades only (all of it)", () => processor.run(job).count);
// A fresh processor's first result names every group it numbers.
const result = new ChunkProcessor(setup).run(job);
const ruleIds = rubric.rules.map(({ rule }) => rule.id);
stage("tally a chunk", () => tallyChunk({ table: result.table, count: result.count, names: result.names, ids: result.ids }, ruleIds).overall.graded);
if (tableOnly) process.exit(0);
const json = new ChunkProcessor({ ...setup, wantCases: true });
stage("a chunk, JSON of every case", () => json.run(job).count);
const cases = [];
eachRecord(() => {
  checker.check(reader.buf, reader.cells);
  if (checker.kind === CASE) cases.push(checker.caseRecord());
});
stage("scoreCase (real rules)", () => cases.map((c) => scoreCase(c, rubric, c.force)).length);
const results = cases.map((c) => scoreCase(c, rubric, c.force).result);
stage("JSON.stringify(result)", () => results.map((r) => JSON.stringify(r)).length);
