import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BANK_HOLIDAYS } from "../src/calendar/bank-holidays.js";
import { isWorkingDay, workingDaysBetween } from "../src/calendar/working-days.js";
import { d } from "./helpers/make-case.js";

interface OfficialList {
  dates: Record<string, string[]>;
}

const COPY = new URL("./data/bank-holidays-england-and-wales.json", import.meta.url);
const SHARED = new URL("../../shared/data/bank-holidays-england-and-wales.json", import.meta.url);

function officialDates(file: URL): string[] {
  const list = JSON.parse(readFileSync(file, "utf8")) as OfficialList;
  return Object.values(list.dates).flat().sort();
}

const between = (from: string, to: string) => workingDaysBetween(d(from).day, d(to).day);

describe("workingDaysBetween", () => {
  test.each([
    ["same day", "2015-07-02", "2015-07-02", 0],
    ["Thursday to Friday", "2015-07-02", "2015-07-03", 1],
    ["Friday to Monday", "2015-07-03", "2015-07-06", 1],
    ["Saturday to Monday", "2015-07-04", "2015-07-06", 1],
    ["Friday to Sunday", "2015-07-03", "2015-07-05", 0],
    ["a whole week", "2015-07-02", "2015-07-09", 5],
    ["to before from", "2015-07-09", "2015-07-02", 0],
    ["Maundy Thursday to Tuesday over Easter 2015", "2015-04-02", "2015-04-07", 1],
    ["Thursday to Good Friday", "2015-04-02", "2015-04-03", 0],
    ["Christmas Eve to the Monday after, 2014", "2014-12-24", "2014-12-29", 1],
    ["Christmas Eve to New Year's Eve, 2014", "2014-12-24", "2014-12-31", 3],
    ["over Christmas and New Year's Day, 2014", "2014-12-24", "2015-01-02", 4],
    ["over the 2012 jubilee", "2012-06-01", "2012-06-06", 1],
    ["before the table, weekends only", "1999-12-31", "2000-01-04", 1],
    ["after the table, weekends only", "2035-12-31", "2036-01-02", 2],
  ])("%s: %s to %s is %i", (_name, from, to, expected) => {
    expect(between(from, to)).toBe(expected);
  });
});

describe("bank holidays", () => {
  test("BANK_HOLIDAYS holds exactly the dates of the official list", () => {
    expect([...BANK_HOLIDAYS].sort()).toEqual(officialDates(COPY));
  });

  test.skipIf(!existsSync(SHARED))("the copy in test/data matches the shared official list", () => {
    expect(officialDates(COPY)).toEqual(officialDates(SHARED));
  });

  test.each([
    ["2011-04-29", "royal wedding"],
    ["2012-06-05", "diamond jubilee"],
    ["2022-06-03", "platinum jubilee"],
    ["2022-09-19", "state funeral"],
    ["2023-05-08", "coronation"],
    ["2020-05-08", "VE day, moved early May bank holiday"],
    ["2022-06-02", "moved spring bank holiday"],
    ["2012-06-04", "moved spring bank holiday"],
  ])("%s (%s) is a bank holiday", (date) => {
    expect(BANK_HOLIDAYS).toContain(date);
    expect(isWorkingDay(d(date).day)).toBe(false);
  });

  test.each([
    ["2012-05-28", "the usual spring bank holiday, moved in 2012"],
    ["2020-05-04", "the usual early May bank holiday, moved in 2020"],
  ])("%s (%s) is a working day", (date) => {
    expect(BANK_HOLIDAYS).not.toContain(date);
    expect(isWorkingDay(d(date).day)).toBe(true);
  });
});
