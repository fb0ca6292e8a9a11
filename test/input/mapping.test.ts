import { describe, expect, test } from "vitest";
import { FIELDS } from "../../src/input/fields.js";
import { fieldReaders, valueMapper } from "../../src/input/mapping.js";

const spec = (name: string) => FIELDS.find((f) => f.name === name)!;
const AGENCY_WORDS = { "Children's Social Care": "social_care", Probation: "probation", "Youth Offending": "youth_justice", CSC: "social_care" };

describe("a list field's items are mapped one by one", () => {
  test.each<[string, string | undefined, unknown, unknown]>([
    ["items in the export's words, ;-separated", undefined, "Children's Social Care; Probation; Youth Offending", "social_care;probation;youth_justice"],
    ["items matched as words: case, spaces and hyphens aside", undefined, "children's  social-care;PROBATION", "social_care;probation"],
    ["the export's own separator, beside ;", ",", "Children's Social Care, Probation; health", "social_care;probation;health"],
    ["a separator that is a regular-expression character", "|", "CSC|Probation", "social_care;probation"],
    ["a separator of several characters", " / ", "CSC / Probation", "social_care;probation"],
    ["the contract's own words pass as written", ",", "health, education", "health;education"],
    ["an item not in the table is left as written, for the parser to name", ",", "CSC, Police", "social_care;Police"],
    ["empty items are dropped", ",", "CSC,, ,Probation,", "social_care;probation"],
    ["a single item not in the table: the cell as it came", ",", " Police ", " Police "],
    ["a JSON array's items", undefined, ["CSC", "health", 3], ["social_care", "health", 3]],
    ["not a string or array: as it came", undefined, 12, 12],
  ])("%s: %j", (_name, separator, raw, mapped) => {
    expect(valueMapper(spec("agencies_consulted"), AGENCY_WORDS, separator)(raw)).toEqual(mapped);
  });

  test("a whole cell in the table is replaced before any split: a target may be a list", () => {
    const map = valueMapper(spec("concern"), { "Sexual abuse, CSE": "sexual_abuse;cse" }, ",");
    expect(map("sexual ABUSE, cse")).toBe("sexual_abuse;cse");
  });

  test("with neither a table nor a separator a cell is not touched", () => {
    const map = valueMapper(spec("agencies_consulted"), undefined);
    expect(map("social_care,health")).toBe("social_care,health");
  });

  test("an enum's whole cell is matched as a word; a text field's only as written, trimmed", () => {
    expect(valueMapper(spec("child_role"), { "V S": "victim_and_suspect" })("v-s")).toBe("victim_and_suspect");
    expect(valueMapper(spec("force"), { Norfolk: "Suffolk" })(" Norfolk ")).toBe("Suffolk");
    expect(valueMapper(spec("force"), { Norfolk: "Suffolk" })("NORFOLK")).toBe("NORFOLK");
  });
});

describe("an item that maps to nothing makes the record invalid, the item named", () => {
  const readers = fieldReaders({ values: { agencies_consulted: AGENCY_WORDS }, listSeparators: { agencies_consulted: "," } });
  const agencies = readers.byName.get("agencies_consulted")!;
  const read = (raw: string) => agencies.check(agencies.map(raw));

  test.each<[string, string, unknown]>([
    ["every item mapped", "Children's Social Care, Probation", { ok: true, value: ["social_care", "probation"] }],
    ["an item repeated in two spellings is kept once", "CSC, Children's Social Care", { ok: true, value: ["social_care"] }],
    ["one item unmapped", "Children's Social Care, Police", { ok: false, reason: 'unknown item "Police"; expected one of social_care, health, education, youth_justice, probation, other' }],
    ["an unmapped item close to a word", "CSC, Helth", { ok: false, reason: 'unknown item "Helth"; did you mean "health"?' }],
  ])("%s: %j", (_name, raw, expected) => {
    expect(read(raw)).toEqual(expected);
  });

  test("without the separator, a comma-separated cell is one item, with the hint about ;", () => {
    const plain = fieldReaders({ values: { agencies_consulted: AGENCY_WORDS } }).byName.get("agencies_consulted")!;
    expect(plain.check(plain.map("social_care,health"))).toEqual({ ok: false, reason: 'lists are separated by ";", not "," (got "social_care,health")' });
  });
});
