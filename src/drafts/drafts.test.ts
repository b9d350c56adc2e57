import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { simplePdf } from '../platform/pdf.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

describe('a draft regulation from the Propemperda to its enactment', () => {
  test('staff record each stage with its meeting and documents; a confirmed follower is told of each and can stop', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    await staff.get('/kelola/raperda');
    const bad = await staff.post('/kelola/raperda', {
      year: '20x6',
      title: 'Ra',
      initiator: 'rakyat',
      summary: '',
      body: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#year">Tahun Propemperda: isian ini tidak sah\. Periksa kembali\.<\/a>/);
    assert.match(bad.body, /id="title-error">Tulis judul rancangan, paling sedikit 5 huruf\.<\/p>/);
    await staff.get('/kelola/raperda');
    const added = await staff.post('/kelola/raperda', {
      year: '2026',
      title: 'Raperda tentang Penyelenggaraan Cadangan Pangan Daerah',
      initiator: 'dprd',
      summary: 'Mengatur lumbung pangan kelurahan dan cadangan beras daerah.',
      body: 'bapemperda',
    });
    assert.equal(added.statusCode, 303);
    const id = Number(/\/kelola\/raperda\/(\d+)/.exec(added.headers.location as string)?.[1]);

    const list = await agent().get('/raperda?tahun=2026');
    assert.match(list.body, /Propemperda 2026/);
    assert.match(list.body, /Penyelenggaraan Cadangan Pangan Daerah/);

    // A citizen follows it; nothing is sent to them before they confirm.
    const citizen = agent();
    await citizen.get(`/raperda/${id}`);
    assert.equal((await citizen.post(`/raperda/${id}/ikuti`, { 'follow-email': 'bukan-email' })).statusCode, 400);
    assert.equal(
      (await citizen.post(`/raperda/${id}/ikuti`, { 'follow-email': 'pengikut@example.org' })).statusCode,
      303,
    );
    await t.app.outbox.deliverDue();
    const confirm = mailbox.to('pengikut@example.org');
    assert.equal(confirm.length, 1);
    assert.match(confirm[0]?.subject ?? '', /^Konfirmasi: ikuti/);

    // Signed in, a follow with the account's address is on /akun, waiting for its confirmation.
    const holder = await createUser(t, 'citizen');
    const signedIn = await signIn(t, holder, agent());
    await signedIn.get(`/raperda/${id}`);
    await signedIn.post(`/raperda/${id}/ikuti`, { 'follow-email': holder.email });
    const own = (await signedIn.get('/akun')).body;
    assert.match(
      own,
      new RegExp(
        `Rancangan perda yang Anda ikuti</h3><ul class="list"><li><a href="/raperda/${id}">[^<]*Cadangan Pangan Daerah</a><br/><span class="badge">Menunggu konfirmasi lewat email</span>`,
      ),
    );

    const meeting = await t.database.db
      .insertInto('meeting')
      .values({
        council_id: (await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow()).id,
        uid: 'uji-raperda@dewan-terbuka',
        type: 'bapemperda',
        title: 'Rapat Bapemperda: pembahasan Raperda Cadangan Pangan',
        starts_at: new Date('2026-11-20T03:00:00Z'),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Before confirming, a stage change tells nobody.
    await staff.get(`/kelola/raperda/${id}`);
    assert.equal(
      (
        await staff.post(`/kelola/raperda/${id}/tahap`, {
          stage: 'penyusunan',
          date: '2026-10-01',
          note: 'Naskah akademik disusun.',
          meeting: '',
          regulation: '',
        })
      ).statusCode,
      303,
    );
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('pengikut@example.org').length, 1);

    const confirmed = await citizen.get(linkIn(confirm[0]));
    assert.equal(confirmed.statusCode, 303);
    assert.match(confirmed.headers.location as string, /pesan=dikonfirmasi/);

    await staff.get(`/kelola/raperda/${id}`);
    const discussed = await staff.post(`/kelola/raperda/${id}/tahap`, {
      stage: 'pembahasan',
      date: '2026-11-20',
      note: 'Dibahas bersama Dinas Ketahanan Pangan.',
      meeting: String(meeting.id),
      regulation: '',
    });
    assert.equal(discussed.statusCode, 303);
    await staff.get(`/kelola/raperda/${id}`);
    const doc = await staff.postMultipart(
      `/kelola/raperda/${id}/dokumen`,
      { documentStage: 'pembahasan', documentTitle: 'Draf pasal demi pasal' },
      [
        {
          field: 'document',
          filename: 'draf.pdf',
          type: 'application/pdf',
          data: simplePdf(['Pasal 1', 'Cadangan pangan daerah.']),
        },
      ],
    );
    assert.equal(doc.statusCode, 303);
    await staff.get(`/kelola/raperda/${id}`);
    const backwards = await staff.post(`/kelola/raperda/${id}/tahap`, {
      stage: 'perencanaan',
      date: '2026-11-21',
      note: '',
      meeting: '',
      regulation: '',
    });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /Tahap tidak dapat mundur/);
    await staff.get(`/kelola/raperda/${id}`);
    const badMeeting = await staff.post(`/kelola/raperda/${id}/tahap`, {
      stage: 'pembahasan',
      date: '2026-11-31',
      note: '',
      meeting: '999999',
      regulation: '',
    });
    assert.equal(badMeeting.statusCode, 400);

    await t.app.outbox.deliverDue();
    const news = mailbox.to('pengikut@example.org');
    assert.equal(news.length, 2);
    assert.match(news[1]?.subject ?? '', /tahap Pembahasan$/);
    assert.match(news[1]?.text ?? '', /Dibahas bersama Dinas Ketahanan Pangan\./);

    const page = (await agent().get(`/raperda/${id}`)).body;
    assert.match(page, /<li class="current" aria-current="step">Pembahasan<\/li>/);
    assert.match(page, new RegExp(`href="/agenda/${meeting.id}">Rapat Bapemperda: pembahasan Raperda Cadangan Pangan`));
    assert.match(page, /Naskah akademik disusun\./);
    assert.match(page, /Draf pasal demi pasal/);

    // The stop link in the message ends the following; it cannot be forged for someone else.
    const stopLink = /\/raperda\/berhenti\/\d+\/[A-Za-z0-9_-]+/.exec(news[1]?.text ?? '')?.[0];
    assert.ok(stopLink !== undefined, 'every message carries a link to stop');
    assert.equal((await agent().get(stopLink.replace(/\/[A-Za-z0-9_-]+$/, '/palsupalsupalsu'))).statusCode, 400);
    assert.equal((await agent().get(stopLink)).statusCode, 200);
    await staff.get(`/kelola/raperda/${id}`);
    await staff.post(`/kelola/raperda/${id}/tahap`, {
      stage: 'penetapan',
      date: '2026-11-28',
      note: 'Disetujui bersama dalam paripurna.',
      meeting: '',
      regulation: '',
    });
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('pengikut@example.org').length, 2, 'nothing after stopping');

    for (const role of ['citizen', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/raperda')).statusCode, 403, role);
    }
  });
});
