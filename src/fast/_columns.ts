import { InputError } from "../input/errors.js";
import { FIELDS, REQUIRED_FIELDS } from "../input/fields.js";
import { normaliseHeader, targetOf, type ColumnTarget } from "../input/header.js";
import type { ColumnMapping } from "../input/read.js";
import { didYouMean } from "../text/suggest.js";

/** Where each column of a file goes, settled once from its header (as src/input/read.ts does). */
export interface ColumnPlan {
  header: string[];
  targets: ColumnTarget[];
  /** Per column, the index of its field in FIELDS, or -1 (notes and carried-through columns). */
  fieldOf: number[];
  /** Per field in FIELDS, its column, or -1 when the file has none. */
  columnOf: number[];
}

function makeTargeter(mapping: ColumnMapping | undefined): (header: string) => ColumnTarget {
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) mapped.set(normaliseHeader(from), to);
  return (header) => {
    const to = mapped.get(normaliseHeader(header));
    return to === undefined ? targetOf(header) : targetOf(to);
  };
}

/** The reference reader's header checks: the same errors, the same warning, in the same order. */
export function planColumns(
  name: string,
  header: string[],
  mapping: ColumnMapping | undefined,
  warn?: (message: string) => void,
  expectedColumns?: ReadonlySet<string>,
): ColumnPlan {
  const targeter = makeTargeter(mapping);
  const targets = header.map((text, i): ColumnTarget => (text.trim() === "" ? { kind: "extra", name: `column_${i + 1}` } : targeter(text)));
  const seen = new Map<string, string>();
  targets.forEach((target, i) => {
    if (target.kind !== "field") return;
    const other = seen.get(target.name);
    if (other !== undefined) throw new InputError(`${name}: columns "${other}" and "${header[i]}" are both the field ${target.name}`);
    seen.set(target.name, header[i]!);
  });
  const missing = REQUIRED_FIELDS.filter((field) => !seen.has(field));
  if (missing.length) {
    const unplaced = header.filter((_text, i) => targets[i]!.kind === "extra");
    const list = missing.map((m) => `"${m}"`).join(", ");
    const hint = missing.length === 1 ? didYouMean(missing[0]!, unplaced) : "";
    const fix = hint ? `${hint} (rename it, or map it under "columns" in audit.config.json)` : "";
    throw new InputError(`${name}: missing required column${missing.length > 1 ? "s" : ""} ${list}${fix}`);
  }
  const carried = targets.flatMap((t) => (t.kind === "extra" && !expectedColumns?.has(t.name) ? [t.name] : []));
  if (carried.length) warn?.(`${name}: carrying through columns that are not rubric fields: ${carried.join(", ")}`);
  const fieldOf = targets.map((t) => (t.kind === "field" ? FIELDS.findIndex((f) => f.name === t.name) : -1));
  const columnOf = FIELDS.map((_, f) => fieldOf.indexOf(f));
  return { header, targets, fieldOf, columnOf };
}
