import { analyse } from "../engine/analysis.js";
import type { CaseFrame, Reporter } from "./types.js";

/** U+2028 and U+2029 are valid inside JSON strings but some line readers split on them. */
const LINE_SEPARATORS = /[\u2028\u2029]/g;

function escaped(text: string): string {
  return `${text.replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}\n`;
}

function line(type: "case" | "invalid" | "summary" | "error", value: object): string {
  return escaped(JSON.stringify({ type, ...value }));
}

/**
 * One JSON object per line, `type` first: a `case` line per graded case and an
 * `invalid` line per invalid record as each comes, then one `summary` line.
 * Cases and invalid records have the shapes of the JSON report's `cases` and `invalid`, and the summary
 * line that of its `summary` (suppressed under --suppress-below, like the JSON report's).
 */
export function ndjsonReporter(options: { suppressBelow?: number } = {}): Reporter {
  const frame: CaseFrame = { before: Buffer.from('{"type":"case",'), from: 0, after: Buffer.from("\n") };
  // The first E2 byte at or after `from` in the bytes last given (bytes once given are not changed): a
  // chunk's cases come in order, so each E2 is looked for once, not each case's bytes (nor a view of them)
  // once per case.
  let scanned: Uint8Array | undefined;
  let from = 0;
  let nextE2 = -1;
  const hasE2 = (json: Uint8Array, start: number, end: number): boolean => {
    if (json !== scanned || start < from || (nextE2 !== -1 && nextE2 < start)) {
      scanned = json;
      from = start;
      nextE2 = json.indexOf(0xe2, start);
    }
    return nextE2 !== -1 && nextE2 < end;
  };
  return {
    case: (result) => line("case", result),
    caseJson: (json) => escaped(`{"type":"case",${json.slice(1)}`),
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8: a case with an E2 byte goes as text, to be escaped.
    caseFrame(json, start, end) {
      if (hasE2(json, start, end)) return undefined;
      frame.from = start + 1;
      return frame;
    },
    invalid: (record) => line("invalid", record),
    end: (summary, meta) => line("summary", analyse(summary, { ...options, strategy: meta.rubric.strategy.name }).summary),
    // In place of the summary line: the run stopped part-way, and why.
    stopped: (message) => line("error", { message }),
  };
}
