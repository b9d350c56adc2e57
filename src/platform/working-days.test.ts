import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays, isCalendarDay, isWorkingDay, jakartaDay, workingDaysUntil } from './working-days.ts';

// The 2026 holidays around these dates, as listed in councils/hari-libur.json.
const holidays = new Set([
  '2026-12-24',
  '2026-12-25',
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
]);

test('weekends and holidays are not working days', () => {
  assert.equal(isWorkingDay('2026-11-27', holidays), true); // a Friday
  assert.equal(isWorkingDay('2026-11-28', holidays), false); // Saturday
  assert.equal(isWorkingDay('2026-11-29', holidays), false); // Sunday
  assert.equal(isWorkingDay('2026-12-25', holidays), false); // Christmas
});

test('three working days from a Friday end on the Wednesday after', () => {
  assert.equal(addWorkingDays('2026-11-27', 3, holidays), '2026-12-02');
});

test('deadlines skip Christmas and cuti bersama', () => {
  // Wed 23 Dec + 3: Thu 24 (cuti bersama) and Fri 25 (holiday) do not count → Mon 28, Tue 29, Wed 30.
  assert.equal(addWorkingDays('2026-12-23', 3, holidays), '2026-12-30');
  // Lebaran 2026: from Tue 17 March, the next working day is Wed 25 March.
  assert.equal(addWorkingDays('2026-03-17', 1, holidays), '2026-03-25');
});

test('working days left count down to zero on the day and below it after', () => {
  assert.equal(workingDaysUntil('2026-11-27', '2026-12-02', holidays), 3);
  assert.equal(workingDaysUntil('2026-12-02', '2026-12-02', holidays), 0);
  assert.equal(workingDaysUntil('2026-12-04', '2026-12-02', holidays), -2);
  assert.equal(workingDaysUntil('2026-12-07', '2026-12-02', holidays), -3);
});

test('working days between any two days are those counted one day at a time, holidays on weekends or not', () => {
  // Holidays on weekdays and on a weekend (Sunday 2027-01-03), over years, counted day by day.
  const calendar = new Set([...holidays, '2027-01-01', '2027-01-03', '2025-06-06', '2024-02-29']);
  const byDay = (from: string, to: string) => {
    let n = 0;
    for (let d = from; d < to; ) {
      const next = new Date(`${d}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      d = next.toISOString().slice(0, 10);
      if (isWorkingDay(d, calendar)) n++;
    }
    return n;
  };
  const start = Date.parse('2024-01-01T00:00:00Z');
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 400; i++) {
    const a = new Date(start + Math.floor(random() * 1200) * 86_400_000).toISOString().slice(0, 10);
    const b = new Date(start + Math.floor(random() * 1200) * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = a <= b ? [a, b] : [b, a];
    assert.equal(workingDaysUntil(from, to, calendar), byDay(from, to), `${from} → ${to}`);
    assert.equal(workingDaysUntil(to, from, calendar), -byDay(from, to), `${to} → ${from}`);
  }
  // Two years of a deadline long past, as an old aspiration's page asks.
  assert.equal(workingDaysUntil('2026-12-04', '2024-12-04', calendar), -byDay('2024-12-04', '2026-12-04'));
});

test('the day is taken in Jakarta, not in UTC', () => {
  // 20:00 UTC on 29 November is 03:00 on 30 November in Jakarta.
  assert.equal(jakartaDay(new Date('2026-11-29T20:00:00Z')), '2026-11-30');
});

test('a calendar day must exist', () => {
  assert.equal(isCalendarDay('2028-02-29'), true);
  assert.equal(isCalendarDay('2026-02-29'), false);
  assert.equal(isCalendarDay('2026-02-30'), false);
  assert.equal(isCalendarDay('2026-13-01'), false);
  assert.equal(isCalendarDay('29-11-2026'), false);
});
