import fc from "fast-check";
import { referenceRubric, type Rubric } from "../../src/engine/rubric.js";
import type { Strategy } from "../../src/engine/strategy.js";
import { BUILT_IN_RULES } from "../../src/rules/index.js";

const schemaOf = (id: string) => BUILT_IN_RULES.find((rule) => rule.id === id)!.options;

/** Mostly well-formed cells, now and then one of the usual mistakes. */
const mostly = <T>(valid: fc.Arbitrary<T>, mistakes: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 60 }, { arbitrary: mistakes, weight: 1 });

/** Cell texts for each kind of field: every form the input contract accepts, and typical mistakes. */
const dates = mostly(
  fc.oneof(
    { arbitrary: fc.constant(""), weight: 2 },
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.integer({ min: 2014, max: 2016 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom("iso", "uk", "uk-short"))
        .map(([y, m, d, form]) => {
          const [dd, mm] = [String(d).padStart(2, "0"), String(m).padStart(2, "0")];
          return form === "iso" ? `${y}-${mm}-${dd}` : form === "uk" ? `${dd}/${mm}/${y}` : `${d}/${m}/${y}`;
        }),
    },
    { weight: 4, arbitrary: fc.constantFrom("2015-12-24", "2015-12-29", "24/12/2015", "2012-06-04", "04/06/2012", "2015-08-28", "2015-09-01", "2015-07-03", " 2015-07-06 ") },
    { weight: 3, arbitrary: fc.constantFrom("2015-07-02T14:30", "02/07/2015 14:30", "2015-07-02 09:05:30", "02/07/2015T23:59", "2015-07-06T08:00") },
    // In an export's own forms, for the date_formats of test/fast/differential.test.ts.
    { weight: 2, arbitrary: fc.constantFrom("02.07.15", "24.12.15 16:20", "2 JUL 2015", "29-Feb-2016", "02.07.2015 14:30", "03.07.2015 9:05", "07.25.15", "2 Jly 2015") },
  ),
  fc.constantFrom("07/25/2015", "2015-02-30", "31/04/2015", "2015-13-01", "0015-07-02", "2300-01-01", "yesterday", "2015-7-3", "2015-07-02T24:00", "2015-07-02T14", "  "),
);
const booleans = mostly(fc.constantFrom("yes", "no", "Y", "n", "TRUE", "false", "1", "0", " Yes ", ""), fc.constantFrom("maybe", "2"));
const integers = (max: number) => mostly(fc.oneof(fc.integer({ min: 0, max }).map(String), fc.constantFrom("007", " 5 ", "")), fc.constantFrom("-1", "1.5", "121", "1e2", "99999999999999999999", "\u00a013"));
const enumWords = (words: string[]) =>
  mostly(
    fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...words).map((w) => ` ${w.replace(/_/g, " ")} `),
      fc.constantFrom(...words).map((w) => w.replace(/_/g, "-")),
      fc.constant(""),
    ),
    fc.constantFrom("offender", "UN\u212aNOWN", "goo", "V"),
  );
const lists = (words: string[]) =>
  mostly(
    fc.oneof(
      fc.shuffledSubarray(words, { maxLength: 3 }).map((items) => items.join(";")),
      fc.subarray(words, { minLength: 1, maxLength: 3 }).map((items) => items.join(" ; ").toUpperCase()),
      fc.constantFrom(";;health;", "Health;health", "sexual_abuse;cse"),
      // In an export's own words and separators, for the value mappings of test/fast/differential.test.ts.
      fc.constantFrom("Children's Social Care, Probation", "CSC | health", "youth offending;Police", "Sexual Abuse, CSE", "neglect|Online-Abuse"),
    ),
    fc.constantFrom("social_care,health", "x"),
  );
const ids = mostly(fc.integer({ min: 1, max: 40 }).map((n) => `NFK-${n}`), fc.constantFrom(" NFK-1 ", "", "Ä-1", 'a"b', "a,b", "x\ny", "\u00a0NFK-2"));
const forces = mostly(fc.constantFrom("Norfolk", " Norfolk ", "Dyfed-Powys", "Gwent ŵ", "e\u0301", "\u00e9", "Kent;Essex"), fc.constant(""));
const notes = fc.constantFrom("", "Seen at school, with mum.", 'Child said "it hurts".', "Line one\nline two", "Crlf\r\nend", "x".repeat(40));
const teams = fc.constantFrom("CAIT", " cait ", "", "MASH");

