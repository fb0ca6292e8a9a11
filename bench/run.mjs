// `npm run bench`: times `audit score` (table and JSON), the same rubric as one DuckDB query
// (bench/rubric.sql) and csv-parse alone, side by side on the same synthetic files, interleaved
// so that each sees the same machine; prints wall time, peak RSS and the ratios to DuckDB, checks
// that audit's table and DuckDB's agree, and appends the figures to BENCHMARKS.md. It also times
// the table with one more rule, a plugin from examples/ and issue 16's medical-advice rule written
// in the config, and gives each run's ratio to the reference rubric alone (target: 1.5 at most).
// Options: --sizes 100k,1m,5m   --runs 3 (5m: 1)   --tools duckdb,table,... (default all)   --note "what changed"
import { spawn } from "node:child_process";
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCaseFile } from "./generate.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(ROOT, "bench", "data");
const RSS = join(ROOT, "bench", "_rss.mjs");
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const SIZES = { "100k": 100_000, "1m": 1_000_000, "5m": 5_000_000 };
const sizes = arg("--sizes", "100k,1m,5m").split(",");
const note = arg("--note", "");

/** Runs a node script as its own process; wall time, peak RSS (all its threads) and stdout. */
function timed(args, { stdout = "pipe" } = {}) {
  const rssFile = join(tmpdir(), `audit-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", RSS, ...args], {
      cwd: ROOT,
      env: { ...process.env, AUDIT_BENCH_RSS: rssFile },
      stdio: ["ignore", stdout, "pipe"],
    });
    const out = [];
    const err = [];
    child.stdout?.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : NaN;
      rmSync(rssFile, { force: true });
      // `audit score` exits 1 when records are invalid (the files hold a few, on purpose); 2 is a failure.
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(" ")} exited ${code}: ${Buffer.concat(err).toString().slice(0, 500)}`));
      resolve({ seconds, rss, stdout: Buffer.concat(out).toString() });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function datasetFor(size) {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, `cases-${size}.csv`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path}...\n`);
    writeCaseFile(path, SIZES[size]);
  }
  return path;
}

// Configs adding one rule to the reference rubric: a plugin from examples/, and the medical-advice rule
// written in the config, as the tests have it.
const CONFIGS = mkdtempSync(join(tmpdir(), "audit-bench-configs-"));
const PLUGIN_RULE = "examples/no-bail-without-conditions.mjs";
const configFile = (name, config) => {
  const path = join(CONFIGS, `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
};
const PLUGIN_CONFIG = configFile("plugin", { plugins: [join(ROOT, PLUGIN_RULE)] });
const DECLARATIVE_CONFIG = configFile("declarative", JSON.parse(readFileSync(join(ROOT, "test", "helpers", "medical-advice.json"), "utf8")));
const scoreTable = (file, config) => ["bin/audit.js", "score", file, ...config, "-q", "--max-errors", "0", "--max-invalid", "1000000000"];

/** The tools, each a command line given the file and a scratch output path; `of` names the tool a ratio is taken to. */
const ALL_TOOLS = [
  { name: "duckdb", label: "DuckDB, one SQL query", args: (file) => ["bench/duckdb.mjs", file] },
  { name: "table", label: "audit score, table", args: (file) => scoreTable(file, ["--no-config"]) },
  {
    name: "json",
    label: "audit score, JSON report to a file",
    args: (file, out) => ["bin/audit.js", "score", file, "--no-config", "-q", "--max-errors", "0", "--max-invalid", "1000000000", "-f", `json=${out}`],
  },
  { name: "csv-parse", label: "csv-parse 6 alone (arrays)", args: (file) => ["bench/csv-parse.mjs", file] },
  { name: "plugin", label: `audit score, table, + plugin rule (${PLUGIN_RULE})`, of: "table", args: (file) => scoreTable(file, ["--config", PLUGIN_CONFIG, "--allow-plugins"]) },
  { name: "declarative", label: "audit score, table, + medical-advice written in the config", of: "table", args: (file) => scoreTable(file, ["--config", DECLARATIVE_CONFIG]) },
];
const chosen = arg("--tools", ALL_TOOLS.map((t) => t.name).join(",")).split(",");
const TOOLS = ALL_TOOLS.filter((t) => chosen.includes(t.name));

