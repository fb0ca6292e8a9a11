import { fieldCheck, parserFor, type FieldCheck } from "./check.js";
import { compileDateForm, dateParser } from "./dates.js";
import { TYPED_FIELDS, type FieldSpec } from "./fields.js";
import { normaliseWord, type Parsed } from "./values.js";

/** How an export is read onto the contract. Plain data, so that the fast path's workers can be sent it. */
export interface ColumnMapping {
  /** Source header → contract field, for exports whose columns are not ours. */
  columns?: Record<string, string>;
  /** Per field, source value → contract value (`{ child_role: { V: "victim" } }`); a list field's items are mapped one by one. */
  values?: Record<string, Record<string, string>>;
  /** Per list field, the export's own item separator, read beside `;` (`{ agencies_consulted: "," }`). */
  listSeparators?: Record<string, string>;
  /** Date forms beside the built-in ones, in tokens (`DD/MM/YY`), checked by the config never to read one text as two dates. */
  dateFormats?: string[];
  /** Two-digit years below it are 20YY, the others 19YY. */
  twoDigitYearPivot?: number;
}

/** The words of an enum or list are matched as the reader matches them: case, spaces and hyphens aside. */
export const matchedAsWords = (spec: FieldSpec) => spec.kind === "enum" || spec.kind === "list";

/** The key a value table is looked up by: a word for enums and lists, the trimmed text otherwise. */
export function valueKey(spec: FieldSpec, text: string): string {
  return matchedAsWords(spec) ? normaliseWord(text) : text.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What a list field's cell is split on: `;`, and the export's own separator when it has one. */
export function listSplitter(separator?: string): RegExp {
  return new RegExp(`;${separator ? `|${escapeRegExp(separator)}` : ""}`);
}

/**
 * A field's value mapping: a cell in the export's words → a cell in the contract's. A whole cell
 * found in the table is replaced; otherwise a list's items (split on `;` and the field's own
 * separator) are mapped one by one and joined with `;`, an item not in the table left as written,
 * for the field's parser to name. Anything else is returned as it came.
 */
export function valueMapper(spec: FieldSpec, table: Record<string, string> | undefined, separator?: string): (raw: unknown) => unknown {
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(table ?? {})) targets.set(valueKey(spec, from), to);
  const isList = spec.kind === "list";
  if (targets.size === 0 && !(isList && separator)) return (raw) => raw;
  const item = (text: string) => targets.get(valueKey(spec, text)) ?? text.trim();
  const splitter = listSplitter(separator);
  return (raw) => {
    if (Array.isArray(raw) && isList) return raw.map((entry) => (typeof entry === "string" ? item(entry) : entry));
    if (typeof raw !== "string") return raw;
    const whole = targets.get(valueKey(spec, raw));
    if (whole !== undefined || !isList) return whole ?? raw;
    const items = raw.split(splitter);
    return items.length === 1 ? raw : items.map(item).filter((text) => text !== "").join(";");
  };
}

/** One field as an export is read: its cell mapped (`map`), then parsed (`parse`) or checked (`check`, required values too). */
export interface FieldReader {
  spec: FieldSpec;
  map: (raw: unknown) => unknown;
  parse: (raw: unknown) => Parsed<unknown>;
  check: FieldCheck;
}

/** Every typed field's reader under a mapping, compiled once: the reference reader's and the fast path's alike. */
export interface FieldReaders {
  readonly byName: ReadonlyMap<string, FieldReader>;
  /** In the order of TYPED_FIELDS. */
  readonly fields: readonly FieldReader[];
  /** Replaces each typed field's value in `fields` with its mapped value. */
  mapFields(fields: Record<string, unknown>): void;
}

export function fieldReaders(mapping: ColumnMapping | undefined): FieldReaders {
  const forms = (mapping?.dateFormats ?? []).map((form) => compileDateForm(form));
  const dates = dateParser(forms.filter((form) => typeof form !== "string"), mapping?.twoDigitYearPivot);
  const fields = TYPED_FIELDS.map((spec): FieldReader => {
    const parse = parserFor(spec, dates);
    return { spec, map: valueMapper(spec, mapping?.values?.[spec.name], mapping?.listSeparators?.[spec.name]), parse, check: fieldCheck(spec, parse) };
  });
  const mapped = fields.filter((reader) => mapping?.values?.[reader.spec.name] || mapping?.listSeparators?.[reader.spec.name]);
  return {
    byName: new Map(fields.map((reader) => [reader.spec.name, reader])),
    fields,
    mapFields(record) {
      for (const { spec, map } of mapped) if (Object.hasOwn(record, spec.name)) record[spec.name] = map(record[spec.name]);
    },
  };
}
