// Where the CPU of a whole `audit score` run goes, every thread of it, beside the sum of the stages
// that bench/stages.mjs measures one at a time. Runs the CLI as a user does (table output) a few times
// for its CPU (user + system, process.resourceUsage) and each thread's (/proc, sampled every 20 ms),
// then once under `node --cpu-prof` (a profile per thread: the main one and each worker). Each thread's
// CPU is split by its profile's samples into parts of the run (start-up, tokenizer, record checks, ...);
// V8's own helper threads (concurrent and parallel garbage collection, the optimising compiler) have no
// profile and are a part of their own. Writes a flame graph of the profiled run, all threads, as SVG.
// Usage: npm run build && node bench/profile.mjs [file, default bench/data/cases-1m-clean.csv]
//          [--runs 3] [--svg path, default bench/data/profile.svg] [--no-stages] [--node "node flags"]
//          [-- more audit options]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { clearInterval, setInterval } from "node:timers";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { flameSvg } from "./_flame.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const auditArgs = dashes < 0 ? [] : argv.slice(dashes + 1);
const option = (name, fallback) => (own.includes(name) ? own[own.indexOf(name) + 1] : fallback);
const file = own.find((a, i) => !a.startsWith("--") && !["--runs", "--svg", "--node"].includes(own[i - 1])) ?? join(ROOT, "bench/data/cases-1m-clean.csv");
if (!existsSync(file)) {
  console.error(`${file}: no such file (npm run bench generates bench/data/cases-1m-clean.csv)`);
  process.exit(2);
}
const runs = Number(option("--runs", 3));
const nodeFlags = option("--node", "").split(" ").filter(Boolean);
const svgPath = option("--svg", join(ROOT, "bench/data/profile.svg"));
const SCRATCH = mkdtempSync(join(tmpdir(), "audit-profile-"));
process.on("exit", () => rmSync(SCRATCH, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

// Loaded by --require into every thread (--import reaches no worker on Node 20): which system thread it
// is, and the process's CPU and peak RSS as the main thread exits.
const PRELOAD = join(SCRATCH, "preload.cjs");
writeFileSync(
  PRELOAD,
  `const { readlinkSync, writeFileSync } = require("node:fs");
const { threadId } = require("node:worker_threads");
const dir = process.env.AUDIT_PROFILE_DIR;
writeFileSync(dir + "/thread-" + threadId, readlinkSync("/proc/thread-self").split("/").pop());
if (threadId === 0) process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(dir + "/usage.json", JSON.stringify({ user: u.userCPUTime, system: u.systemCPUTime, maxRSS: u.maxRSS }));
});
`,
);
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system time of each thread of `pid` so far, in ms, by thread id. */
function threadTimes(pid, into) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      into.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The thread has just ended: its last sample stands.
    }
  }
}

/** One run of the CLI: wall and CPU time, records, and each thread's CPU (JS threads by their threadId). */
function runAudit(profileDir) {
  const dir = mkdtempSync(join(SCRATCH, "run-"));
  const flags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const args = [...nodeFlags, ...flags, "--require", PRELOAD, join(ROOT, "bin/audit.js"), "score", file, "-q", ...auditArgs];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, AUDIT_PROFILE_DIR: dir }, stdio: ["ignore", "pipe", "inherit"] });
    const threads = new Map();
    const poll = setInterval(() => threadTimes(child.pid, threads), 20);
    const out = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      const wallMs = performance.now() - started;
      if (code !== 0 && code !== 1) return reject(new Error(`audit exited ${code}`));
      const usage = JSON.parse(readFileSync(join(dir, "usage.json"), "utf8"));
      const overall = /^Overall\s+([\d,]+).*?([\d,]+)\s*$/m.exec(Buffer.concat(out).toString());
      if (!overall) return reject(new Error("no Overall row in audit's table"));
      const records = Number(overall[1].replaceAll(",", "")) + Number(overall[2].replaceAll(",", ""));
      const js = new Map(readdirSync(dir).filter((f) => f.startsWith("thread-")).map((f) => [Number(f.slice(7)), readFileSync(join(dir, f), "utf8")]));
      resolve({ wallMs, cpuMs: (usage.user + usage.system) / 1000, maxRss: usage.maxRSS / 1024, records, threads, js });
    });
  });
}

