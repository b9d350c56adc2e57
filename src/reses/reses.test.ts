import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import type { Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `192.0.2.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

/** A phone's photo, with the camera and the place it was taken in its EXIF. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 120, b: 140 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Artist: 'Pemilik Ponsel' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 14/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 59/1 0/1',
      },
    })
    .toBuffer();
}

/** An account of role member tied to a member of the council. */
async function memberAccount(index: number) {
  const member = await t.database.db
    .selectFrom('member')
    .select(['id', 'name', 'slug'])
    .where('active', '=', true)
    .orderBy('id')
    .offset(index)
    .executeTakeFirstOrThrow();
  const user = await createUser(t, 'member', { name: member.name });
  await t.database.db.updateTable('app_user').set({ member_id: member.id }).where('id', '=', user.id).execute();
  return { member, agent: await signIn(t, user, agent()) };
}

describe('reses reports', () => {
  let staff: Agent;
  let reportId = 0;
  let mine: Awaited<ReturnType<typeof memberAccount>>;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
    mine = await memberAccount(0);
  });

  test('staff set the periods; a member opens a report of their own and no one else may touch it', async () => {
    await staff.get('/kelola/reses');
    const bad = await staff.post('/kelola/reses/masa', { name: '', startsOn: '2026-10-12', endsOn: '2026-10-01' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Nama masa reses: isian ini wajib diisi\./);
    assert.match(bad.body, /Selesai: harus sesudah tanggal mulai\./);
    const ok = await staff.post('/kelola/reses/masa', {
      name: 'Reses Masa Sidang III 2026',
      startsOn: '2026-10-05',
      endsOn: '2026-10-10',
    });
    assert.equal(ok.headers.location, '/kelola/reses?pesan=masa');
    await staff.get('/kelola/reses');
    const twice = await staff.post('/kelola/reses/masa', {
      name: 'Reses Masa Sidang III 2026',
      startsOn: '2026-10-05',
      endsOn: '2026-10-10',
    });
    assert.match(twice.body, /Nama masa reses: nama ini sudah dipakai\./);
    const period = await t.database.db.selectFrom('reses_period').select('id').executeTakeFirstOrThrow();

    // A member sets no periods, and opens a report for themself only.
    await mine.agent.get('/kelola/reses');
    assert.equal(
      (
        await mine.agent.post('/kelola/reses/masa', {
          name: 'Reses buatan anggota',
          startsOn: '2026-10-01',
          endsOn: '2026-10-02',
        })
      ).statusCode,
      403,
    );
    await mine.agent.get('/kelola/reses');
    const opened = await mine.agent.post('/kelola/reses', { period: String(period.id), member: 'anggota-lain' });
    assert.equal(opened.statusCode, 303);
    reportId = Number(/\/kelola\/reses\/(\d+)/.exec(String(opened.headers.location))?.[1]);
    const row = await t.database.db
      .selectFrom('reses_report')
      .select(['member_id'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    assert.equal(row.member_id, mine.member.id);

    // Another member can neither see the draft nor add to it; citizens and moderators have no door.
    const other = await memberAccount(1);
    assert.equal((await other.agent.get(`/kelola/reses/${reportId}`)).statusCode, 404);
    await other.agent.get('/kelola/reses');
    assert.equal(
      (
        await other.agent.post(`/kelola/reses/${reportId}/terbit`, {
          summary: 'Ringkasan yang bukan miliknya sendiri.',
        })
      ).statusCode,
      404,
    );
    for (const role of ['citizen', 'moderator'] as const) {
      const outsider = await signIn(t, await createUser(t, role), agent());
      assert.equal((await outsider.get('/kelola/reses')).statusCode, 403, role);
    }
    // Not published: nobody else sees it.
    assert.equal((await agent().get(`/reses/${reportId}`)).statusCode, 404);
    assert.doesNotMatch((await agent().get('/reses')).body, new RegExp(mine.member.name));
  });

  test('the member records visits with photos and the input heard, each filed as an aspiration, then publishes', async () => {
    const m = mine.agent;
    const page = `/kelola/reses/${reportId}`;
    await m.get(page);
    const bad = await m.postMultipart(`${page}/kunjungan`, {
      day: '2026-11-20',
      place: '',
      kelurahan: '999999',
      attendance: 'banyak',
      notes: '',
    });
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /Tanggal kunjungan: tanggal ini di luar masa reses\./,
      /Tempat: isian ini wajib diisi\./,
      /Kelurahan \(tidak wajib\): isian ini tidak sah\./,
      /Jumlah warga yang hadir: isian ini tidak sah\./,
    ])
      assert.match(bad.body, message);
    assert.equal((await t.database.db.selectFrom('reses_visit').select('id').execute()).length, 0);

    const kelurahan = await t.database.db.selectFrom('kelurahan').select(['id', 'name']).executeTakeFirstOrThrow();
    await m.get(page);
    const visit = await m.postMultipart(
      `${page}/kunjungan`,
      {
        day: '2026-10-06',
        place: 'Balai RW 05',
        kelurahan: String(kelurahan.id),
        attendance: '85',
        notes: 'Warga mengeluhkan banjir dan lampu jalan.',
      },
      [{ field: 'photos', filename: 'balai.jpg', type: 'image/jpeg', data: await phonePhoto() }],
    );
    assert.equal(visit.headers.location, `${page}?pesan=kunjungan#kunjungan`);
    const visitRow = await t.database.db.selectFrom('reses_visit').select('id').executeTakeFirstOrThrow();

    // The input: a mistake first, then filed as an aspiration of the reses channel.
    const category = await t.database.db.selectFrom('aspiration_category').select('slug').executeTakeFirstOrThrow();
    await m.get(page);
    const refused = await m.post(`${page}/aspirasi`, {
      visit: String(visitRow.id),
      category: '',
      location: '',
      title: 'Banjir',
      description: 'Banjir',
      name: '',
      email: '',
      phone: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<a href="#category">/);
    await m.get(page);
    const filed = await m.post(`${page}/aspirasi`, {
      visit: String(visitRow.id),
      category: category.slug,
      location: String(kelurahan.id),
      title: 'Saluran air tersumbat di RW 05',
      description: 'Setiap hujan deras saluran di RW 05 meluap ke rumah warga karena tersumbat sampah.',
      name: 'Pak Darto',
      email: 'darto.reses@example.org',
      phone: '',
    });
    assert.equal(filed.headers.location, `${page}?pesan=aspirasi#aspirasi`);
    const aspiration = await t.database.db
      .selectFrom('aspiration')
      .select(['code', 'channel'])
      .where('channel', '=', 'reses')
      .executeTakeFirstOrThrow();
    await t.app.outbox.deliverDue();
    assert.match(
      mailbox
        .to('darto.reses@example.org')
        .map((x) => x.text)
        .join('\n'),
      new RegExp(aspiration.code),
      'whoever raised it receives the tracking code',
    );
    assert.doesNotMatch(
      (await agent().get(`/aspirasi/${aspiration.code}`)).body,
      /Disampaikan dalam reses/,
      'the trail waits for the report to be public',
    );

    // Publishing needs a summary.
    await m.get(page);
    const short = await m.post(`${page}/terbit`, { summary: 'Pendek' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Ringkasan laporan: terlalu pendek\./);
    await m.get(page);
    const published = await m.post(`${page}/terbit`, {
      summary: 'Reses di Dapil ini menyerap keluhan banjir dan penerangan jalan dari 85 warga.',
    });
    assert.equal(published.headers.location, `${page}?pesan=terbit`);

    // The aspiration's own page now says where it was raised, and its citizen is told.
    const trail = (await agent().get(`/aspirasi/${aspiration.code}`)).body;
    assert.match(
      trail,
      new RegExp(`<a href="/reses/${reportId}">Disampaikan dalam reses ${mine.member.name}, 6 Oktober 2026</a>`),
    );
    await t.app.outbox.deliverDue();
    assert.match(
      mailbox
        .to('darto.reses@example.org')
        .map((x) => x.subject)
        .join('\n'),
      new RegExp(`${aspiration.code}: Disampaikan dalam reses`),
    );

    // The public sees the report: the visit, how many came, the photo, the input and its page.
    const list = await agent().get('/reses');
    assert.match(list.body, new RegExp(`<a href="/reses/${reportId}">${mine.member.name}</a>`));
    assert.match(list.body, /1 kunjungan · 85 warga hadir · 1 aspirasi/);
    const report = await agent().get(`/reses/${reportId}`);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Balai RW 05/);
    assert.match(report.body, new RegExp(kelurahan.name));
    assert.match(report.body, /85 warga hadir/);
    assert.match(report.body, new RegExp(`<a href="/aspirasi/${aspiration.code}">Saluran air tersumbat di RW 05</a>`));
    const photo = /<img src="(\/reses\/\d+\/foto\/\d+)-kecil"/.exec(report.body)?.[1] ?? '';
    assert.notEqual(photo, '');
    const bytes = (await agent().get(photo)).rawPayload;
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF: no camera, no place');
    assert.equal(meta.format, 'webp');

    // The member's own page lists the report.
    const memberPage = await agent().get(`/anggota/${mine.member.slug}`);
    assert.match(memberPage.body, new RegExp(`<a href="/reses/${reportId}">Reses Masa Sidang III 2026</a>`));

    // As open data: the report's figures, visits and the codes of its input, nobody who came named.
    const api = (await t.app.inject('/api/v1/reses')).json() as { reports: { id: number; attendance: number }[] };
    assert.equal(api.reports.find((r) => r.id === reportId)?.attendance, 85);
    const one = await t.app.inject(`/api/v1/reses/${reportId}`);
    assert.equal(one.statusCode, 200);
    const detail = one.json() as { visits_list: { place: string }[]; aspirations: { code: string }[] };
    assert.equal(detail.visits_list[0]?.place, 'Balai RW 05');
    assert.deepEqual(
      detail.aspirations.map((a) => a.code),
      [aspiration.code],
    );
    assert.doesNotMatch(one.body, /darto\.reses@example\.org/);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const html of [list.body, report.body, (await m.get(page)).body, (await staff.get('/kelola/reses')).body]) {
      const result = await validator.validateString(html);
      assert.deepEqual(
        result.results.flatMap((r) => r.messages.map((x) => `${x.ruleId}: ${x.message}`)),
        [],
      );
    }
  });
});
