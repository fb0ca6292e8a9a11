import type { Case, CaseDate } from "../../src/input/case.js";
import { parseDate } from "../../src/input/dates.js";

/** A recorded date from `YYYY-MM-DD` (or any form the input contract accepts). */
export function d(text: string): CaseDate {
  const parsed = parseDate(text);
  if (!parsed.ok || parsed.value === undefined) throw new Error(`bad test date ${text}`);
  return parsed.value;
}

/** A valid case with only the required fields recorded, reported on Thursday 2 July 2015. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    case_id: "TEST-0001",
    force: "Testshire",
    reported_on: d("2015-07-02"),
    concern: [],
    agencies_consulted: [],
    extra: {},
    ...overrides,
  };
}
