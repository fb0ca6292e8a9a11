import { describe, expect, test } from "vitest";
import { ambiguousText, BUILT_IN_FORMS, compileDateForm, dateParser, type DateForm } from "../../src/input/dates.js";
import { utcDay } from "./_files.js";

const form = (text: string) => compileDateForm(text) as DateForm;
const parserOf = (forms: string[], pivot?: number) => dateParser(forms.map(form), pivot);

describe("date forms written in tokens", () => {
  test.each<[string, string[], number | undefined, string, string]>([
    ["two-digit year, pivot 50: 15 is 2015", ["DD/MM/YY"], 50, "02/07/15", "2015-07-02"],
    ["two-digit year, pivot 50: 49 is 2049", ["DD/MM/YY"], 50, "02/07/49", "2049-07-02"],
    ["two-digit year, pivot 50: 50 is 1950", ["DD/MM/YY"], 50, "02/07/50", "1950-07-02"],
    ["a month name, any case", ["D MMM YYYY"], undefined, "2 JUL 2015", "2015-07-02"],
    ["a month's full name", ["D MMM YYYY"], undefined, "2 july 2015", "2015-07-02"],
    ["Sept for September", ["DD-MMM-YY"], 50, "02-Sept-15", "2015-09-02"],
    ["dashes", ["DD-MM-YYYY"], undefined, "02-07-2015", "2015-07-02"],
    ["a form with its own time", ["DD.MM.YYYY HH:mm"], undefined, "02.07.2015 14:30", "2015-07-02T14:30"],
    ["an hour of one digit", ["DD.MM.YYYY H:mm"], undefined, "02.07.2015 9:05", "2015-07-02T09:05"],
    ["a form without a time takes one as the built-in forms do", ["DD.MM.YY"], 50, "02.07.15 14:30:15", "2015-07-02T14:30:15"],
    ["the built-in forms are still read", ["DD.MM.YY"], 50, "2015-07-02", "2015-07-02"],
    ["one and two digits for D and M", ["D.M.YYYY"], undefined, "2.07.2015", "2015-07-02"],
    ["surrounding spaces", ["DD.MM.YYYY"], undefined, "  02.07.2015 ", "2015-07-02"],
  ])("%s: %s reads %j", (_name, forms, pivot, raw, text) => {
    const [year, month, day] = text.slice(0, 10).split("-").map(Number);
    expect(parserOf(forms, pivot)(raw)).toEqual({ ok: true, value: { day: utcDay(year!, month!, day!), text } });
  });

  test.each<[string, string[], number | undefined, string, string]>([
    ["a two-digit year without a pivot", ["DD/MM/YY"], undefined, "02/07/15", 'a two-digit year in "02/07/15": set two_digit_year_pivot in the config to read it'],
    ["a form not listed, the listed ones named", ["DD.MM.YY"], 50, "2015/07/02", 'expected a date as YYYY-MM-DD, DD/MM/YYYY or DD.MM.YY, got "2015/07/02"'],
    ["a form with a time needs its time", ["DD.MM.YYYY HH:mm"], undefined, "02.07.2015", 'expected a date as YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY HH:mm, got "02.07.2015"'],
    ["US order in a listed day-first form", ["DD.MM.YYYY"], undefined, "07.25.2015", 'not a date: month 25 in "07.25.2015" (dates are DD.MM.YYYY, not US order)'],
    ["a word that is not a month", ["D MMM YYYY"], undefined, "2 Jly 2015", 'not a month name: "Jly" in "2 Jly 2015"'],
    ["31 April", ["DD-MM-YYYY"], undefined, "31-04-2015", 'not a date: day 31 in "31-04-2015"'],
    ["an implausible year", ["DD.MM.YYYY"], undefined, "02.07.0215", 'not a plausible year: 215 in "02.07.0215" (expected 1900-2199)'],
    ["hour 24", ["DD.MM.YYYY HH:mm"], undefined, "02.07.2015 24:00", 'not a time of day in "02.07.2015 24:00"'],
  ])("%s: %s refuses %j", (_name, forms, pivot, raw, reason) => {
    expect(parserOf(forms, pivot)(raw)).toEqual({ ok: false, reason });
  });

  test("with no forms listed, the built-in message is as it was", () => {
    expect(dateParser()("2 July 2015")).toEqual({ ok: false, reason: 'expected a date as YYYY-MM-DD or DD/MM/YYYY, got "2 July 2015"' });
  });

  test.each([
    ["a letter that is no token", "DD/QQ/YYYY", /^unknown token "Q" in "DD\/QQ\/YYYY"; forms are written in YYYY YY MMM/],
    ["a digit", "DD/MM/2015", /^unknown token "2"/],
    ["no year", "DD/MM", /must have one year \(YYYY or YY\), one month \(MM, M or MMM\) and one day \(DD or D\)$/],
    ["two days", "DD/DD/YYYY", /must have one year/],
    ["an hour without minutes", "DD/MM/YYYY HH", /a time is HH:mm or HH:mm:ss/],
  ])("a form that cannot be compiled: %s", (_name, text, message) => {
    expect(compileDateForm(text)).toMatch(message);
  });
});

describe("no two forms may read one text as two dates", () => {
  const [ISO, UK] = BUILT_IN_FORMS as [DateForm, DateForm];
  test.each<[string, DateForm, DateForm, string | undefined]>([
    ["month-first against the built-in day-first", form("MM/DD/YYYY"), UK, "01/03/2001"],
    ["day-first and month-first, two-digit years", form("DD-MM-YY"), form("MM-DD-YY"), "03-01-01"],
    ["year-first and day-first, two-digit years", form("YY-MM-DD"), form("DD-MM-YY"), "01-01-03"],
    ["year, day, month against ISO", form("YYYY-DD-MM"), ISO, "2001-03-01"],
    ["one and two digits of the same order agree", form("D.M.YYYY"), form("DD.MM.YYYY"), undefined],
    ["two-digit and four-digit years cannot meet", form("DD/MM/YY"), UK, undefined],
    ["a month name and a month number cannot meet", form("D MMM YYYY"), form("D M YYYY"), undefined],
  ])("%s", (_name, a, b, text) => {
    expect(ambiguousText(a, b)).toBe(text);
  });
});