export const CONCERNS = ["sexual_abuse", "physical_abuse", "neglect", "emotional_abuse", "cse", "online_abuse", "domestic_abuse", "missing", "other"];
export const AGENCIES = ["social_care", "health", "education", "youth_justice", "probation", "other"];

/** Each column a generated file may have: its header spellings and its cells. */
const COLUMNS: [string[], fc.Arbitrary<string>][] = [
  [["case_id", "Case ID", "CASE-ID"], ids],
  [["force", " Force "], forces],
  [["reported_on", "Reported On"], dates],
  [["child_age", "Child Age"], integers(19)],
  [["concern"], lists(CONCERNS)],
  [["child_role", "Child-Role"], enumWords(["victim", "suspect", "victim_and_suspect", "witness", "unknown", "V"])],
  [["child_views_recorded"], booleans],
  [["child_disbelieved"], booleans],
  [["child_arrested"], booleans],
  [["arrest_minor"], booleans],
  [["suspect_age"], integers(70)],
  [["risk_assessed_on"], dates],
  [["risk_assessment_quality"], enumWords(["good", "adequate", "poor"])],
  [["risk_level"], enumWords(["standard", "medium", "high"])],
  [["social_care_referred_on"], dates],
  [["strategy_discussion_on"], dates],
  [["agencies_consulted"], lists(AGENCIES)],
  [["interviewed_on"], dates],
  [["suspect_arrested_on"], dates],
  [["outcome_code"], integers(23)],
  [["outcome_on"], dates],
  [["inspector_grade"], enumWords(["good", "adequate", "inadequate", "requires_improvement"])],
  [["notes", "Notes"], notes],
  [["Team"], teams],
];

export interface GeneratedFile {
  bytes: Buffer;
  delimiter: string;
}

