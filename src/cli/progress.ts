import type { Writable } from "node:stream";

export interface ProgressOptions {
  /** Where to draw: stderr. Nothing is drawn unless it is a terminal. */
  stream: Writable & { isTTY?: boolean; columns?: number };
  /** The input's size in bytes; unknown for a pipe, which then gets a count and a rate. */
  total?: number;
  quiet?: boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Only a run still going after this long shows progress. */
  delayMs?: number;
  /** The shortest time between two redraws. */
  intervalMs?: number;
}

export interface ProgressPoint {
  /** Bytes read so far, when known. */
  bytes?: number;
  /** Records read so far: cases and invalid records. */
  records: number;
}

const BAR_WIDTH = 24;

function count(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return String(Math.round(n));
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.ceil(seconds));
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * One line of progress on a terminal, redrawn in place: a bar of bytes read against the
 * input's size, records a second and time left; for input of unknown size, the count and
 * the rate. It appears only once a run has lasted `delayMs`, and `done` wipes it.
 */
export class ProgressBar {
  private readonly active: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {
    this.active = Boolean(options.stream.isTTY) && !options.quiet;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  update(point: ProgressPoint): void {
    if (!this.active) return;
    const now = this.now();
    if (now - this.started < (this.options.delayMs ?? 1000) || now - this.drawnAt < (this.options.intervalMs ?? 100)) return;
    this.drawnAt = now;
    const line = this.render(point, (now - this.started) / 1000);
    const width = Math.max(20, (this.options.stream.columns ?? 80) - 1);
    this.options.stream.write(`\r${line.slice(0, width)}\x1b[K`);
    this.drawn = true;
  }

  /** The line for a point reached after `seconds`. */
  render(point: ProgressPoint, seconds: number): string {
    const rate = seconds > 0 ? point.records / seconds : 0;
    const { total } = this.options;
    if (total === undefined || total <= 0 || point.bytes === undefined) return `${count(point.records)} records  ${count(rate)} records/s`;
    const share = Math.min(1, point.bytes / total);
    const filled = Math.round(share * BAR_WIDTH);
    const left = share > 0 ? (seconds * (1 - share)) / share : Infinity;
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    const percent = `${Math.floor(share * 100)}%`.padStart(4);
    return `${bar} ${percent}  ${megabytes(point.bytes)} of ${megabytes(total)}  ${count(rate)} records/s  ${duration(left)} left`;
  }

  /** Clears the line, if one was drawn, so that what follows starts clean. */
  done(): void {
    if (this.drawn) this.options.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}
