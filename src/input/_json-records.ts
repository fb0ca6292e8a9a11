/**
 * The records of a JSON document as its bytes come: the elements of its top-level array, or of the
 * `cases` array of its top-level object, each cut out whole and handed over as its own text for
 * JSON.parse, so that one record at a time is held. Everything else is scanned and let go.
 */

/** Why the document cannot be read, and the line and column (1-based, in bytes) of the byte at fault. */
export class JsonShapeError extends Error {
  constructor(
    /** `empty`: nothing but white space; `syntax`: not JSON; `shape`: JSON, but no array of records; `too-long`: a key, or a document that is no array, over the limit. */
    readonly reason: "empty" | "syntax" | "shape" | "too-long",
    readonly line: number,
    readonly column: number,
  ) {
    super(reason);
  }
}

export interface RecordText {
  index: number;
  /** Undefined for a record over the limit, which is scanned to its end but not kept. */
  text: string | undefined;
  /** Where the record starts, for a JSON.parse error inside it. */
  line: number;
  column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LF = 0x0a;
const OPEN = new Set([0x5b, 0x7b]);
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d];
const isSpace = (byte: number) => byte === 0x20 || byte === LF || byte === 0x0d || byte === 0x09;

type State =
  | "start" // before the document
  | "top" // a document that is not an array or object, read whole to say which it is
  | "element-or-end" // after `[`
  | "element" // after `,` in the array
  | "in-element" // inside an element, kept
  | "key-or-end" // after `{` of the wrapper
  | "key" // after `,` in the wrapper
  | "in-key"
  | "colon"
  | "value" // after `:` in the wrapper
  | "in-skipped" // inside a wrapper value that is not the cases
  | "after-element" // after an element and white space
  | "after-value" // after a wrapper value (the cases array's `]`, or one skipped, and white space)
  | "trailing"; // after the document

export class JsonRecordSplitter {
  private state: State = "start";
  private wrapper = false;
  private found = false;
  private index = 0;
  // Where the bytes are.
  private position = 0;
  private line = 1;
  private lineStart = 0;
  // Inside a value: its depth, and whether in a string, after a backslash.
  private depth = 0;
  private inString = false;
  private escaped = false;
  // The bytes of the value being kept: parts of earlier chunks, and where it starts in this one.
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private keptFrom = -1;
  /** The value being kept passed the limit: it is scanned to its end, and none of it kept. */
  private over = false;
  private startLine = 0;
  private startColumn = 0;

  constructor(private readonly maxRecordBytes: number) {}

