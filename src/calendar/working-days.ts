import { BANK_HOLIDAYS, BANK_HOLIDAY_YEARS } from "./bank-holidays.js";

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a calendar date (no time zone involved). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const FIRST = dayNumber(BANK_HOLIDAY_YEARS.first, 1, 1);
const LAST = dayNumber(BANK_HOLIDAY_YEARS.last, 12, 31);
const holidays = new Set(BANK_HOLIDAYS.map((d) => dayNumber(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10))));

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWorkingDay(day: number): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !holidays.has(day);
}

// cumulative[i] = working days in (FIRST - 1, FIRST + i], so a difference of two entries counts a range.
const cumulative = new Int32Array(LAST - FIRST + 2);
for (let day = FIRST, count = 0; day <= LAST; day++) {
  if (isWorkingDay(day)) count++;
  cumulative[day - FIRST + 1] = count;
}

/** Working days up to and including `day`, counted from the table's first day (weekdays only outside it). */
function workingDaysTo(day: number): number {
  if (day < FIRST) return -weekdaysIn(day, FIRST - 1);
  if (day > LAST) return cumulative[LAST - FIRST + 1]! + weekdaysIn(LAST, day);
  return cumulative[day - FIRST + 1]!;
}

/** Monday-to-Friday days d with a < d ≤ b. */
function weekdaysIn(a: number, b: number): number {
  const whole = Math.floor((b - a) / 7);
  let count = whole * 5;
  for (let day = a + whole * 7 + 1; day <= b; day++) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/**
 * Working days d with from < d ≤ to: Monday to Friday and not an England and
 * Wales bank holiday. Same day is 0, Friday to Monday is 1, `to` before `from` is 0.
 * Outside 2000-2035 only weekends are skipped.
 */
export function workingDaysBetween(from: number, to: number): number {
  if (to <= from) return 0;
  return workingDaysTo(to) - workingDaysTo(from);
}
