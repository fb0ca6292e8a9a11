import type { ScoredInvalid } from "../engine/invalid.js";
import type { Rubric } from "../engine/rubric.js";
import type { CaseResult } from "../engine/score.js";
import type { Summary } from "../engine/summary.js";

export interface ReportMeta {
  toolVersion: string;
  input: { name: string; format: string };
  groupBy: string;
  rubric: Rubric;
  /** SHA-256 of the input's bytes, in hex, when the run took it (by the end of the run). */
  inputSha256?: string;
}

/** The longest title, period or publisher: a line, not a page. */
export const LABEL_MAX = 300;

/** What the HTML report says of itself: its title, the period its cases cover, who publishes it. */
export interface ReportLabels {
  title?: string;
  period?: string;
  publisher?: string;
}

/**
 * A reporter turns run data into text, piece by piece, so that a large run is
 * written as it goes. It does no I/O: the CLI writes what it returns.
 */
/** What goes around a case's bytes, as bytes (UTF-8): writing them makes no strings nor views. */
export interface CaseFrame {
  before: Uint8Array;
  from: number;
  after: Uint8Array;
}

export interface Reporter {
  start?(meta: ReportMeta): string;
  case?(result: CaseResult): string;
  /** The same case, given as `JSON.stringify(result)` text: lets a large run skip a parse and a stringify per case. */
  caseJson?(json: string): string;
  /**
   * The same case as UTF-8 bytes, `json[start, end)`, for a run that never decodes them: what to
   * write before the bytes from `from` on, and after them. Undefined: take the text (caseJson).
   * The frame may be one object the reporter fills in again at its next call: a million cases
   * make no garbage.
   */
  caseFrame?(json: Uint8Array, start: number, end: number): CaseFrame | undefined;
  invalid?(record: ScoredInvalid): string;
  end(summary: Summary, meta: ReportMeta): string;
  /** The report shows the input's SHA-256: the run takes it (`meta.inputSha256` at `end`). */
  showsInputDigest?: boolean;
  /**
   * What ends a report that streams (after `start`) when the run stops part-way: what was written
   * and this make one whole document that says the report is incomplete and why. A reporter that
   * writes nothing before `end` has none.
   */
  stopped?(message: string): string;
}
