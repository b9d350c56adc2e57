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
 * (minus the working days since).
 */
export function workingDaysUntil(today: string, due: string, holidays: ReadonlySet<string>): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isWorkingDay(d, holidays)) count++;
  return sign * count;
}

/** Whether a YYYY-MM-DD string names a real calendar day (30 February does not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
