import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn, type TestUser } from '../../test/helpers/users.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import { deps } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';
import { pdfText } from '../platform/pdf.ts';
import { readFirstSheet } from '../platform/xlsx.ts';
import { firstWorkingDay, makeDueReport } from './service.ts';

let t: TestApp;
const wib = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);

/**
 * October 2026, the only aspirations in this database: komisi 0 gets two (one resolved within its
 * target in 3 working days and rated 4), komisi 1 one still waiting; one of September does not count.
 */
const fixtures: {
  code: string;
  received: Date;
  komisi: 0 | 1;
  status: AspirationStatus;
  resolved?: Date;
  rating?: number;
}[] = [
  {
    code: 'ASP-2026-860001',
    received: wib('2026-10-05'),
    komisi: 0,
    status: 'resolved',
    resolved: wib('2026-10-08'),
    rating: 4,
  },
  { code: 'ASP-2026-860002', received: wib('2026-10-14'), komisi: 0, status: 'verified' },
  { code: 'ASP-2026-860003', received: wib('2026-10-28'), komisi: 1, status: 'received' },
  { code: 'ASP-2026-860004', received: wib('2026-09-29'), komisi: 1, status: 'received' },
];
const october = fixtures.filter(
  (f) => f.received >= wib('2026-10-01', '00:00') && f.received < wib('2026-11-01', '00:00'),
);

