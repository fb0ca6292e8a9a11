// How the HTML drill-down (`--html-cases`) behaves with many cases, in Chromium: the file's size, the time
// from navigation to the first page of cases drawn, and the time a filter or a search keystroke takes.
// Usage: npm run build && node bench/html-cases.mjs [rows=100000] [runs=5]
/* global document, performance, Event -- the functions given to page.evaluate run in the browser */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
const work = mkdtempSync(join(tmpdir(), "audit-bench-html-"));
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** A control set and its event fired, timed in the page from the event to the list redrawn (the handlers run synchronously). */
const timed = (page, id, value, type) =>
  page.evaluate(
    ([id, value, type]) => {
      const control = document.getElementById(id);
      control.value = value;
      const start = performance.now();
      control.dispatchEvent(new Event(type));
      return performance.now() - start;
    },
    [id, value, type],
  );

function node(args) {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(" ")}: exit ${run.status}: ${run.stderr.trim()}`);
}

try {
  const csv = join(work, "cases.csv");
  const html = join(work, "cases.html");
  node([join(ROOT, "bench", "generate.mjs"), String(rows), csv]);
  node([join(ROOT, "bin", "audit.js"), "score", csv, "-f", `html-cases=${html}`, "-q"]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const figures = { load: [], drawn: [], filter: [], search: [] };
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const start = Date.now();
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    figures.load.push(Date.now() - start);
    await page.waitForFunction(() => document.getElementById("case-status")?.textContent !== "");
    figures.drawn.push(Date.now() - start);
    figures.filter.push(await timed(page, "case-grade", "2", "change"));
    figures.search.push(await timed(page, "case-search", "7", "input"));
    await page.close();
  }
  await browser.close();
  const size = (statSync(html).size / 1e6).toFixed(1);
  console.log(`${rows} rows: file ${size} MB; median of ${runs} in Chromium: loaded ${median(figures.load)} ms, first page drawn ${median(figures.drawn)} ms, ` +
    `a filter ${median(figures.filter).toFixed(0)} ms, a search keystroke ${median(figures.search).toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
