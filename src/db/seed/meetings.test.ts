import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { isWorkingDay, jakartaDay } from '../../platform/working-days.ts';
import { seedDemoMeetings } from './meetings.ts';

test('the demo year of meetings is realistic: working days only, closed bodies closed, attendance for the past', async () => {
  const open = await openTestDatabase();
  try {
    const db = open.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const now = new Date('2026-11-29T05:00:00Z');
    const { meetings } = await seedDemoMeetings(db, council.id, 2026, now);
    assert.ok(meetings >= 250, `a year of meetings (${meetings})`);
    assert.deepEqual(await seedDemoMeetings(db, council.id, 2026, now), { meetings: 0 }, 'only into an empty agenda');
    const rows = await db.selectFrom('meeting').select(['id', 'type', 'open', 'starts_at']).execute();
    const holidays = new Set((await db.selectFrom('holiday').select('day').execute()).map((h) => h.day));
    for (const r of rows)
      assert.ok(isWorkingDay(jakartaDay(r.starts_at), holidays), `${r.type} on ${jakartaDay(r.starts_at)}`);
    const months = new Set(rows.filter((r) => r.type === 'paripurna').map((r) => jakartaDay(r.starts_at).slice(0, 7)));
    assert.equal(months.size, 12, 'plenaries every month');
    assert.ok(rows.filter((r) => ['banggar', 'bamus', 'bk'].includes(r.type)).every((r) => !r.open));
    assert.ok(rows.filter((r) => r.type === 'paripurna').every((r) => r.open));
    assert.equal(rows.filter((r) => r.type === 'reses').length, 15, 'three reses periods for five dapil');
    const attendance = await db
      .selectFrom('meeting_attendance')
      .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
      .select(['meeting.starts_at', 'meeting_attendance.presence'])
      .execute();
    assert.ok(attendance.length > 1000);
    assert.ok(
      attendance.every((a) => a.starts_at < now),
      'attendance only for meetings that took place',
    );
    const present = attendance.filter((a) => a.presence === 'hadir').length / attendance.length;
    assert.ok(present > 0.75 && present < 0.95, `a believable attendance rate (${present.toFixed(2)})`);
  } finally {
    await open.close();
  }
});