function writeCell(text: string, delimiter: string, quote: boolean): string {
  const needs = text.includes(delimiter) || /["\r\n]/.test(text);
  return needs || quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A quote in a cell as written, where none may be: inside an unquoted cell, or after a quoted one. */
function strayIn(cell: string): string {
  if (cell.startsWith('"')) return `${cell}x`;
  return cell.length > 1 ? `${cell.slice(0, 1)}"${cell.slice(1)}` : `a"${cell}`;
}

/**
 * A case file: a header of some of the columns in any order (the required ones almost always),
 * rows of generated cells, some quoted, with empty lines, ragged rows and now and then a stray
 * quote (in any cell, unquoted or quoted, maybe with a quoted cell over two lines after it on
 * its line) or a quote never closed; a delimiter, line ends (LF, CRLF or both), and maybe a BOM.
 */
export const caseFiles: fc.Arbitrary<GeneratedFile> = fc
  .record({
    columns: fc.oneof(fc.shuffledSubarray(COLUMNS.map((_, i) => i), { minLength: 1 }), fc.shuffledSubarray(COLUMNS.map((_, i) => i), { minLength: COLUMNS.length })),
    required: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    names: fc.array(fc.nat(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
    rows: fc.array(fc.tuple(...COLUMNS.map(([, cells]) => cells)), { maxLength: 14 }),
    quoting: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    odd: fc.array(
      fc.oneof(
        { arbitrary: fc.constant("none"), weight: 120 },
        { arbitrary: fc.constantFrom("empty", "quoted-empty", "short", "long"), weight: 9 },
        { arbitrary: fc.constantFrom("stray-first", "stray-cell", "stray-inner", "stray-then-open"), weight: 6 },
        { arbitrary: fc.constant("unclosed"), weight: 1 },
      ),
      { maxLength: 14 },
    ),
    spots: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
    delimiter: fc.constantFrom(",", ";", "\t"),
    eol: fc.constantFrom("\n", "\r\n", "mixed"),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ columns, required, names, rows, quoting, odd, spots, delimiter, eol, bom, finalEol }) => {
    const chosen = required ? [...new Set([0, 1, 2, ...columns])].sort((a, b) => columns.indexOf(a) - columns.indexOf(b)) : columns;
    const header = chosen.map((c) => COLUMNS[c]![0][names[c]! % COLUMNS[c]![0].length]!);
    let q = 0;
    const lines = [header.map((h) => writeCell(h, delimiter, false)).join(delimiter)];
    rows.forEach((row, r) => {
      const cells = chosen.map((c) => writeCell(row[c]!, delimiter, quoting[q++ % quoting.length]!));
      switch (odd[r]) {
        case "empty":
          lines.push("");
          break;
        case "quoted-empty":
          lines.push('""');
          break;
        case "short":
          cells.pop();
          break;
        case "long":
          cells.push("extra");
          break;
        case "stray-first":
          cells[0] = `x"${cells[0]}`;
          break;
        case "stray-cell":
          cells[spots[r]! % cells.length] = strayIn(cells[spots[r]! % cells.length]!);
          break;
        case "stray-inner":
          cells[spots[r]! % cells.length] = `"He said "no${delimiter}" later"`;
          break;
        case "stray-then-open":
          cells[spots[r]! % cells.length] = strayIn(cells[spots[r]! % cells.length]!);
          cells[cells.length - 1] = `"line one${eol === "mixed" ? "\r\n" : eol}line two"`;
          break;
        case "unclosed":
          // Last on its line, so that it runs over the line break.
          cells[cells.length - 1] = `"never closed ${cells[cells.length - 1]!.replace(/"/g, "")}`;
      }
      lines.push(cells.join(delimiter));
    });
    const ends = lines.map((_, i) => (eol === "mixed" ? (i % 2 ? "\r\n" : "\n") : eol));
    const text = lines.map((line, i) => line + (i < lines.length - 1 || finalEol ? ends[i] : "")).join("");
    return { bytes: Buffer.from(`${bom ? "\ufeff" : ""}${text}`, "utf8"), delimiter };
  });

/** Rubrics the fast path must grade as the engine does: the reference, other options, points, critical rules. */
export const rubrics: fc.Arbitrary<Rubric> = fc
  .record({
    strategy: fc.oneof(
      fc.constant<Strategy>({ name: "worst" }),
      fc.record({ good: fc.constantFrom(1.5, 1.75, 2), adequate: fc.constantFrom(0.5, 1, 1.25), weight: fc.integer({ min: 0, max: 3 }) }).map(
        ({ good, adequate, weight }): Strategy => ({ name: "points", good, adequate, weights: { timeliness: weight, "voice-of-child": 2 } }),
      ),
    ),
    critical: fc.subarray(BUILT_IN_RULES.map((rule) => rule.id)),
    drop: fc.subarray(BUILT_IN_RULES.map((rule) => rule.id), { maxLength: 2 }),
    limits: fc.record({ good: fc.integer({ min: 0, max: 3 }), extra: fc.integer({ min: 0, max: 5 }) }),
    ages: fc.record({ min_age: fc.integer({ min: 0, max: 6 }), adult_age: fc.integer({ min: 14, max: 21 }) }),
    health: fc.subarray(CONCERNS),
  })
  .map(({ strategy, critical, drop, limits, ages, health }) => {
    const options: Record<string, unknown> = {
      "risk-assessment": { good: limits.good, adequate: limits.good + limits.extra },
      timeliness: { interview: { good: limits.good, adequate: limits.good + limits.extra } },
      "child-first": { adult_age: ages.adult_age },
      "multi-agency": { health_for: health },
      "voice-of-child": { min_age: ages.min_age },
    };
    const reference = referenceRubric();
    return {
      ...reference,
      strategy,
      rules: reference.rules
        .filter(({ rule }) => !drop.includes(rule.id))
        .map((active) => ({ ...active, options: schemaOf(active.rule.id).parse(options[active.rule.id] ?? {}), critical: critical.includes(active.rule.id) })),
    };
  });