  /** The records that end in this chunk. */
  feed(chunk: Buffer): RecordText[] {
    const records: RecordText[] = [];
    const base = this.position;
    if (this.keptFrom >= 0) this.keptFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === LF) {
        this.line++;
        this.lineStart = base + i + 1;
      }
      switch (this.state) {
        case "start":
          if (i === 0 && base === 0 && byte === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i += 2;
          else if (byte === OPEN_ARRAY) this.state = "element-or-end";
          else if (byte === OPEN_OBJECT) [this.state, this.wrapper] = ["key-or-end", true];
          else if (!isSpace(byte)) this.begin(chunk, i, base, "top");
          break;
        case "element-or-end":
        case "element":
          if (isSpace(byte)) break;
          if (byte === CLOSE_ARRAY && this.state === "element-or-end") this.closeArray();
          else if (byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT || byte === COLON) throw this.fault(base + i);
          else this.begin(chunk, i, base, "in-element");
          break;
        case "key-or-end":
        case "key":
          if (isSpace(byte)) break;
          if (byte === CLOSE_OBJECT && this.state === "key-or-end") this.state = "trailing";
          else if (byte === QUOTE) this.begin(chunk, i, base, "in-key");
          else throw this.fault(base + i);
          break;
        case "colon":
          if (byte === COLON) this.state = "value";
          else if (!isSpace(byte)) throw this.fault(base + i);
          break;
        case "value":
          if (isSpace(byte)) break;
          if (this.found || this.key !== "cases") {
            [this.state, this.depth, this.inString] = ["in-skipped", 0, false];
            i--;
          } else if (byte === OPEN_ARRAY) [this.state, this.found] = ["element-or-end", true];
          else throw new JsonShapeError("shape", this.line, base + i - this.lineStart + 1);
          break;
        case "after-element":
          if (byte === COMMA) this.state = "element";
          else if (byte === CLOSE_ARRAY) this.closeArray();
          else if (!isSpace(byte)) throw this.fault(base + i);
          break;
        case "after-value":
          if (byte === COMMA) this.state = "key";
          else if (byte === CLOSE_OBJECT) this.state = "trailing";
          else if (!isSpace(byte)) throw this.fault(base + i);
          break;
        case "trailing":
          if (!isSpace(byte)) throw this.fault(base + i);
          break;
        case "in-key":
          if (this.scan(byte) === "string-end") {
            const key = this.take(chunk, i + 1);
            if (!key) throw new JsonShapeError("too-long", this.startLine, this.startColumn);
            this.key = parseKey(key);
            this.state = "colon";
          }
          break;
        case "top":
          this.scan(byte);
          break;
        case "in-element":
        case "in-skipped": {
          const ended = this.scan(byte);
          if (ended !== "value-end") break;
          if (this.state === "in-element") {
            records.push({ index: this.index++, text: this.take(chunk, i)?.toString("utf8"), line: this.startLine, column: this.startColumn });
            if (byte === CLOSE_ARRAY) this.closeArray();
            else if (byte === COMMA) this.state = "element";
            else if (isSpace(byte)) this.state = "after-element";
            else throw this.fault(base + i);
          } else if (byte === COMMA) this.state = "key";
          else if (byte === CLOSE_OBJECT) this.state = "trailing";
          else if (isSpace(byte)) this.state = "after-value";
          else throw this.fault(base + i);
          break;
        }
      }
    }
    this.position = base + chunk.length;
    if (this.keptFrom >= 0 && !this.over) {
      const part = chunk.subarray(this.keptFrom);
      this.keptBytes += part.length;
      this.kept.push(part);
      if (this.keptBytes > this.maxRecordBytes) {
        if (this.state !== "in-element") throw new JsonShapeError("too-long", this.startLine, this.startColumn);
        [this.over, this.kept] = [true, []];
      }
    }
    return records;
  }

  /** The end of the input: throws unless the document was whole. */
  end(): void {
    if (this.state === "top") {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.concat(this.kept).toString("utf8"));
      } catch {
        throw this.fault(this.position);
      }
      throw new JsonShapeError(value === undefined ? "syntax" : "shape", this.startLine, this.startColumn);
    }
    if (this.state === "start") throw new JsonShapeError("empty", 1, 1);
    if (this.state !== "trailing") throw this.fault(this.position);
    if (this.wrapper && !this.found) throw new JsonShapeError("shape", 1, 1);
  }

  private key: string | undefined;

  /** A byte of a value (or key) being read: whether it ends a string, or the value (a byte after it at depth 0, white space included). */
  private scan(byte: number): "string-end" | "value-end" | undefined {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) {
        this.inString = false;
        return "string-end";
      }
      return undefined;
    }
    if (byte === QUOTE) this.inString = true;
    else if (OPEN.has(byte)) this.depth++;
    else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      if (this.depth === 0) return "value-end";
      this.depth--;
    } else if (this.depth === 0 && (byte === COMMA || byte === COLON || isSpace(byte))) return "value-end";
    return undefined;
  }

  /** Starts keeping a value at chunk[i]. */
  private begin(chunk: Buffer, i: number, base: number, state: State): void {
    this.state = state;
    [this.depth, this.inString, this.escaped] = [0, false, false];
    this.kept = [];
    this.keptBytes = 0;
    this.keptFrom = i;
    this.over = false;
    [this.startLine, this.startColumn] = [this.line, base + i - this.lineStart + 1];
    // The value's first byte is read by scan, as every later one is.
    if (state === "in-key") this.inString = true;
    else this.scan(chunk[i]!);
  }

  /** The value kept, up to chunk[end] (not included); undefined if it is over the limit. */
  private take(chunk: Buffer, end: number): Buffer | undefined {
    const last = chunk.subarray(this.keptFrom, end);
    const over = this.over || this.keptBytes + last.length > this.maxRecordBytes;
    [this.keptFrom, this.over] = [-1, false];
    if (over) return undefined;
    return this.kept.length === 0 ? last : Buffer.concat([...this.kept, last]);
  }

  private closeArray(): void {
    this.state = this.wrapper ? "after-value" : "trailing";
  }

  private fault(at: number): JsonShapeError {
    return new JsonShapeError("syntax", this.line, Math.max(1, at - this.lineStart + 1));
  }
}

function parseKey(key: Buffer): string | undefined {
  try {
    return JSON.parse(key.toString("utf8")) as string;
  } catch {
    return undefined;
  }
}
