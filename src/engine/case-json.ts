import { GRADES, type Grade } from "../input/fields.js";
import type { Finding } from "../rules/define-rule.js";
import type { CaseResult, RuleOutcome } from "./score.js";

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1");
const isAscii = (text: string): boolean => Buffer.byteLength(text) === text.length;

const CASE_ID = ascii('{"case_id":');
const GROUP = ascii(',"group":');
const GRADE = ascii(',"grade":');
const REPORTED_ON = ascii(',"reported_on":');
const RULES = ascii(',"rules":[');
const INSPECTOR = ascii('],"inspector_grade":');
const ID = ascii('{"id":');
const RATING = ascii(',"rating":');
const FINDINGS = ascii(',"findings":[');
const CLOSE_LIST = ascii("]}");
const COMMA = 0x2c;
const QUOTE = 0x22;
const BRACE = 0x7d;
const BRACKET = 0x5d;

/** Strings that recur (rule ids, ratings, codes, field names, groups) as quoted JSON, when that is ASCII. */
const KNOWN = new Map<string, Uint8Array>();
/**
 * A finding's JSON for its code and fields (a code may come with more than one list of fields): the
 * bytes before its message and after it, and the whole of it with the first message seen (a rule's
 * fixed messages are that one string).
 */
interface FindingPieces {
  fields: readonly string[];
  open: Uint8Array;
  close: Uint8Array;
  message?: string;
  whole?: Uint8Array;
}
const FINDINGS_BY_CODE = new Map<string, FindingPieces[]>();
let findingsKnown = 0;
/** `,"group":G,"grade":X,"reported_on":` by group, and by grade as GRADES orders them. */
const HEADS = new Map<string, Uint8Array[]>();
/** A rule's outcome with no findings, by rule id and rating: most outcomes are one of these. */
const EMPTY = new Map<string, Map<string, Uint8Array>>();
const MAX_KNOWN = 4096;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes cases as `JSON.stringify(result)` would, in UTF-8, straight into a buffer: a large run's
 * JSON report is mostly this text, and building it as strings, then encoding them, took a worker
 * about a seventh of its time (1M rows, profiled). Recurring pieces (a group's head, a rule's outcome
 * with no findings, a finding with its code's first message) are copied as bytes encoded once; other
 * strings are written a character at a time while they need no escape, else through JSON.stringify.
 * test/engine/case-json.test.ts holds the bytes equal to JSON.stringify's.
 */
export class CaseJsonWriter {
  /** The bytes written are buf[0, length). */
  length = 0;
  /** Whether every byte written is ASCII, so that byte offsets are string offsets. */
  ascii = true;

  constructor(public buf: Buffer) {}

  /** Starts again in `buf`. */
  reset(buf: Buffer): void {
    this.buf = buf;
    this.length = 0;
    this.ascii = true;
  }

  /** Appends one case; returns its length in bytes. */
  write(result: CaseResult): number {
    const start = this.length;
    this.bytes(CASE_ID);
    this.string(result.case_id);
    this.head(result.group, result.grade);
    this.string(result.reported_on);
    this.bytes(RULES);
    const { rules } = result;
    for (let i = 0; i < rules.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.outcome(rules[i]!);
    }
    if (result.inspector_grade === undefined) this.byte(BRACKET);
    else {
      this.bytes(INSPECTOR);
      this.known(result.inspector_grade);
    }
    this.byte(BRACE);
    return this.length - start;
  }

  private head(group: string, grade: Grade): void {
    let heads = HEADS.get(group);
    if (heads === undefined && HEADS.size < MAX_KNOWN) {
      const json = GRADES.map((x) => `,"group":${JSON.stringify(group)},"grade":${JSON.stringify(x)},"reported_on":`);
      if (isAscii(json[0]!)) HEADS.set(group, (heads = json.map(ascii)));
    }
    if (heads !== undefined) return this.bytes(heads[GRADES.indexOf(grade)]!);
    this.bytes(GROUP);
    this.known(group);
    this.bytes(GRADE);
    this.known(grade);
    this.bytes(REPORTED_ON);
  }

  private outcome({ id, rating, findings }: RuleOutcome): void {
    if (findings.length === 0) {
      const empty = EMPTY.get(id)?.get(rating);
      if (empty) return this.bytes(empty);
      const json = `{"id":${JSON.stringify(id)},"rating":${JSON.stringify(rating)},"findings":[]}`;
      if (EMPTY.size < MAX_KNOWN && isAscii(json)) {
        let byRating = EMPTY.get(id);
        if (!byRating) EMPTY.set(id, (byRating = new Map()));
        byRating.set(rating, ascii(json));
      }
      return this.utf8(json);
    }
    this.bytes(ID);
    this.known(id);
    this.bytes(RATING);
    this.known(rating);
    this.bytes(FINDINGS);
    for (let i = 0; i < findings.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.finding(findings[i]!);
    }
    this.bytes(CLOSE_LIST);
  }

  private finding({ code, message, fields }: Finding): void {
    const known = FINDINGS_BY_CODE.get(code);
    let pieces: FindingPieces | undefined;
    for (let i = 0; known !== undefined && i < known.length && pieces === undefined; i++) if (sameList(known[i]!.fields, fields)) pieces = known[i];
    if (pieces === undefined) {
      const list = fields.map((field) => JSON.stringify(field)).join(",");
      const open = `{"code":${JSON.stringify(code)},"message":`;
      const close = `,"fields":[${list}]}`;
      if (!isAscii(open) || !isAscii(close) || findingsKnown >= MAX_KNOWN) return this.utf8(JSON.stringify({ code, message, fields }));
      pieces = { fields: [...fields], open: ascii(open), close: ascii(close) };
      findingsKnown++;
      if (known) known.push(pieces);
      else FINDINGS_BY_CODE.set(code, [pieces]);
    }
    if (message === pieces.message) return this.bytes(pieces.whole!);
    const from = this.length;
    this.bytes(pieces.open);
    this.string(message);
    this.bytes(pieces.close);
    // Only an ASCII message is kept whole: its bytes are copied later without a check.
    if (pieces.message === undefined && isAscii(message)) {
      pieces.message = message;
      pieces.whole = Buffer.from(this.buf.subarray(from, this.length));
    }
  }

  /** A string that recurs: its JSON bytes, encoded once. */
  private known(text: string): void {
    const bytes = KNOWN.get(text);
    if (bytes) return this.bytes(bytes);
    const json = JSON.stringify(text);
    if (KNOWN.size < MAX_KNOWN && isAscii(json)) KNOWN.set(text, ascii(json));
    this.utf8(json);
  }

  /** Any string, a character at a time while none needs escaping or is beyond ASCII. */
  private string(text: string): void {
    const n = text.length;
    this.ensure(n + 2);
    const { buf } = this;
    let at = this.length;
    buf[at++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === 0x5c) return this.utf8(JSON.stringify(text));
      buf[at++] = c;
    }
    buf[at++] = QUOTE;
    this.length = at;
  }

  private utf8(json: string): void {
    this.ensure(json.length * 3);
    const written = this.buf.write(json, this.length, "utf8");
    if (written !== json.length) this.ascii = false;
    this.length += written;
  }

  private bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.ensure(n);
    const { buf } = this;
    const at = this.length;
    if (n > 16) buf.set(bytes, at);
    else for (let i = 0; i < n; i++) buf[at + i] = bytes[i]!;
    this.length = at + n;
  }

  private byte(byte: number): void {
    this.ensure(1);
    this.buf[this.length++] = byte;
  }

  private ensure(more: number): void {
    if (this.length + more <= this.buf.length) return;
    const wider = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + more));
    this.buf.copy(wider, 0, 0, this.length);
    this.buf = wider;
  }
}
