import { groupValue } from "../engine/group.js";
import { FIELDS } from "../input/fields.js";
import type { FieldReaders } from "../input/mapping.js";
import { ByteTable, fnv } from "./_cells.js";
import type { ColumnPlan } from "./_columns.js";
import { noExtra } from "./_steps.js";
import { decodeCell, unescaped, type RecordCells } from "./_tokenizer.js";

/** The group of a record as written, as value-mapped, and as validated (what runAudit groups it by). */
export interface GroupKeys {
  raw: string;
  mapped: string;
  graded: string;
}

/**
 * A record's groups, from the cell of the --group-by column: each computed by runAudit's own
 * groupValue, on objects shaped as the reference's (so that even a --group-by naming an
 * Object.prototype key groups alike), once per distinct cell text.
 */
export class Groups {
  /** The group of a record taken whole as a problem (a ragged row): nothing read from it. */
  readonly ragged: string;
  private readonly column: number;
  private readonly withoutCell: GroupKeys;
  private readonly keysOf: (text: string) => GroupKeys;
  private readonly table = new ByteTable();
  private readonly keys: GroupKeys[] = [];

  constructor(plan: ColumnPlan, groupBy: string, readers: FieldReaders, absent: unknown[]) {
    this.ragged = groupValue({}, noExtra(), groupBy);
    const field = FIELDS.findIndex((f) => f.name === groupBy && !f.private);
    this.column = plan.targets.findIndex((t) => (t.kind === "field" || t.kind === "extra") && t.name === groupBy);
    const fromValue = (value: unknown): Record<string, unknown> => (value === undefined ? {} : { [groupBy]: value });
    const graded = groupValue(fromValue(field >= 0 ? absent[field] : undefined), noExtra(), groupBy);
    this.withoutCell = { raw: this.ragged, mapped: this.ragged, graded };
    if (this.column >= 0 && plan.targets[this.column]!.kind === "extra") {
      this.keysOf = (text) => {
        const group = groupValue({}, Object.assign(noExtra(), { [groupBy]: text }), groupBy);
        return { raw: group, mapped: group, graded: group };
      };
      return;
    }
    const reader = field >= 0 ? readers.byName.get(groupBy) : undefined;
    const parse = reader ? reader.parse : () => ({ ok: false as const, reason: "" });
    const map = reader ? reader.map : (raw: string) => raw;
    this.keysOf = (text) => {
      const mapped = map(text);
      const parsed = parse(mapped);
      return {
        raw: groupValue({ [groupBy]: text }, noExtra(), groupBy),
        mapped: groupValue({ [groupBy]: mapped }, noExtra(), groupBy),
        graded: parsed.ok ? groupValue(fromValue(parsed.value), noExtra(), groupBy) : "",
      };
    };
  }

  of(buf: Uint8Array, cells: RecordCells): GroupKeys {
    const column = this.column;
    if (column < 0) return this.withoutCell;
    let bytes: Uint8Array = buf;
    let [from, to, hash] = [cells.start[column]!, cells.end[column]!, cells.hash[column]!];
    if (cells.quoted[column]) {
      bytes = unescaped(buf, from, to);
      [from, to, hash] = [0, bytes.length, fnv(bytes, 0, bytes.length)];
    }
    const entry = this.table.find(bytes, from, to, hash);
    if (entry > 0 && !this.table.added) return this.keys[entry]!;
    const keys = this.keysOf(decodeCell(bytes, from, to, 0));
    if (entry > 0) this.keys[entry] = keys;
    return keys;
  }
}