/** The end of a JSON report, from its `invalid` list on, as an object: a report of millions of cases is too long for one string. */
function reportTail(path) {
  const size = statSync(path).size;
  const length = Math.min(size, 64 << 20);
  const fd = openSync(path, "r");
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  closeSync(fd);
  const text = tail.toString("utf8");
  return JSON.parse(`{${text.slice(text.lastIndexOf('\n  "invalid": ['))}`);
}

function tablesAgree(duckdbJson, reportPath) {
  const duck = JSON.parse(duckdbJson);
  const report = reportTail(reportPath);
  const pick = (g) => `${g.name}:${g.graded}/${g.good}/${g.adequate}/${g.inadequate}/${g.invalid}`;
  const a = duck.map(pick).join(" ");
  const b = report.summary.groups.map(pick).join(" ");
  return a === b ? "yes" : `NO\n  duckdb: ${a.slice(0, 300)}\n  audit:  ${b.slice(0, 300)}`;
}

const results = [];
const loadBefore = loadavg();
for (const size of sizes) {
  const file = datasetFor(size);
  const bytes = statSync(file).size;
  const runs = Number(arg("--runs", size === "5m" ? 1 : 3));
  const out = join(tmpdir(), `audit-bench-${process.pid}.json`);
  const tools = TOOLS;
  const times = Object.fromEntries(tools.map((t) => [t.name, { seconds: [], rss: [] }]));
  let duckdbTable = "[]";
  let agree = "not checked";
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      const result = await timed(tool.args(file, out));
      times[tool.name].seconds.push(result.seconds);
      times[tool.name].rss.push(result.rss);
      if (tool.name === "duckdb") duckdbTable = result.stdout;
      if (tool.name === "json" && run === 0 && times.duckdb) agree = tablesAgree(duckdbTable, out);
      process.stderr.write(`${size} run ${run + 1}: ${tool.name} ${result.seconds.toFixed(2)} s, ${result.rss.toFixed(0)} MB\n`);
    }
  }
  rmSync(out, { force: true });
  const duck = times.duckdb ? median(times.duckdb.seconds) : NaN;
  for (const tool of TOOLS) {
    const { seconds, rss } = times[tool.name];
    // A rule added: the median of each run's ratio to the reference rubric alone in that run, which saw the same load.
    const added = tool.of && times[tool.of] ? median(seconds.map((s, run) => s / times[tool.of].seconds[run])) : undefined;
    results.push({ size, bytes, tool, seconds: median(seconds), rss: Math.max(...rss), ratio: median(seconds) / duck, added, runs: seconds.length });
  }
  results.push({ size, agree });
}
const loadAfter = loadavg();
rmSync(CONFIGS, { recursive: true, force: true });

const lines = [];
lines.push("| rows | file | tool | wall (median) | peak RSS | ÷ DuckDB | ÷ reference rubric |", "| --- | --- | --- | --- | --- | --- | --- |");
for (const r of results) {
  if (r.agree !== undefined) continue;
  const mb = `${(r.bytes / 1e6).toFixed(0)} MB`;
  if (r.skipped) lines.push(`| ${r.size} | ${mb} | ${r.tool.label} | ${r.skipped} | | | |`);
  else {
    const ratio = Number.isNaN(r.ratio) ? "" : r.ratio.toFixed(2);
    const added = r.added === undefined ? "" : `${r.added.toFixed(2)} (target ≤ 1.5)`;
    lines.push(`| ${r.size} | ${mb} | ${r.tool.label} | ${r.seconds.toFixed(2)} s (${r.runs} run${r.runs > 1 ? "s" : ""}) | ${r.rss.toFixed(0)} MB | ${ratio} | ${added} |`);
  }
}
const agreement = results.filter((r) => r.agree !== undefined).map((r) => `${r.size}: ${r.agree}`).join("; ");
const cpu = cpus();
const duckdbVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")).version;
const machine =
  `${cpu[0]?.model.trim()} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), ` +
  `Linux ${release()}, Node ${process.version}, @duckdb/node-api ${duckdbVersion}; ` +
  `load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(1)).join(" ")} after`;
const section = [
  `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC${note ? `: ${note}` : ""}`,
  "",
  `\`npm run bench -- --sizes ${sizes.join(",")}${TOOLS.length < ALL_TOOLS.length ? ` --tools ${chosen.join(",")}` : ""}\` on ${machine}.`,
  "",
  ...lines,
  "",
  `audit's table and DuckDB's agree, group by group: ${agreement}.`,
  "",
].join("\n");
process.stdout.write(`${section}\n`);
appendFileSync(join(ROOT, "BENCHMARKS.md"), `\n${section}`);
