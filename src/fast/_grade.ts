import { CaseJsonWriter } from "../engine/case-json.js";
import { ruleFailureErrors } from "../engine/invalid.js";
import type { Rubric } from "../engine/rubric.js";
import { CaseScorer, type CaseResult, type RuleOutcome } from "../engine/score.js";
import type { FieldProblem } from "../input/check.js";
import type { CaseDate } from "../input/case.js";
import { FIELDS, GRADES, type Grade } from "../input/fields.js";
import { CaseView } from "../rules/case-view.js";
import { RATINGS } from "../rules/checks.js";
import type { RuleLogic } from "../rules/define-rule.js";
import { CASE, CASE_ID, INVALID, type RecordChecker } from "./_record.js";
import { HEAD, INVALID_RECORD, PROBLEM_RECORD } from "./_table.js";

/** A record that is not a graded case: its id, as far as it was read, and why. */
export interface RecordDetail {
  case_id: string | undefined;
  errors: FieldProblem[];
}

const GRADE_STATUS: Record<string, number> = Object.fromEntries(GRADES.map((grade, i) => [grade, i]));
const INSPECTOR = FIELDS.findIndex((f) => f.name === "inspector_grade");
const REPORTED = FIELDS.findIndex((f) => f.name === "reported_on");
const JSON_BUFFER_BYTES = 4 << 20;

/** Each rule's rating, as a Level (RATING_CODES orders ratings as levels do), 2 bits each. */
function packRatings(table: Int32Array, o: number, levels: Uint8Array): void {
  for (let i = 0; i < levels.length; i++) table[o + HEAD + (i >> 4)]! |= levels[i]! << ((i & 15) * 2);
}

/**
 * Grades the record a RecordChecker has just checked, as scoreCase grades a case, into its row of a
 * chunk's table; when cases are wanted, writes its result as JSON into a buffer lent to the main thread.
 */
export class CaseGrader {
  private readonly ruleIds: string[];
  private readonly scorer: CaseScorer;
  /** The record just checked, as the rules read it: its compact values, and the whole case when a rule asks. */
  private readonly view: CaseView;
  /** Each rule's outcome when rated good and n/a, and the case `caseResult` fills in. */
  private readonly quiet: Record<"good" | "n/a", RuleOutcome>[];
  private readonly outcome: CaseResult = { case_id: "", group: "", grade: "good", reported_on: "", rules: [] };
  /**
   * Sized so that a chunk's JSON (about 2 MB for a 512 KB job) never outgrows it: pages never written are
   * not resident. Growing it freed a large block at the first chunk, which made glibc's malloc serve every
   * later block below that size from its arenas instead of mmap, where freed memory stays: at 5M rows of
   * JSON, peak RSS 251 MB starting at 1 MB, 241-243 MB starting at 4 MB.
   */
  private readonly json = new CaseJsonWriter(Buffer.allocUnsafeSlow(JSON_BUFFER_BYTES));
  /** JSON buffers the main thread has finished with (see `recycle`). */
  private readonly spare: Buffer[] = [];

  constructor(
    rubric: Rubric<RuleLogic>,
    private readonly checker: RecordChecker,
    private readonly wantCases: boolean,
  ) {
    this.ruleIds = rubric.rules.map(({ rule }) => rule.id);
    this.scorer = new CaseScorer(rubric);
    this.view = new CaseView(checker.num, () => checker.caseRecord(), (at) => checker.valueOf(at));
    this.quiet = this.ruleIds.map((id) => ({ good: { id, rating: "good", findings: [] }, "n/a": { id, rating: "n/a", findings: [] } }));
  }

  /** Before a chunk's first record: its JSON starts afresh. */
  startChunk(): void {
    this.json.reset(this.json.buf);
  }

  /** Grades or lists the checked record; its status word, with the rest of its row filled in. */
  grade(table: Int32Array, o: number, details: RecordDetail[], caseIds: string[] | undefined): number {
    const { checker } = this;
    if (checker.kind !== CASE) {
      details.push({ case_id: checker.caseId, errors: checker.problems });
      return checker.kind === INVALID ? INVALID_RECORD : PROBLEM_RECORD;
    }
    const { scorer } = this;
    // The case_id is decoded only where it is written out: a table needs none (1M rows: 1 µs a record).
    // A rule that fails leaves the case ungraded, listed as invalid, as runAudit lists it.
    if (!scorer.rate(this.view, this.wantCases)) {
      details.push({ case_id: checker.valueOf(CASE_ID) as string, errors: ruleFailureErrors(scorer.failures) });
      return INVALID_RECORD;
    }
    const grade = scorer.grade();
    packRatings(table, o, scorer.levels);
    const inspector = checker.valueOf(INSPECTOR) as Grade | undefined;
    caseIds?.push(checker.valueOf(CASE_ID) as string);
    if (this.wantCases) table[o + 7] = this.json.write(this.caseResult(grade, inspector));
    return GRADE_STATUS[grade]! | (inspector === undefined ? 0 : (GRADE_STATUS[inspector]! + 1) << 16);
  }

  /** Whether the chunk's JSON is all ASCII, so that byte offsets are string offsets. */
  get jsonAscii(): boolean {
    return this.json.ascii;
  }

  /**
   * The chunk's JSON, in the buffer it was written to, which goes with the result (moved to the main
   * thread, not copied); writing goes on in a spare one. Buffers come back through `recycle`, so that
   * neither thread allocates 700 MB of them for a million cases, nor collects them.
   */
  giveJson(): Uint8Array {
    const { buf, length } = this.json;
    if (length === 0) return new Uint8Array(0);
    this.json.reset(this.spare.pop() ?? Buffer.allocUnsafeSlow(buf.length));
    return new Uint8Array(buf.buffer, buf.byteOffset, length);
  }

  /**
   * A chunk's JSON the main thread has written: its buffer is used again. None is dropped: there are never
   * more than the chunks in flight at once, and freeing one would raise glibc's mmap threshold (see `json`).
   */
  recycle(json: Uint8Array): void {
    if (json.buffer.byteLength > 0) this.spare.push(Buffer.from(json.buffer, 0, json.buffer.byteLength));
  }

  /** The case as scoreCase scores it, from the scorer's last ratings. Reuses one object: the writer is done with it on return. */
  private caseResult(grade: Grade, inspector: Grade | undefined): CaseResult {
    const { checker, outcome, scorer } = this;
    for (let i = 0; i < this.ruleIds.length; i++) {
      const rating = RATINGS[scorer.levels[i]!]!;
      outcome.rules[i] = rating === "good" || rating === "n/a" ? this.quiet[i]![rating] : { id: this.ruleIds[i]!, rating, findings: scorer.findings[i]! };
    }
    outcome.case_id = checker.valueOf(CASE_ID) as string;
    outcome.group = checker.group;
    outcome.grade = grade;
    outcome.reported_on = (checker.valueOf(REPORTED) as CaseDate).text;
    outcome.inspector_grade = inspector;
    return outcome;
  }
}
