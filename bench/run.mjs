// `npm run bench`: times `audit score` (table, and JSON report to a file), the same rubric as DuckDB
// queries (bench/rubric.sql, which validates every value; bench/rubric-fast.sql, which trusts them)
// and csv-parse alone, side by side, interleaved so that each sees the same machine, each tool in its
// own process. Two files per size: the typical one (both date forms, about 0.3% of records invalid)
// and a clean one (valid records, ISO dates: the only file the fast query reads right). Prints the
// median wall time, peak RSS and ratios to each DuckDB query, checks that every query's table is
// audit's, group by group, and audit's start-up (`audit --version`, a 10-row file). Writes the figures
// at the top of BENCHMARKS.md (between the "latest run" marks) and appends them to its runs.
// Options: --sizes 100k,1m,5m   --runs 3 (5m: 1)   --tools validating,fast,table,... (default all)
//          --kinds typical,clean (default both)   --note "what changed"
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCaseFile } from "./generate.mjs";
import { reportGroups, tablesAgree } from "./_tables.mjs";
import { writeResults } from "./_results.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(ROOT, "bench", "data");
const RSS = join(ROOT, "bench", "_rss.mjs");
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const SIZES = { "100k": 100_000, "1m": 1_000_000, "5m": 5_000_000 };
const sizes = arg("--sizes", "100k,1m,5m").split(",");
for (const size of sizes) if (!SIZES[size]) throw new Error(`unknown size ${size}; one of ${Object.keys(SIZES).join(", ")}`);
const note = arg("--note", "");
const SCRATCH = mkdtempSync(join(tmpdir(), "audit-bench-"));
// Removed however the run ends: a failed tool, or Ctrl-C.
process.on("exit", () => rmSync(SCRATCH, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

/** Runs a node script as its own process: wall time, peak RSS (all its threads) and stdout. */
function timed(args) {
  const rssFile = join(SCRATCH, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", RSS, ...args], {
      cwd: ROOT,
      env: { ...process.env, AUDIT_BENCH_RSS: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : NaN;
      rmSync(rssFile, { force: true });
      // `audit score` exits 1 when records are invalid (the typical files hold a few, on purpose); 2 is a failure.
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(" ")} exited ${code}: ${Buffer.concat(err).toString().slice(0, 500)}`));
      resolve({ seconds, rss, stdout: Buffer.concat(out).toString() });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The size's file of one kind, generated (deterministically) when missing. */
function dataset(size, kind) {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, kind === "clean" ? `cases-${size}-clean.csv` : `cases-${size}.csv`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path}...\n`);
    writeCaseFile(path, SIZES[size], { clean: kind === "clean" });
  }
  return path;
}

// Configs adding one rule to the reference rubric: a plugin from examples/, and the medical-advice rule
// written in the config, as the tests have it.
const PLUGIN_RULE = "examples/no-bail-without-conditions.mjs";
const configFile = (name, config) => {
  const path = join(SCRATCH, `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
};
const PLUGIN_CONFIG = configFile("plugin", { plugins: [join(ROOT, PLUGIN_RULE)] });
const DECLARATIVE_CONFIG = configFile("declarative", JSON.parse(readFileSync(join(ROOT, "test", "helpers", "medical-advice.json"), "utf8")));
const score = (file, ...more) => ["bin/audit.js", "score", file, "-q", "--max-errors", "0", "--max-invalid", "1000000000", ...more];

/**
 * The tools: each a command line given the file and a scratch path, the kinds of file it runs on, and
 * `of`, the tool a rule added is compared with. `query` marks a DuckDB query, whose table is checked.
 */
const ALL_TOOLS = [
  { name: "validating", label: "DuckDB, validating query (rubric.sql)", kinds: ["typical", "clean"], query: true, args: (file) => ["bench/duckdb.mjs", file] },
  { name: "fast", label: "DuckDB, fastest query (rubric-fast.sql)", kinds: ["clean"], query: true, args: (file) => ["bench/duckdb.mjs", file, "bench/rubric-fast.sql"] },
  { name: "table", label: "audit score, table", kinds: ["typical", "clean"], args: (file) => score(file, "--no-config") },
  { name: "json", label: "audit score, JSON report to a file", kinds: ["typical", "clean"], report: true, args: (file, out) => score(file, "--no-config", "-f", `json=${out}`) },
  { name: "csv-parse", label: "csv-parse 6 alone (arrays)", kinds: ["typical"], args: (file) => ["bench/csv-parse.mjs", file] },
  { name: "plugin", label: `audit score, table, + plugin rule (${PLUGIN_RULE})`, kinds: ["typical"], of: "table", args: (file) => score(file, "--config", PLUGIN_CONFIG, "--allow-plugins") },
  { name: "declarative", label: "audit score, table, + medical-advice written in the config", kinds: ["typical"], of: "table", args: (file) => score(file, "--config", DECLARATIVE_CONFIG) },
];
const chosen = arg("--tools", ALL_TOOLS.map((t) => t.name).join(",")).split(",");
for (const name of chosen) if (!ALL_TOOLS.some((t) => t.name === name)) throw new Error(`unknown tool ${name}; one of ${ALL_TOOLS.map((t) => t.name).join(", ")}`);
const TOOLS = ALL_TOOLS.filter((t) => chosen.includes(t.name));
const KINDS = arg("--kinds", "typical,clean").split(",");
for (const kind of KINDS) if (kind !== "typical" && kind !== "clean") throw new Error(`unknown kind of file ${kind}; typical or clean`);

/** audit's start-up: what a run costs before any record, so that the 100k figures can be read. */
async function startUp(runs) {
  const tiny = join(SCRATCH, "ten.csv");
  writeCaseFile(tiny, 10, { clean: true });
  const steps = [
    { label: "audit --version", args: ["bin/audit.js", "--version"] },
    { label: "audit score, table, 10 records", args: score(tiny, "--no-config") },
  ];
  const seconds = steps.map(() => []);
  for (let run = 0; run < runs; run++) for (const [i, step] of steps.entries()) seconds[i].push((await timed(step.args)).seconds);
  return steps.map((step, i) => ({ label: step.label, seconds: median(seconds[i]), runs }));
}

const loadBefore = loadavg();
const startup = await startUp(5);
const rows = [];
const checks = [];
const loads = [];
for (const size of sizes) {
  const runs = Number(arg("--runs", size === "5m" ? 1 : 3));
  const jobs = TOOLS.flatMap((tool) => tool.kinds.filter((kind) => KINDS.includes(kind)).map((kind) => ({ tool, kind, file: dataset(size, kind), seconds: [], rss: [] })));
  const tables = {};
  for (let run = 0; run < runs; run++) {
    loads.push({ size, run: run + 1, load: loadavg()[0] });
    for (const job of jobs) {
      const out = join(SCRATCH, "report.json");
      const result = await timed(job.tool.args(job.file, out));
      job.seconds.push(result.seconds);
      job.rss.push(result.rss);
      if (run === 0 && job.tool.query) tables[`${job.tool.name} ${job.kind}`] = JSON.parse(result.stdout);
      if (run === 0 && job.tool.report) tables[`audit ${job.kind}`] = reportGroups(out);
      rmSync(out, { force: true });
      process.stderr.write(`${size} ${job.kind} run ${run + 1}: ${job.tool.name} ${result.seconds.toFixed(2)} s, ${result.rss.toFixed(0)} MB\n`);
    }
  }
  for (const [key, table] of Object.entries(tables)) {
    const [name, kind] = key.split(" ");
    if (name === "audit") continue;
    const audit = tables[`audit ${kind}`];
    checks.push({ size, what: `${name === "fast" ? "fast query" : "validating query"} on the ${kind} file`, agree: audit ? tablesAgree(table, audit) : "not checked (no JSON run)" });
  }
  const find = (name, kind) => jobs.find((j) => j.tool.name === name && j.kind === kind);
  for (const job of jobs) {
    const ratioTo = (other) => (other ? median(job.seconds.map((s, run) => s / other.seconds[run])) : undefined);
    rows.push({
      size,
      kind: job.kind,
      bytes: statSync(job.file).size,
      tool: job.tool,
      seconds: median(job.seconds),
      rss: Math.max(...job.rss),
      runs: job.seconds.length,
      // Ratios are the median of each run's ratio: the two tools of one run saw the same load.
      validating: job.tool.name === "validating" ? undefined : ratioTo(find("validating", job.kind)),
      fast: job.tool.name === "fast" ? undefined : ratioTo(find("fast", job.kind)),
      added: job.tool.of ? ratioTo(find(job.tool.of, job.kind)) : undefined,
    });
  }
}
const loadAfter = loadavg();

const cpu = cpus();
const duckdbVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")).version;
const fmt = (l) => l.map((x) => x.toFixed(1)).join(" ");
const machine =
  `${cpu[0]?.model.trim()} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), ` +
  `Linux ${release()}, Node ${process.version}, @duckdb/node-api ${duckdbVersion}; load average ${fmt(loadBefore)} before, ${fmt(loadAfter)} after`;
const options = [`--sizes ${sizes.join(",")}`];
if (TOOLS.length < ALL_TOOLS.length) options.push(`--tools ${chosen.join(",")}`);
if (KINDS.length < 2) options.push(`--kinds ${KINDS.join(",")}`);
if (process.argv.includes("--runs")) options.push(`--runs ${arg("--runs")}`);
const section = writeResults(join(ROOT, "BENCHMARKS.md"), {
  when: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  note,
  command: `npm run bench -- ${options.join(" ")}`,
  machine,
  loads,
  startup,
  rows,
  checks,
});
process.stdout.write(`${section}\n`);
