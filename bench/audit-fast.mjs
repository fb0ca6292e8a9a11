// `audit score` as the CLI will run it once src/fast is wired in: the table on stdout, or with
// --json FILE the JSON report written to FILE (the JSON reporter's text, each case's JSON as the
// bytes a worker made).
// Usage: node bench/audit-fast.mjs <file> [--json FILE]
import { createWriteStream } from "node:fs";
import { analyse } from "../dist/engine/analysis.js";
import { referenceRubric } from "../dist/engine/rubric.js";
import { scoreCsvFile } from "../dist/fast/index.js";
import { renderTable } from "../dist/report/table.js";
import { reportEndText, reportHeadText, rubricDescription } from "../dist/report/json.js";
import { SCHEMA_VERSION } from "../dist/report/schema.js";

const [file, flag, out] = process.argv.slice(2);
const rubric = referenceRubric();
const meta = { toolVersion: "bench", input: { name: file, format: "csv" }, groupBy: "force", rubric };

if (flag !== "--json") {
  const summary = await scoreCsvFile(file, { rubric, wantCases: false });
  process.stdout.write(renderTable(summary, "force", false));
} else {
  // The JSON report, written as bytes: each case's JSON goes from the worker to the file undecoded.
  const stream = createWriteStream(out);
  let buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = () => {
    const ok = stream.write(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(1 << 20);
    used = 0;
    return ok ? undefined : new Promise((resolve) => stream.once("drain", resolve));
  };
  const write = (bytes, start = 0, end = bytes.length) => {
    if (used + end - start > buffer.length) {
      if (used > 0) flush();
      if (end - start > buffer.length) buffer = Buffer.allocUnsafe(end - start);
    }
    used += Buffer.prototype.copy.call(bytes, buffer, used, start, end);
    return used > buffer.length - 4096 ? flush() : undefined;
  };
  const [first, next] = [Buffer.from("\n    "), Buffer.from(",\n    ")];
  const invalid = [];
  let cases = 0;
  write(Buffer.from(reportHeadText({ schemaVersion: SCHEMA_VERSION, tool: { name: "audit", version: meta.toolVersion }, input: meta.input, groupBy: "force", rubric: rubricDescription(meta) })));
  const summary = await scoreCsvFile(file, {
    rubric,
    wantCases: true,
    onCaseJsonBytes: (bytes, start, end) => {
      write(cases++ === 0 ? first : next);
      return write(bytes, start, end);
    },
    onInvalid: (record) => void invalid.push(record),
  });
  write(Buffer.from(reportEndText(cases, invalid, analyse(summary))));
  await flush();
  await new Promise((resolve) => stream.end(resolve));
}
