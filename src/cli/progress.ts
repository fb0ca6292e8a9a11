import type { Writable } from "node:stream";
import { terminalText } from "../text/terminal.js";

export interface ProgressState {
  cases: number;
  bytes: number;
  /** The input's size, when known (a file, not a pipe). */
  total?: number;
  /** Time since the records began to be read: rates and time left count from then. */
  elapsedMs: number;
  /** The fast path's first pass over the file, which reads case_ids only: a bar, no cases. */
  firstPass?: boolean;
  /** Stdin being copied to a temporary file before its records are read: bytes and a rate. */
  spooling?: boolean;
  /** Whether the rate has settled enough for a time left to mean something (see Progress). */
  settled?: boolean;
}

const BAR_WIDTH = 24;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
}

function rate(cases: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (cases * 1000) / elapsedMs : 0;
  return perSecond >= 10_000 ? `${Math.round(perSecond / 1000)}k cases/s` : `${Math.round(perSecond)} cases/s`;
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

/** One line of progress: a bar with bytes read of the total and time left, or a count and rate for a pipe. */
export function progressLine({ cases, bytes, total, elapsedMs, firstPass, spooling, settled }: ProgressState): string {
  if (spooling) return `${megabytes(bytes)} read from stdin · ${megabytes(elapsedMs > 0 ? (bytes * 1000) / elapsedMs : 0)}/s`;
  const count = `${cases.toLocaleString("en-GB")} cases`;
  if (!total) return `${count} · ${rate(cases, elapsedMs)}`;
  const done = Math.min(bytes / total, 1);
  const filled = Math.round(done * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
  const percent = `${Math.floor(done * 100)}%`.padStart(4);
  const read = `${bar} ${percent} ${megabytes(bytes)} of ${megabytes(total)}`;
  if (firstPass) return `${read} · checking for repeated case ids (a first, quicker pass over the file)`;
  const left = settled && bytes > 0 ? `${duration((elapsedMs * Math.max(0, total - bytes)) / bytes)} left` : "estimating the time left";
  return `${read} · ${count} · ${rate(cases, elapsedMs)} · ${left}`;
}

/** Rates over two windows of this long that agree within a quarter: the time left is worth showing. */
const WINDOW_MS = 1000;
const AGREE = 0.25;

/**
 * A progress line on a terminal's stderr, redrawn at most every `intervalMs`,
 * shown only once a run has lasted `delayMs`, and erased when the run ends.
 * The time left is shown only once the rate has settled: the first seconds of a
 * run (workers starting, caches cold) once put 7m34s on a run of 50 s.
 */
export class Progress {
  private shown = false;
  private lastDraw = 0;
  private readonly start: number;
  /** When the work before any case (stdin copied, the fast path's first pass) was last heard of: rates and time left count from then. */
  private before: number | undefined;
  /** The bytes read at the start of the current rate window, and the rate of the window before it. */
  private window: { time: number; bytes: number } | undefined;
  private lastRate: number | undefined;
  private settled = false;

  constructor(
    private readonly stream: Writable,
    private readonly now: () => number = Date.now,
    private readonly delayMs = 1000,
    private readonly intervalMs = 100,
  ) {
    this.start = now();
  }

  update(state: Omit<ProgressState, "elapsedMs">): void {
    const time = this.now();
    if (state.firstPass || state.spooling) {
      this.before = time;
      this.window = undefined;
    } else this.watchRate(time, state.bytes);
    if (time - this.start < this.delayMs || time - this.lastDraw < this.intervalMs) return;
    this.lastDraw = time;
    this.shown = true;
    // Stdin copied counts from the start; cases from the end of the work before them.
    const since = state.spooling ? this.start : (this.before ?? this.start);
    this.stream.write(`\r\u001b[2K${progressLine({ ...state, elapsedMs: time - since, settled: this.settled })}`);
  }

  /** Settles once two whole windows in a row read at rates within a quarter of each other. */
  private watchRate(time: number, bytes: number): void {
    if (this.settled) return;
    if (!this.window) {
      this.window = { time, bytes };
      return;
    }
    if (time - this.window.time < WINDOW_MS) return;
    const rate = (bytes - this.window.bytes) / (time - this.window.time);
    if (this.lastRate !== undefined && rate > 0 && Math.abs(rate - this.lastRate) <= AGREE * Math.max(rate, this.lastRate)) this.settled = true;
    this.lastRate = rate;
    this.window = { time, bytes };
  }

  finish(): void {
    if (this.shown) this.stream.write("\r\u001b[2K");
    this.shown = false;
  }
}

/** Writes a line to stderr, shown as `terminalText` shows it, erasing the progress line (if any) first. */
export function stderrLog(stderr: Writable, progress: Progress | undefined): (line: string) => void {
  return (line) => {
    progress?.finish();
    stderr.write(`${terminalText(line)}\n`);
  };
}
