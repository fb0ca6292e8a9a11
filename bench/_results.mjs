// bench/run.mjs's figures as Markdown: the latest run replaces the block between the marks at the top
// of BENCHMARKS.md, and is appended to its runs, below.
import { readFileSync, writeFileSync } from "node:fs";

export const LATEST_START = "<!-- latest run: bench/run.mjs writes between these marks -->";
export const LATEST_END = "<!-- end of the latest run -->";

const seconds = (s) => (s === undefined ? "" : `${s.toFixed(2)} s`);
const ratio = (r) => (r === undefined || Number.isNaN(r) ? "" : r.toFixed(2));
const SIZE_LABELS = { "100k": "100,000", "1m": "1,000,000", "5m": "5,000,000" };

/** Seconds for each size, audit beside both queries, on the clean file (every tool reads it) when it was run. */
function userTable(rows) {
  const kind = rows.some((r) => r.kind === "clean") ? "clean" : "typical";
  const lines = [
    `| records (${kind} file) | audit, table | audit, JSON report | DuckDB, fastest query (no validation) | DuckDB, validating query |`,
    "| --- | --- | --- | --- | --- |",
  ];
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const of = (name) => rows.find((r) => r.size === size && r.kind === kind && r.tool.name === name)?.seconds;
    lines.push(`| ${SIZE_LABELS[size]} | ${seconds(of("table"))} | ${seconds(of("json"))} | ${seconds(of("fast"))} | ${seconds(of("validating"))} |`);
  }
  return lines;
}

/** The user table in words: each size's ratios of audit to both queries, and the memory each took. */
function meaning(rows) {
  const kind = rows.some((r) => r.kind === "clean") ? "clean" : "typical";
  const sentences = [];
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const of = (name) => rows.find((r) => r.size === size && r.kind === kind && r.tool.name === name);
    const times = (row) => [row?.validating && `${row.validating.toFixed(2)} times the validating query's time`, row?.fast && `${row.fast.toFixed(2)} times the fastest query's`].filter(Boolean).join(" and ");
    const parts = [["table", of("table")], ["table and JSON report", of("json")]].filter(([, row]) => row && times(row)).map(([what, row]) => `audit's ${what} took ${times(row)}`);
    if (parts.length > 0) sentences.push(`${SIZE_LABELS[size]} records: ${parts.join("; ")}.`);
  }
  const peak = (match) => {
    const rss = rows.filter(match).map((r) => r.rss);
    if (rss.length === 0) return undefined;
    const [low, high] = [Math.min(...rss).toFixed(0), Math.max(...rss).toFixed(0)];
    return low === high ? `${low} MB` : `${low}-${high} MB`;
  };
  const memory = [
    ["audit", peak((r) => r.tool.name === "table" || r.tool.name === "json")],
    ["the validating query", peak((r) => r.tool.name === "validating")],
    ["the fastest query", peak((r) => r.tool.name === "fast")],
  ].filter(([, range]) => range);
  if (memory.length > 0) sentences.push(`Peak memory: ${memory.map(([who, range]) => `${who} ${range}`).join(", ")}.`);
  return sentences.length > 0 ? ["What it means for a user, in this run (ratios within each round): " + sentences.join(" ")] : [];
}

function fullTable(rows) {
  const lines = [
    "| rows | file | tool | wall (median) | peak RSS | ÷ validating query | ÷ fastest query | ÷ reference rubric |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const added = r.added === undefined ? "" : `${r.added.toFixed(2)} (target ≤ 1.5)`;
    const file = `${r.kind}, ${(r.bytes / 1e6).toFixed(0)} MB`;
    const wall = `${seconds(r.seconds)} (${r.runs} run${r.runs > 1 ? "s" : ""})`;
    lines.push(`| ${r.size} | ${file} | ${r.tool.label} | ${wall} | ${r.rss.toFixed(0)} MB | ${ratio(r.validating)} | ${ratio(r.fast)} | ${added} |`);
  }
  return lines;
}

/** The run as a Markdown section; written to `path` as the latest run and appended to the runs. */
export function writeResults(path, run) {
  const loads = [...new Set(run.loads.map((l) => l.size))]
    .map((size) => `${size} ${run.loads.filter((l) => l.size === size).map((l) => l.load.toFixed(1)).join(", ")}`)
    .join("; ");
  const body = [
    `\`${run.command}\` on ${run.machine}. One-minute load average at the start of each round of runs: ${loads}.`,
    "",
    ...userTable(run.rows),
    "",
    ...meaning(run.rows),
    "",
    ...fullTable(run.rows),
    "",
    `audit's start-up: ${run.startup.map((s) => `${s.label} ${seconds(s.seconds)} (median of ${s.runs})`).join("; ")}.`,
    "",
    `Tables agree with audit's, group by group: ${run.checks.map((c) => `${c.size} ${c.what}: ${c.agree}`).join("; ")}.`,
  ];
  const section = [`### ${run.when}${run.note ? `: ${run.note}` : ""}`, "", ...body, ""].join("\n");
  let text = readFileSync(path, "utf8");
  const start = text.indexOf(LATEST_START);
  const end = text.indexOf(LATEST_END);
  if (start >= 0 && end > start) {
    const latest = [LATEST_START, "", `Measured ${run.when}${run.note ? ` (${run.note})` : ""}.`, "", ...body, "", LATEST_END].join("\n");
    text = text.slice(0, start) + latest + text.slice(end + LATEST_END.length);
  }
  writeFileSync(path, `${text.replace(/\n*$/, "\n")}\n${section}`);
  return section;
}
