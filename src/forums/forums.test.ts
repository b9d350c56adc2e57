import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
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

const threadCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('forum_thread')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the citizens’ forum', () => {
  test('a citizen starts a thread in a komisi and a kecamatan; a member answers with the badge of the role; followers are told', async () => {
    const front = await agent().get('/forum');
    assert.equal(front.statusCode, 200);
    assert.match(front.body, /<a href="\/forum\/komisi\/komisi-i">Komisi I<\/a>/);
    assert.match(front.body, /<a href="\/forum\/kecamatan\/jatiasih">Jatiasih<\/a>/);
    // A visitor is sent to sign in to start one.
    assert.equal((await agent().get('/forum/baru')).statusCode, 303);

    const citizen = await createUser(t, 'citizen', { name: 'Lina Marlina' });
    const lina = await signIn(t, citizen, agent());
    const before = await threadCount();
    await lina.get('/forum/baru?komisi=komisi-iv');
    assert.match((await lina.get('/forum/baru?komisi=komisi-iv')).body, /<option value="komisi-iv" selected>/);
    const bad = await lina.post('/forum/baru', { title: 'Ha', body: 'pendek', komisi: '', kecamatan: 'tidak-ada' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#title">Tulis judul, paling sedikit 5 huruf\.<\/a>/);
    assert.match(bad.body, /<a href="#komisi">Pilih komisi\.<\/a>/);
    assert.match(bad.body, /Kecamatan \(tidak wajib\): isian ini tidak sah/);
    assert.equal(await threadCount(), before);
    await lina.get('/forum/baru');
    const started = await lina.post('/forum/baru', {
      title: 'Antrean panjang di Puskesmas Jatiasih',
      body: 'Setiap pagi antrean sudah mengular sejak pukul lima. Adakah rencana pendaftaran daring?',
      komisi: 'komisi-iv',
      kecamatan: 'jatiasih',
    });
    assert.equal(started.statusCode, 303);
    const id = Number(/\/forum\/utas\/(\d+)/.exec(String(started.headers.location))?.[1]);
    assert.match((await agent().get('/forum/komisi/komisi-iv')).body, /Antrean panjang di Puskesmas Jatiasih/);
    assert.match((await agent().get('/forum/kecamatan/jatiasih')).body, /Antrean panjang di Puskesmas Jatiasih/);
    assert.doesNotMatch((await agent().get('/forum/kecamatan/bantargebang')).body, /Antrean panjang/);

    // A neighbour follows it by email and confirms.
    const neighbour = agent();
    await neighbour.get(`/forum/utas/${id}`);
    assert.equal((await neighbour.post(`/forum/utas/${id}/ikuti`, { 'follow-email': 'bukan' })).statusCode, 400);
    await neighbour.get(`/forum/utas/${id}`);
    await neighbour.post(`/forum/utas/${id}/ikuti`, { 'follow-email': 'tetangga@example.org' });
    await t.app.outbox.deliverDue();
    const confirm = linkIn(mailbox.to('tetangga@example.org')[0]);
    assert.match(String((await neighbour.get(confirm)).headers.location), /pesan=dikonfirmasi/);
    mailbox.clear();

    // A member answers; the post carries the badge; the follower gets it with a stop link.
    const member = await signIn(t, await createUser(t, 'member', { name: 'H. Ahmad Fauzi' }), agent());
    await member.get(`/forum/utas/${id}`);
    const empty = await member.post(`/forum/utas/${id}/balas`, { body: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Tulis pesan Anda, paling sedikit 10 huruf\./);
    await member.get(`/forum/utas/${id}`);
    const answered = await member.post(`/forum/utas/${id}/balas`, {
      body: 'Komisi IV akan memanggil Dinas Kesehatan dalam rapat kerja bulan depan untuk membahas pendaftaran daring.',
    });
    assert.equal(answered.statusCode, 303);
    const page = await agent().get(`/forum/utas/${id}`);
    assert.match(page.body, /<strong>H\. Ahmad Fauzi<\/strong> <span class="badge badge-active">Anggota DPRD<\/span>/);
    assert.match(page.body, /<strong>Lina Marlina<\/strong> ·/, 'a citizen carries no badge');
    await t.app.outbox.deliverDue();
    const told = mailbox.to('tetangga@example.org');
    assert.equal(told.length, 1);
    assert.match(told[0]?.subject ?? '', /^Balasan baru: Antrean panjang di Puskesmas Jatiasih/);
    assert.match(told[0]?.text ?? '', /H\. Ahmad Fauzi \(Anggota DPRD\) membalas/);
    assert.match(told[0]?.text ?? '', /Berhenti mengikuti: http:\/\/localhost:3000\/forum\/utas\/berhenti\//);

    // The thread is linked to the meeting where the komisi takes it up; citizens may not link.
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const meeting = await t.database.db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'uji-forum@dewan-terbuka',
        type: 'rapat_kerja',
        title: 'Rapat kerja Komisi IV dengan Dinas Kesehatan',
        open: true,
        starts_at: new Date(Date.now() + 20 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await lina.get(`/forum/utas/${id}`);
    assert.equal((await lina.post(`/forum/utas/${id}/tautan`, { meeting: String(meeting.id) })).statusCode, 403);
    await member.get(`/forum/utas/${id}`);
    const wrong = await member.post(`/forum/utas/${id}/tautan`, { consultation: '', meeting: '/agenda/99999999' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Rapat: isian ini tidak sah/);
    await member.get(`/forum/utas/${id}`);
    const linked = await member.post(`/forum/utas/${id}/tautan`, {
      consultation: '',
      meeting: `/agenda/${meeting.id}`,
    });
    assert.equal(linked.statusCode, 303);
    assert.match(
      (await agent().get(`/forum/utas/${id}`)).body,
      new RegExp(
        `Dibahas dalam rapat: <a href="/agenda/${meeting.id}">Rapat kerja Komisi IV dengan Dinas Kesehatan</a>`,
      ),
    );

    // The member files the thread as an aspiration; citizens may not.
    await lina.get(`/forum/utas/${id}`);
    assert.equal(
      (await lina.post(`/forum/utas/${id}/aspirasi`, { category: 'kesehatan', location: '' })).statusCode,
      403,
    );
    const thread = await member.get(`/forum/utas/${id}`);
    assert.match(thread.body, /Jadikan aspirasi/);
    const noCategory = await member.post(`/forum/utas/${id}/aspirasi`, { category: '', location: '' });
    assert.equal(noCategory.statusCode, 400);
    assert.match(noCategory.body, /Pilih kategori\./);
    const category = await t.database.db
      .selectFrom('aspiration_category')
      .select('slug')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const jatiasih = await t.database.db
      .selectFrom('kecamatan')
      .select('id')
      .where('name', '=', 'Jatiasih')
      .executeTakeFirstOrThrow();
    // The place is the thread's kecamatan unless the member chooses another.
    assert.match((await member.get(`/forum/utas/${id}`)).body, new RegExp(`<option value="k${jatiasih.id}" selected`));
    const filed = await member.post(`/forum/utas/${id}/aspirasi`, {
      category: category.slug,
      location: `k${jatiasih.id}`,
    });
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 300));
    const row = await t.database.db
      .selectFrom('forum_thread')
      .innerJoin('aspiration', 'aspiration.code', 'forum_thread.aspiration_code')
      .innerJoin('aspiration_reporter', 'aspiration_reporter.aspiration_id', 'aspiration.id')
      .select(['aspiration.code', 'aspiration.channel', 'aspiration.description', 'aspiration_reporter.email_sealed'])
      .where('forum_thread.id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, 'forum');
    assert.match(row.description, /antrean sudah mengular/);
    assert.equal(row.email_sealed, null, 'the author’s address does not go with it');
    assert.match(
      (await agent().get(`/forum/utas/${id}`)).body,
      new RegExp(`Diteruskan sebagai aspirasi <a href="/aspirasi/${row.code}">${row.code}</a>`),
    );
    assert.doesNotMatch((await member.get(`/forum/utas/${id}`)).body, /<h2 id="aspirasi">/, 'only once');

    // The author finds the post among their data.
    const data = (await lina.get('/akun/data.json')).body;
    assert.match(data, /Antrean panjang di Puskesmas Jatiasih/);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const [who, url] of [
      [agent(), '/forum'],
      [agent(), '/forum/komisi/komisi-iv'],
      [member, `/forum/utas/${id}`],
      [lina, '/forum/baru'],
    ] as const) {
      const res = await who.get(url);
      const report = await validator.validateString(res.body);
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
        `${url} is valid HTML`,
      );
    }
  });

  test('a reported post hidden by a moderator is gone from the thread and the feed; others may not moderate', async () => {
    const author = await signIn(t, await createUser(t, 'citizen'), agent());
    await author.get('/forum/baru');
    const started = await author.post('/forum/baru', {
      title: 'Pasar Baru becek',
      body: 'Pengelola pasar itu korup semua, nomor HP-nya 0812 3456 7890, teror saja mereka.',
      komisi: 'komisi-ii',
      kecamatan: '',
    });
    const id = Number(/\/forum\/utas\/(\d+)/.exec(String(started.headers.location))?.[1]);
    const post = await t.database.db
      .selectFrom('forum_post')
      .select('id')
      .where('thread_id', '=', id)
      .executeTakeFirstOrThrow();
    const reporter = agent();
    await reporter.get(`/forum/pesan/${post.id}`);
    assert.equal((await reporter.post(`/forum/pesan/${post.id}/laporkan`, { reason: '' })).statusCode, 400);
    await reporter.get(`/forum/pesan/${post.id}`);
    assert.equal(
      (await reporter.post(`/forum/pesan/${post.id}/laporkan`, { reason: 'Memuat nomor telepon dan ajakan meneror.' }))
        .statusCode,
      303,
    );
    for (const role of ['citizen', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/moderasi/forum')).statusCode, 403, role);
      await other.get('/forum');
      await other.get('/akun');
      assert.equal(
        (await other.post(`/kelola/moderasi/forum/pesan/${post.id}`, { action: 'hide', reason: 'Sembunyikan' }))
          .statusCode,
        403,
        role,
      );
    }
    const moderator = await signIn(t, await createUser(t, 'moderator'), agent());
    assert.match((await moderator.get('/kelola')).body, /1 pesan forum dilaporkan/);
    const queue = await moderator.get('/kelola/moderasi/forum');
    assert.match(queue.body, /Memuat nomor telepon dan ajakan meneror\./);
    const noReason = await moderator.post(`/kelola/moderasi/forum/pesan/${post.id}`, { action: 'hide', reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Tulis alasan menyembunyikan/);
    await moderator.get('/kelola/moderasi/forum');
    assert.equal(
      (
        await moderator.post(`/kelola/moderasi/forum/pesan/${post.id}`, {
          action: 'hide',
          reason: 'Memuat data pribadi',
        })
      ).statusCode,
      303,
    );
    for (const url of [`/forum/utas/${id}`, '/forum/komisi/komisi-ii/feed.atom', `/forum/pesan/${post.id}`]) {
      const res = await agent().get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /0812 3456 7890/, url);
    }
    assert.match(
      (await agent().get(`/forum/utas/${id}`)).body,
      /Pesan ini disembunyikan oleh moderator: Memuat data pribadi/,
    );
    // The moderator restores it from the thread.
    await moderator.get(`/forum/utas/${id}`);
    assert.equal(
      (await moderator.post(`/kelola/moderasi/forum/pesan/${post.id}?kembali=utas`, { action: 'restore' })).statusCode,
      303,
    );
    assert.match((await agent().get(`/forum/utas/${id}`)).body, /0812 3456 7890/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'forum_post')
      .where('subject_id', '=', String(post.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['forum.post-hide', 'forum.post-restore'],
    );
  });
});
