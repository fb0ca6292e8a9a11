import { ambiguousText, BUILT_IN_FORMS, compileDateForm, dateParser, parseDate, type DateForm } from "../input/dates.js";

/** What init proposes for two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999. */
export const PROPOSED_PIVOT = 50;

/**
 * The forms init tries, day-first before month-first (the UK order wins a tie), each a whole
 * date with any one separator; `D` and `M` read one digit or two.
 */
const CANDIDATES: readonly DateForm[] = (() => {
  const forms: string[] = [];
  for (const order of ["DMY", "YMD", "MDY"]) {
    for (const month of ["M", "MMM"]) {
      for (const year of ["YYYY", "YY"]) {
        for (const separator of ["/", "-", ".", " "]) {
          const token = { D: "D", M: month, Y: year } as Record<string, string>;
          forms.push([...order].map((part) => token[part]).join(separator));
        }
      }
    }
  }
  forms.push("YYYYMMDD");
  return forms.map((form) => compileDateForm(form)).filter((form): form is DateForm => typeof form !== "string");
})();

export interface DateProposal {
  /** Forms to list under `date_formats`, the one that reads the most first. */
  formats: string[];
  /** Set when a proposed form has a two-digit year. */
  pivot?: number;
}

/**
 * The date forms that read the values the built-in forms cannot, chosen one at a time (the one
 * that reads the most of those left first), never one that would read a text as another date
 * than a form already chosen or a built-in one: so never a day-first and a month-first form together.
 */
export function proposeDateForms(values: Iterable<string>): DateProposal {
  let left = [...new Set(values)].filter((value) => !parseDate(value).ok);
  const chosen: DateForm[] = [];
  for (;;) {
    let best: { form: DateForm; reads: Set<string> } | undefined;
    for (const form of CANDIDATES) {
      if ([...BUILT_IN_FORMS, ...chosen].some((other) => other === form || ambiguousText(form, other) !== undefined)) continue;
      const read = dateParser([form], PROPOSED_PIVOT);
      const reads = new Set(left.filter((value) => read(value).ok));
      if (reads.size > (best?.reads.size ?? 0)) best = { form, reads };
    }
    if (!best) break;
    chosen.push(best.form);
    left = left.filter((value) => !best.reads.has(value));
  }
  const formats = chosen.map((form) => form.label);
  return chosen.some((form) => form.twoDigitYear) ? { formats, pivot: PROPOSED_PIVOT } : { formats };
}