let komisi: string[] = [];
let admin: TestUser;
let leader: TestUser;
let staff: TestUser;
let member: TestUser;

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const structure = await getCouncil(db);
  const councilId = structure.council.id;
  komisi = structure.komisi.slice(0, 2).map((k) => k.name);
  const category = await db
    .insertInto('aspiration_category')
    .values({
      council_id: councilId,
      slug: 'uji-laporan',
      name: 'Uji laporan',
      name_en: 'Report test',
      komisi_id: null,
      target_days: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place = structure.kecamatan[0];
  assert.ok(place !== undefined);
  for (const f of fixtures) {
    const body = structure.komisi[f.komisi];
    assert.ok(body !== undefined);
    const { id } = await db
      .insertInto('aspiration')
      .values({
        council_id: councilId,
        code: f.code,
        kind: 'pengaduan',
        category_id: category.id,
        title: `Uji laporan ${f.code}`,
        description: 'Aspirasi untuk menguji laporan bulanan.',
        kecamatan_id: place.id,
        status: f.status,
        komisi_id: body.id,
        access_token_hash: newToken().hash,
        received_at: f.received,
        verify_due: '2026-12-31',
        resolve_due: '2026-12-31',
        rating: f.rating ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (f.resolved !== undefined)
      await db
        .insertInto('aspiration_event')
        .values({ aspiration_id: id, kind: 'resolved', public: true, created_at: f.resolved })
        .execute();
  }
  // The leadership: an administrator and a member of the pimpinan; a staff member and an ordinary
  // member are not mailed.
  const seats = await db
    .selectFrom('body_membership')
    .innerJoin('body', 'body.id', 'body_membership.body_id')
    .select(['body_membership.member_id', 'body.kind'])
    .where('body.council_id', '=', councilId)
    .execute();
  const pimpinan = new Set(seats.filter((s) => s.kind === 'pimpinan').map((s) => s.member_id));
  const head = [...pimpinan][0];
  const ordinary = seats.find((s) => !pimpinan.has(s.member_id))?.member_id;
  assert.ok(head !== undefined && ordinary !== undefined);
  admin = await createUser(t, 'administrator');
  leader = await createUser(t, 'member');
  member = await createUser(t, 'member');
  staff = await createUser(t, 'staff');
  await db.updateTable('app_user').set({ member_id: head }).where('id', '=', leader.id).execute();
  await db.updateTable('app_user').set({ member_id: ordinary }).where('id', '=', member.id).execute();
  forgetCouncil(db);
});
after(() => t.close());

const agent = () => new Agent(t.app, '192.0.2.93');

describe('the monthly report', () => {
  test('is made on the first working day of the month, once, holds the month’s figures, and is mailed to the leadership', async () => {
    const structure = await getCouncil(t.database.db);
    // 1 November 2026 is a Sunday: the first working day is Monday the 2nd.
    assert.equal(firstWorkingDay('2026-11-01', structure.holidays), '2026-11-02');
    assert.equal(await makeDueReport(deps(t.app), wib('2026-11-01', '10:00')), undefined, 'not on a Sunday');
    assert.equal(await makeDueReport(deps(t.app), wib('2026-11-02', '07:00')), '2026-10');
    assert.equal(await makeDueReport(deps(t.app), wib('2026-11-02', '08:00')), undefined, 'made once');

    const db = t.database.db;
    const mail = await db
      .selectFrom('outbox')
      .select(['recipient_sealed', 'subject', 'body'])
      .where('subject', '=', 'Laporan bulanan Oktober 2026')
      .execute();
    const to = mail.map((m) => t.app.sealer.open(m.recipient_sealed)).sort();
    assert.deepEqual(to, [admin.email, leader.email].sort());
    assert.ok(!to.includes(staff.email) && !to.includes(member.email));
    assert.match(mail[0]?.body ?? '', /\/kelola\/laporan/);

    const row = await db
      .selectFrom('monthly_report')
      .select(['pdf', 'xlsx', 'recipients'])
      .where('month', '=', '2026-10')
      .executeTakeFirstOrThrow();
    assert.equal(row.recipients, 2);
    const text = (await pdfText(Buffer.from(row.pdf))).replace(/\s+/g, ' ');
    const resolved = october.filter((f) => f.status === 'resolved');
    const rated = october.filter((f) => f.rating !== undefined);
    assert.match(text, /Laporan layanan aspirasi Oktober 2026/);
    assert.match(text, new RegExp(`Aspirasi diterima ${october.length}\\b`));
    assert.match(text, new RegExp(`Selesai ${resolved.length} dari ${october.length} \\(`));
    assert.match(text, new RegExp(`Penilaian warga \\(1–5\\) rata-rata 4 dari ${rated.length} penilaian`));
    // Monday 5 → Thursday 8 October: 3 working days to resolution.
    assert.match(text, /Lama sampai selesai median 3 hari kerja/);
    // Per komisi: received, verified within the target, answered, resolved.
    const inKomisi = (k: 0 | 1) => october.filter((f) => f.komisi === k);
    assert.match(
      text,
      new RegExp(
        `${komisi[0]} ${inKomisi(0).length} 0% 0 ${inKomisi(0).filter((f) => f.status === 'resolved').length}`,
      ),
    );
    assert.match(text, new RegExp(`${komisi[1]} ${inKomisi(1).length} 0% 0 0`));
    assert.match(text, /Belum ada survei IKM yang selesai/);

    // /kinerja shows the same month with the same figures.
    const page = await agent().get('/kinerja?dari=2026-10&sampai=2026-10');
    assert.match(page.body, new RegExp(`<dt>Aspirasi diterima</dt>\\s*<dd>${october.length}</dd>`));
    assert.match(page.body, new RegExp(`<dt>Selesai</dt>\\s*<dd>${resolved.length} dari ${october.length} \\(`));

    const sheet = readFirstSheet(new Uint8Array(row.xlsx));
    assert.deepEqual(sheet[1]?.fields, ['Aspirasi diterima', String(october.length)]);
  });

  test('is listed in the back office with its two files; only officials may read it', async () => {
    const reader = await signIn(t, await createUser(t, 'staff'), agent());
    const list = await reader.get('/kelola/laporan');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<th scope="row">Oktober 2026<\/th>/);
    assert.match(list.body, /2 orang/);
    const pdf = await reader.get('/kelola/laporan/2026-10.pdf');
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const xlsx = await reader.get('/kelola/laporan/2026-10.xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /attachment; filename="laporan-2026-10\.xlsx"/);
    assert.equal((await reader.get('/kelola/laporan/2026-09.pdf')).statusCode, 404);
    assert.equal((await reader.get('/kelola/laporan/2026-13.pdf')).statusCode, 400);

    const ordinary = await signIn(t, member, agent());
    assert.equal((await ordinary.get('/kelola/laporan')).statusCode, 200);
    for (const role of ['citizen', 'moderator'] as const) {
      const outsider = await signIn(t, await createUser(t, role), agent());
      assert.equal((await outsider.get('/kelola/laporan/2026-10.pdf')).statusCode, 403, role);
    }
    const visitor = await agent().get('/kelola/laporan/2026-10.pdf');
    assert.equal(visitor.statusCode, 303);
  });
});
