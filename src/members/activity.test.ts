import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedInPerson } from '../../test/helpers/users.ts';
import { timeline } from './activity.ts';

describe("a member's activity", () => {
  test('meetings, hearings, answers, reses visits and news make one list, newest first, cut at the limit', () => {
    const parts = {
      meetings: [
        {
          id: 7,
          title: 'Rapat Paripurna APBD',
          startsAt: new Date('2026-11-20T02:00:00Z'),
          type: 'paripurna' as const,
        },
        { id: 3, title: 'RDP Dinas PUPR', startsAt: new Date('2026-10-02T03:00:00Z'), type: 'rdp' as const },
      ],
      responses: [{ code: 'ASP-2026-000012', title: 'Jalan berlubang', at: new Date('2026-11-25T08:00:00Z') }],
      visits: [{ reportId: 4, period: 'Reses III 2026', day: '2026-11-22', place: 'Balai RW 05 Jatiasih' }],
      news: [
        { slug: 'paripurna-apbd', title: 'APBD disetujui', publishedAt: new Date('2026-11-21T10:00:00Z') },
        { slug: 'belum-terbit', title: 'Belum terbit', publishedAt: null },
      ],
    };
    const items = timeline(parts, 4);
    assert.deepEqual(
      items.map((a) => [a.kind, a.href, a.title]),
      [
        ['response', '/aspirasi/ASP-2026-000012', 'Jalan berlubang'],
        ['reses', '/reses/4', 'Balai RW 05 Jatiasih (Reses III 2026)'],
        ['news', '/berita/paripurna-apbd', 'APBD disetujui'],
        ['meeting', '/agenda/7', 'Rapat Paripurna APBD'],
      ],
    );
    // A reses visit has only its day: it stands at noon in Jakarta.
    assert.equal(items[1]?.at.toISOString(), '2026-11-22T05:00:00.000Z');
    // A hearing (rapat dengar pendapat) is a kind of its own; an unpublished post is never listed.
    assert.deepEqual(
      timeline(parts, 10).map((a) => a.kind),
      ['response', 'reses', 'news', 'meeting', 'hearing'],
    );
  });
});

describe("a member's page: activity and statements", () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  test('the page counts the year and lists a meeting attended; the member adds a statement to it, staff too, others are refused', async () => {
    const db = t.database.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const [member, other] = await db
      .selectFrom('member')
      .select(['id', 'slug', 'name'])
      .orderBy('id')
      .limit(2)
      .execute();
    assert.ok(member !== undefined && other !== undefined);
    const meeting = await db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'kegiatan-anggota@dewan-terbuka',
        type: 'rdp',
        title: 'Rapat Dengar Pendapat dengan Dinas Kesehatan',
        starts_at: new Date(Date.now() - 3 * 86_400_000),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plenary = await db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'kegiatan-anggota-paripurna@dewan-terbuka',
        type: 'paripurna',
        title: 'Rapat Paripurna Penetapan APBD',
        starts_at: new Date(Date.now() - 4 * 86_400_000),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_attendance')
      .values([
        { meeting_id: meeting.id, member_id: member.id, presence: 'hadir' },
        { meeting_id: plenary.id, member_id: member.id, presence: 'hadir' },
      ])
      .execute();
    const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);

    const page = (await t.app.inject(`/anggota/${member.slug}`)).body;
    assert.match(
      page,
      new RegExp(
        `Tahun ${year}: 2 rapat dihadiri \\(1 rapat dengar pendapat\\), 0 tanggapan aspirasi, 0 kunjungan reses, 0 berita\\.`,
      ),
    );
    assert.match(
      page,
      new RegExp(
        `Rapat dengar pendapat</span><br/><a href="/agenda/${meeting.id}">Rapat Dengar Pendapat dengan Dinas Kesehatan</a>`,
      ),
    );

    // The member writes a statement on it from their own page of statements.
    const person = await signedInPerson(t, 'member');
    await db
      .updateTable('app_user')
      .set({ member_id: member.id })
      .where('email_lookup', 'is not', null)
      .where('role', '=', 'member')
      .execute();
    const start = await person.get('/kelola/kegiatan');
    assert.equal(start.headers.location, `/kelola/kegiatan/${member.slug}`);
    await person.get(`/kelola/kegiatan/${member.slug}`);
    const saved = await person.post(`/kelola/kegiatan/${member.slug}`, {
      activity: `/agenda/${meeting.id}`,
      statement: 'Saya minta jam layanan puskesmas diperpanjang sampai sore.',
    });
    assert.equal(saved.headers.location, `/kelola/kegiatan/${member.slug}?pesan=disimpan`);
    assert.match(
      (await t.app.inject(`/anggota/${member.slug}`)).body,
      /Pernyataan anggota: Saya minta jam layanan puskesmas diperpanjang sampai sore\./,
    );

    // Bad input: an activity not on the timeline, too long, two lines. Nothing changes.
    for (const [activity, statement, message] of [
      ['/agenda/999999', 'Pernyataan lain.', /Kegiatan ini tidak ada di linimasa anggota\./],
      [`/agenda/${meeting.id}`, 'x'.repeat(281), /Pernyataan paling banyak 280 karakter\./],
      [`/agenda/${meeting.id}`, 'Baris satu.\nBaris dua.', /Tulis pernyataan dalam satu paragraf tanpa baris baru\./],
    ] as const) {
      await person.get(`/kelola/kegiatan/${member.slug}`);
      const refused = await person.post(`/kelola/kegiatan/${member.slug}`, { activity, statement });
      assert.equal(refused.statusCode, 400, activity);
      assert.match(refused.body, message);
    }
    assert.match((await t.app.inject(`/anggota/${member.slug}`)).body, /diperpanjang sampai sore/);

    // Not on another member's page.
    assert.equal((await person.get(`/kelola/kegiatan/${other.slug}`)).statusCode, 403);
    await person.get(`/kelola/kegiatan/${member.slug}`);
    assert.equal(
      (await person.post(`/kelola/kegiatan/${other.slug}`, { activity: `/agenda/${meeting.id}`, statement: 'x' }))
        .statusCode,
      403,
    );

    // Staff write for any member; an empty statement removes it.
    const staff = await signedInPerson(t, 'staff');
    assert.match((await staff.get('/kelola/kegiatan')).body, new RegExp(`href="/kelola/kegiatan/${member.slug}"`));
    await staff.get(`/kelola/kegiatan/${member.slug}`);
    await staff.post(`/kelola/kegiatan/${member.slug}`, { activity: `/agenda/${meeting.id}`, statement: '' });
    assert.doesNotMatch((await t.app.inject(`/anggota/${member.slug}`)).body, /Pernyataan anggota/);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'member')
      .where('subject_id', '=', String(member.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['members.statement', 'members.statement.remove'],
    );

    // Moderators, citizens and PPID officers may not.
    for (const role of ['moderator', 'citizen', 'ppid'] as const) {
      const who = await signedInPerson(t, role);
      assert.equal((await who.get('/kelola/kegiatan')).statusCode, 403, role);
      assert.equal((await who.get(`/kelola/kegiatan/${member.slug}`)).statusCode, 403, role);
    }
    assert.equal((await new Agent(t.app, '203.0.113.77').get('/kelola/kegiatan')).statusCode, 303);
  });
});
