import type { ScoredInvalid } from "../engine/invalid.js";
import { element, htmlTable, section } from "./_html.js";

/** How many invalid records the HTML report lists by location; the rest are counted. */
export const INVALID_LISTED = 100;

type Listed = Pick<ScoredInvalid, "line" | "index" | "case_id" | "field" | "reason">;

/**
 * A problem without the values it quotes, so that problems of one kind are counted together and no
 * value from the data is repeated: `not a date: day 30 in "2015-02-30"` → `not a date: day # in "…"`.
 */
export const problemKind = (reason: string): string =>
  reason.replace(/"(?:[^"\\]|\\.)*"|\d+/g, (token) => (!token.startsWith('"') ? "#" : token.length > 3 ? '"…"' : token));

/** The invalid records of a run, counted by field and by kind of problem as they come, the first few kept. */
export class InvalidTally {
  records = 0;
  private readonly fields = new Map<string, number>();
  private readonly kinds = new Map<string, { field: string; kind: string; count: number }>();
  readonly first: Listed[] = [];

  add(record: Pick<ScoredInvalid, "line" | "index" | "case_id" | "field" | "reason" | "errors">): void {
    this.records++;
    if (this.first.length < INVALID_LISTED) {
      const { line, index, case_id, field, reason } = record;
      this.first.push({ line, index, case_id, field, reason });
    }
    for (const { field, reason } of record.errors.length ? record.errors : [record]) {
      this.fields.set(field, (this.fields.get(field) ?? 0) + 1);
      const kind = problemKind(reason);
      const key = `${field}\u0000${kind}`;
      const entry = this.kinds.get(key) ?? { field, kind, count: 0 };
      entry.count++;
      this.kinds.set(key, entry);
    }
  }

  /** Fields by problems found in them, most first. */
  byField(): [string, number][] {
    return [...this.fields].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, "en"));
  }

  byKind(): { field: string; kind: string; count: number }[] {
    return [...this.kinds.values()].sort((a, b) => b.count - a.count || a.field.localeCompare(b.field, "en") || a.kind.localeCompare(b.kind, "en"));
  }
}

export interface InvalidShown {
  /** Counts by field and problem are withheld: small counts that suppression would hide. */
  suppressed: boolean;
  /** Locations (and case ids) are not listed: the run was redacted or suppressed. */
  listWithheld: boolean;
}

const where = (record: Listed) => (record.line !== undefined ? `line ${record.line}` : record.index !== undefined ? `item ${record.index}` : "");

/** The invalid records section: counts by field and by problem, and where the first ones are. */
export function invalidSection(tally: InvalidTally, shown: InvalidShown): string {
  const parts: string[] = [];
  if (tally.records === 0) return section("invalid", "Invalid records", [element("p", "Every record read was valid.")]);
  parts.push(
    element(
      "p",
      "An invalid record could not be graded: it is counted in the Invalid column of the grade table and left out of every share. " +
        "A record can have more than one problem, so the problems can outnumber the records.",
    ),
  );
  if (shown.suppressed) {
    parts.push(element("p", "Counts of invalid records by field and problem are withheld under --suppress-below: they are small counts of the same records.", ' class="note"'));
  } else {
    parts.push(
      htmlTable({ caption: `Problems by field, in ${tally.records} invalid records`, columns: ["Field", "Problems"], rows: tally.byField().map(([field, count]) => ({ header: field, cells: [String(count)] })), className: "numbers" }),
      htmlTable({
        caption: "Problems by field and kind (values from the data shown as … and numbers as #)",
        columns: ["Field", "Problem", "Records"],
        rows: tally.byKind().map(({ field, kind, count }) => ({ header: field, cells: [kind, String(count)] })),
        className: "problems",
      }),
    );
  }
  if (shown.listWithheld) {
    parts.push(element("p", "Where the invalid records are is not listed: the report is redacted or suppressed. The JSON report of an unredacted run lists each one.", ' class="note"'));
  } else {
    const more = tally.records - tally.first.length;
    parts.push(
      htmlTable({
        caption: more > 0 ? `The first ${tally.first.length} invalid records, in file order` : "Each invalid record, in file order",
        columns: ["Where", "Case id", "Field", "Problem"],
        rows: tally.first.map((record) => ({ header: where(record), cells: [record.case_id ?? "", record.field, record.reason] })),
        className: "problems",
      }),
      more > 0 ? element("p", `… and ${more} more: every one is in the JSON, NDJSON, CSV and JUnit reports.`) : "",
    );
  }
  return section("invalid", "Invalid records", parts);
}