// Parts of a run, in the order they are listed. A frame's part is its own (by its file and name) or,
// for helpers shared by several parts (Buffer's, the tokenizer's utf8), its caller's; anything under a
// module's top level, or a thread's bootstrap, is start-up.
const PARTS = {
  startup: { label: "start-up: modules, worker start, rules loaded", colour: "#9e9ac8" },
  tokenizer: { label: "tokenizer (bytes to cells)", colour: "#6baed6" },
  reads: { label: "file reads (readSync)", colour: "#c6dbef" },
  checks: { label: "record checks", colour: "#74c476" },
  grading: { label: "grading (rules)", colour: "#fd8d3c" },
  chunk: { label: "chunk bookkeeping (table rows, ids, groups)", colour: "#fdd0a2" },
  tally: { label: "tally (on the workers)", colour: "#e6550d" },
  messages: { label: "messages between threads (post, structured clone)", colour: "#de2d26" },
  merge: { label: "main thread: merging chunks, duplicate ids", colour: "#756bb1" },
  cli: { label: "main thread: CLI, config, table output", colour: "#bcbddc" },
  gc: { label: "garbage collection on the JS threads", colour: "#969696" },
  program: { label: "V8 and Node outside JS on the JS threads ((program))", colour: "#bdbdbd" },
  helpers: { label: "V8's helper threads (GC, compiler; no profile)", colour: "#636363" },
  other: { label: "other", colour: "#fee391" },
};
const OWN = [
  [/\/dist\/fast\/(_tokenizer|_reader|_boundary)\.js$/, "tokenizer"],
  [/\/dist\/fast\/(_record|_cells|_groups|_steps|_columns)\.js$|\/dist\/input\//, "checks"],
  [/\/dist\/fast\/_grade\.js$|\/dist\/(engine|rules|calendar)\//, "grading"],
  [/\/dist\/fast\/_tally\.js$|\/dist\/engine\/summary\.js$/, "tally"],
  [/\/dist\/fast\/_chunk\.js$/, "chunk"],
  [/\/dist\/fast\/(_pool|_worker)\.js$|^node:internal\/(worker|per_context\/messageport|event_target)/, "messages"],
  [/\/dist\/fast\/(_merge|_in-order|_tally-batches|index)\.js$/, "merge"],
  [/\/dist\/fast\/_rubric\.js$|^node:internal\/(modules|main|bootstrap)\//, "startup"],
  [/\/dist\/(cli|report|run|config|text)\//, "cli"],
];
const VM = { "(garbage collector)": "gc", "(program)": "program", "(idle)": "idle", postMessage: "messages", compileSourceTextModule: "startup", readSync: "reads" };

function ownPart({ functionName: name, url, lineNumber, columnNumber }, thread) {
  if (VM[name]) return VM[name];
  // A module's top level: evaluating it is loading it.
  if (url.startsWith("file:") && name === "" && lineNumber === 0 && columnNumber === 0) return "startup";
  // The id hash on a worker is a chunk's bookkeeping; on the main thread, the duplicate-id table is merging.
  if (url.endsWith("/dist/input/case-ids.js")) return thread === 0 ? "merge" : undefined;
  return OWN.find(([pattern]) => pattern.test(url))?.[1];
}

/** A thread's profile as a tree of frames with their time, each frame's part settled; idle left out. */
function readProfile(path, thread) {
  const profile = JSON.parse(readFileSync(path, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, { node, self: 0 }]));
  profile.samples.forEach((id, i) => (byId.get(id).self += profile.timeDeltas[i] ?? 0));
  const build = (id, inherited) => {
    const { node, self } = byId.get(id);
    const own = ownPart(node.callFrame, thread);
    const part = inherited === "startup" ? "startup" : (own ?? inherited);
    if (part === "idle") return undefined;
    const { functionName, url, lineNumber } = node.callFrame;
    const children = (node.children ?? []).map((child) => build(child, part)).filter(Boolean);
    const ms = self / 1000 + children.reduce((sum, child) => sum + child.ms, 0);
    const place = url ? `${url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/")}:${lineNumber + 1}` : "";
    return { name: functionName || "(anonymous)", place, part: part ?? "other", self: self / 1000, ms, children };
  };
  return build(profile.nodes[0].id, undefined);
}

function sumParts(frame, scale, into) {
  into[frame.part] = (into[frame.part] ?? 0) + frame.self * scale;
  for (const child of frame.children) sumParts(child, scale, into);
}

function scaleFrame(frame, scale) {
  return { ...frame, ms: frame.ms * scale, self: frame.self * scale, children: frame.children.map((child) => scaleFrame(child, scale)) };
}

/** The sum of the stages, from bench/stages.mjs on the same file: a chunk graded whole on one thread, then tallied. */
function stageSum() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bench/stages.mjs"), file, "--table"], { stdio: ["ignore", "pipe", "inherit"] });
    const out = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", reject);
    child.on("close", () => {
      const text = Buffer.concat(out).toString();
      const figure = (name) => Number(new RegExp(`^${name.replace(/[()]/g, "\\$&")}\\s+([\\d.]+)`, "m").exec(text)?.[1]);
      resolve({ chunk: figure("a chunk, grades only (all of it)"), tally: figure("tally a chunk") });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const loadBefore = load();
const plain = [];
for (let i = 0; i < runs; i++) plain.push(await runAudit());
const profileDir = join(SCRATCH, "profiles");
mkdirSync(profileDir);
const profiled = await runAudit(profileDir);
const stages = own.includes("--no-stages") ? undefined : await stageSum();
const loadAfter = load();

// Each JS thread's CPU (from /proc) split by its profile's samples; the rest of the process's threads are V8's helpers.
const records = profiled.records;
const parts = {};
const towers = [];
const jsTids = new Set(profiled.js.values());
for (const name of readdirSync(profileDir).sort()) {
  const thread = Number(name.split(".").at(-3));
  const cpuMs = profiled.threads.get(profiled.js.get(thread)) ?? 0;
  const root = readProfile(join(profileDir, name), thread);
  const scale = root.ms > 0 ? cpuMs / root.ms : 0;
  sumParts(root, scale, parts);
  towers.push({ label: thread === 0 ? "main thread" : `worker ${thread}`, cpuMs, root: { ...scaleFrame(root, scale), name: "(root)", part: "other" } });
}
const helperMs = [...profiled.threads].filter(([tid]) => !jsTids.has(tid)).reduce((sum, [, ms]) => sum + ms, 0);
parts.helpers = helperMs;
towers.push({ label: "V8 helper threads", cpuMs: helperMs, root: { name: "no profile: concurrent and parallel GC, optimising compiler", place: "", part: "helpers", self: helperMs, ms: helperMs, children: [] } });
// Time the last /proc sample missed (threads' last 20 ms, the process's exit).
const sampled = Object.values(parts).reduce((a, b) => a + b, 0);
parts.other = (parts.other ?? 0) + Math.max(0, profiled.cpuMs - sampled);

const us = (ms) => ((ms * 1000) / records).toFixed(2);
const cpuPlain = median(plain.map((r) => r.cpuMs));
console.log(`${relative(ROOT, file) || file}: ${records.toLocaleString("en")} records; load average ${loadBefore} before, ${loadAfter} after`);
console.log(`whole run, table output (${runs} run${runs === 1 ? "" : "s"}, median): ${(median(plain.map((r) => r.wallMs)) / 1000).toFixed(2)} s wall, ${us(cpuPlain)} µs CPU per record (user + system), peak RSS ${median(plain.map((r) => r.maxRss)).toFixed(0)} MB`);
console.log(`profiled run: ${(profiled.wallMs / 1000).toFixed(2)} s wall, ${us(profiled.cpuMs)} µs CPU per record; by part (the profiled run's CPU, each thread's split by its samples):`);
for (const [part, { label }] of Object.entries(PARTS)) {
  if (parts[part]) console.log(`  ${us(parts[part]).padStart(6)} µs  ${((100 * parts[part]) / profiled.cpuMs).toFixed(1).padStart(5)}%  ${label}`);
}
if (stages) {
  const sum = stages.chunk + stages.tally;
  console.log(`sum of the stages (bench/stages.mjs, one thread): a chunk read, checked and graded ${stages.chunk} + tallied ${stages.tally} = ${sum.toFixed(2)} µs per record`);
  // The profiled run is the one next to the stages in time: on a shared machine the load moves between them.
  const ratio = (ms) => ((ms * 1000) / records / sum).toFixed(2);
  console.log(`whole run ÷ sum of the stages: ${ratio(cpuPlain)} (the profiled run, just before the stages: ${ratio(profiled.cpuMs)})`);
}
const subtitle = `${records.toLocaleString("en")} records, ${(profiled.cpuMs / 1000).toFixed(2)} s CPU (${us(profiled.cpuMs)} µs a record) under --cpu-prof; width is CPU time, each thread's split by its samples; load average ${loadBefore}`;
mkdirSync(dirname(svgPath), { recursive: true });
writeFileSync(svgPath, flameSvg({ title: `audit score ${basename(file)}, table output: every thread`, subtitle, towers, parts: PARTS }));
console.log(`flame graph: ${relative(ROOT, svgPath)}`);
