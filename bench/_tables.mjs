// A grade table as the benchmark compares them: one entry per group with its five counts, from a
// DuckDB query's rows or from audit's JSON report.
import { closeSync, openSync, readSync, statSync } from "node:fs";

const COUNTS = ["graded", "good", "adequate", "inadequate", "invalid"];

/** The groups' names and counts, as numbers, in their order. */
export function groupCounts(groups) {
  return groups.map((group) => ({ name: group.name, ...Object.fromEntries(COUNTS.map((count) => [count, Number(group[count])])) }));
}

/** The groups of a JSON report, read from its end (`invalid` on): a report of millions of cases is too long for one string. */
export function reportGroups(path) {
  const size = statSync(path).size;
  const length = Math.min(size, 64 << 20);
  const fd = openSync(path, "r");
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  closeSync(fd);
  const text = tail.toString("utf8");
  return groupCounts(JSON.parse(`{${text.slice(text.lastIndexOf('\n  "invalid": ['))}`).summary.groups);
}

/** "yes", or "NO" with both tables' first groups that differ. */
export function tablesAgree(a, b) {
  const line = (groups) => groupCounts(groups).map((g) => `${g.name}:${COUNTS.map((c) => g[c]).join("/")}`);
  const [x, y] = [line(a), line(b)];
  if (x.join("\n") === y.join("\n")) return "yes";
  const at = x.findIndex((g, i) => g !== y[i]);
  return `NO (query ${x[at] ?? "no group"}, audit ${y[at] ?? "no group"})`;
}
