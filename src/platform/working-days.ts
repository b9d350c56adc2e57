/**
 * The working-day calendar: deadlines such as "verified within 3 working days" skip weekends,
 * national holidays and cuti bersama. Days are calendar dates in the council's time zone
 * (Asia/Jakarta), written YYYY-MM-DD.
 */
import { timeZone } from './format.ts';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Jakarta at this instant. */
export function jakartaDay(instant: Date): string {
  return dateFormat.format(instant);
}

function shift(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The nth working day after `day` (the day itself does not count, as in "within 3 working days"). */
export function addWorkingDays(day: string, n: number, holidays: ReadonlySet<string>): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = shift(current, 1);
    if (isWorkingDay(current, holidays)) left--;
  }
  return current;
}

/**
 * Working days from `today` until `due`: 0 on the due day itself, negative once it has passed
 * (minus the working days since). Counted, not walked: a list of old aspirations asks this of
 * deadlines years past, and stepping through every day of them took longer than drawing the page.
 */
export function workingDaysUntil(today: string, due: string, holidays: ReadonlySet<string>): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  const [a, b] = [dayNumber(from), dayNumber(to)];
  // The days after `from` up to and including `to`, less weekends, less the holidays among them
  // that fall on a weekday.
  const weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
  const off = weekdayHolidays(holidays);
  return sign * (weekdays - (countBelow(off, b + 1) - countBelow(off, a + 1)));
}

/** Days since 1 January 1970 (a Thursday). */
function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** Weekdays among the first n days of a week that starts on a Thursday (Thu, Fri, Sat, Sun, Mon, Tue, Wed). */
const WEEKDAYS_INTO_WEEK = [0, 1, 2, 2, 2, 3, 4, 5];

/** Monday-to-Friday days from day 0 up to, not including, day n. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return weeks * 5 + (WEEKDAYS_INTO_WEEK[n - weeks * 7] ?? 0);
}

/** The holidays that fall on a weekday, as sorted day numbers; worked out once per set. */
const sortedHolidays = new WeakMap<ReadonlySet<string>, number[]>();
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

function weekdayHolidays(holidays: ReadonlySet<string>): number[] {
  let days = sortedHolidays.get(holidays);
  if (days === undefined) {
    days = [...holidays]
      .filter((day) => isCalendarDay(day) && isWorkingDay(day, NO_HOLIDAYS))
      .map(dayNumber)
      .sort((x, y) => x - y);
    sortedHolidays.set(holidays, days);
  }
  return days;
}

/** How many of the sorted numbers are below n. */
function countBelow(sorted: number[], n: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < n) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether a YYYY-MM-DD string names a real calendar day (30 February does not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
