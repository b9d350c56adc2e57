import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import type { Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn, type TestUser } from '../../test/helpers/users.ts';
import { deps } from '../platform/auth.ts';
import { simplePdf } from '../platform/pdf.ts';
import { readFirstSheet } from '../platform/xlsx.ts';
import { splitText, standingOf, tellFollowersOfTimetable } from './service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip % 250}`);

/** A calendar day in Jakarta, n days from today. */
function day(n: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const draftText = `Menimbang: bahwa air minum adalah kebutuhan dasar warga.

Pasal 1
Dalam Peraturan Daerah ini yang dimaksud dengan air minum adalah air yang memenuhi syarat kesehatan.

Pasal 2
Pemerintah Daerah menjamin setiap rumah tangga mendapat paling sedikit 60 liter air minum per orang per hari.

Pasal 3
Tarif air minum ditetapkan dengan Peraturan Wali Kota setelah mendengar pendapat warga.`;

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

const count = async (table: 'consultation' | 'consultation_comment' | 'consultation_section') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function openConsultation(staff: Agent, values: Record<string, string> = {}) {
  await staff.get('/kelola/konsultasi');
  const res = await staff.post('/kelola/konsultasi', {
    kind: 'raperda',
    title: 'Konsultasi Raperda Penyelenggaraan Air Minum',
    summary: 'Rancangan ini mengatur hak setiap rumah tangga atas air minum dan cara tarif ditetapkan.',
    body: '',
    raperda: '',
    opensOn: day(-3),
    commentsFrom: day(-2),
    commentsUntil: day(14),
    reportDue: day(30),
    ...values,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  const id = Number(/\/kelola\/konsultasi\/(\d+)/.exec(String(res.headers.location))?.[1]);
  await staff.get(`/kelola/konsultasi/${id}`);
  const added = await staff.post(`/kelola/konsultasi/${id}/bagian`, { heading: '', text: draftText });
  assert.equal(added.statusCode, 303);
  const sections = await t.database.db
    .selectFrom('consultation_section')
    .select(['id', 'heading'])
    .where('consultation_id', '=', id)
    .orderBy('position')
    .execute();
  return { id, sections };
}

/** A draft regulation in this year's list, to consult on. */
async function addDraft(title: string) {
  const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  return t.database.db
    .insertInto('raperda')
    .values({ council_id: council.id, propemperda_year: 2026, title, initiator: 'dprd', stage: 'pembahasan' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function comment(person: Agent, id: number, section: number, form: Record<string, string>) {
  await person.get(`/konsultasi/${id}/bagian/${section}`);
  return person.post(`/konsultasi/${id}/bagian/${section}/komentar`, { showAs: 'name', ...form });
}

describe('where a statement stands', () => {
  test('it unites when 70 % agree or disagree, divides between 40 and 60 %, and needs five votes', () => {
    assert.equal(standingOf(4, 0), 'few');
    assert.equal(standingOf(7, 3), 'unites');
    assert.equal(standingOf(1, 9), 'unites');
    assert.equal(standingOf(3, 3), 'divides');
    assert.equal(standingOf(6, 4), 'divides');
    assert.equal(standingOf(13, 7), 'leans');
  });
});

describe('splitting a pasted text into sections', () => {
  test('each "Pasal" line starts a section; the opening part keeps the heading typed or "Pembukaan"', () => {
    const parts = splitText(draftText, '', 'Pembukaan');
    assert.deepEqual(
      parts.map((p) => p.heading),
      ['Pembukaan', 'Pasal 1', 'Pasal 2', 'Pasal 3'],
    );
    assert.match(parts[2]?.body ?? '', /^Pemerintah Daerah menjamin/);
  });
  test('a plan is split at its chapters; a text with neither is one section under its heading', () => {
    const plan = splitText(
      'BAB I PENDAHULUAN\nLatar belakang.\nBAB II GAMBARAN UMUM\nKondisi wilayah.',
      '',
      'Pembukaan',
    );
    assert.deepEqual(
      plan.map((p) => p.heading),
      ['BAB I PENDAHULUAN', 'BAB II GAMBARAN UMUM'],
    );
    assert.deepEqual(splitText('Satu paragraf saja.', 'Catatan', 'Pembukaan'), [
      { heading: 'Catatan', body: 'Satu paragraf saja.' },
    ]);
  });
});

describe('a public consultation from opening to its report', () => {
  let staff: Agent;
  let moderator: Agent;
  let citizenA: TestUser;
  let citizenB: TestUser;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
    moderator = await signIn(t, await createUser(t, 'moderator'), agent());
    citizenA = await createUser(t, 'citizen', { name: 'Siti Aminah' });
    citizenB = await createUser(t, 'citizen', { name: 'Budi Santoso' });
  });

  test('staff are told what is wrong with a consultation and nothing is stored; others are refused', async () => {
    const before = await count('consultation');
    await staff.get('/kelola/konsultasi');
    const bad = await staff.post('/kelola/konsultasi', {
      kind: 'rpjmd',
      title: 'Ko',
      summary: 'Pendek',
      body: 'badan-tidak-ada',
      raperda: '999999',
      opensOn: day(5),
      commentsFrom: day(1),
      commentsUntil: '2026-02-30',
      reportDue: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#title">Tulis judul, paling sedikit 5 huruf\.<\/a>/);
    assert.match(bad.body, /Komentar dibuka: tanggal ini tidak boleh sebelum tanggal tahap sebelumnya\./);
    assert.match(bad.body, /Komentar ditutup \(hari terakhir\): isian ini tidak sah/);
    assert.match(bad.body, /Rancangan perda: isian ini tidak sah/);
    assert.match(bad.body, /id="reportDue-error">Laporan terbit paling lambat: isian ini wajib diisi\.<\/p>/);
    assert.equal(await count('consultation'), before);

    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/konsultasi')).statusCode, 403, role);
      await other.get('/akun');
      const refused = await other.post('/kelola/konsultasi', { title: 'Konsultasi liar' });
      assert.equal(refused.statusCode, 403, role);
    }
    const visitor = agent();
    assert.equal((await visitor.get('/kelola/konsultasi')).statusCode, 303);
    assert.equal(await count('consultation'), before);
  });

  test('a consultation not yet opened is seen by staff only', async () => {
    const { id } = await openConsultation(staff, {
      title: 'Konsultasi yang belum dibuka',
      opensOn: day(10),
      commentsFrom: day(10),
    });
    assert.equal((await agent().get(`/konsultasi/${id}`)).statusCode, 404);
    assert.doesNotMatch((await agent().get('/konsultasi')).body, /Konsultasi yang belum dibuka/);
    assert.equal((await staff.get(`/konsultasi/${id}`)).statusCode, 200);
  });

  test('two citizens comment on different articles, one reports abuse, a moderator hides it, staff answer and publish the report', async () => {
    const raperda = await addDraft('Raperda tentang Penyelenggaraan Air Minum');
    const { id, sections } = await openConsultation(staff, { raperda: String(raperda.id) });
    assert.deepEqual(
      sections.map((s) => s.heading),
      ['Pembukaan', 'Pasal 1', 'Pasal 2', 'Pasal 3'],
    );
    const pasal2 = sections[2]?.id ?? 0;
    const pasal3 = sections[3]?.id ?? 0;

    // A visitor reads, and is asked to sign in to comment.
    const page = await agent().get(`/konsultasi/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Menerima komentar/);
    assert.match(page.body, /15 hari lagi/);
    const section = await agent().get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.match(section.body, /60 liter air minum/);
    assert.match(section.body, /Masuk untuk berkomentar/);
    const home = await agent().get('/');
    assert.match(
      home.body,
      new RegExp(
        `<a href="/konsultasi/${id}">Konsultasi Raperda Penyelenggaraan Air Minum</a><br/><span class="meta">15 hari lagi</span>`,
      ),
    );
    assert.match(
      page.body,
      new RegExp(`<a href="/raperda/${raperda.id}">Raperda tentang Penyelenggaraan Air Minum</a>`),
    );
    assert.match((await agent().get(`/raperda/${raperda.id}`)).body, new RegExp(`<a href="/konsultasi/${id}">`));

    const a = await signIn(t, citizenA, agent());
    const b = await signIn(t, citizenB, agent());

    // Bad input: a clear message, nothing stored.
    const stored = await count('consultation_comment');
    const short = await comment(a, id, pasal2, { body: 'Setuju' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Tulis komentar Anda, paling sedikit 10 huruf\./);
    const links = await comment(a, id, pasal2, {
      body: 'Lihat https://a.example dan https://b.example serta www.c.example untuk promo.',
    });
    assert.equal(links.statusCode, 400);
    assert.match(links.body, /Komentar: paling banyak 2 tautan dalam satu komentar\./);
    const quote = await comment(a, id, pasal2, { body: 'Angka ini terlalu kecil.', quote: 'kalimat yang tidak ada' });
    assert.equal(quote.statusCode, 400);
    assert.match(quote.body, /kutipan ini tidak ada dalam naskah bagian ini/i);
    assert.match(quote.body, /Angka ini terlalu kecil\./, 'the comment typed is kept');
    const place = await comment(a, id, pasal2, { body: 'Angka ini terlalu kecil.', kecamatan: 'tidak-ada' });
    assert.equal(place.statusCode, 400);
    assert.equal(await count('consultation_comment'), stored);

    // Two comments on different articles.
    const first = await comment(a, id, pasal2, {
      body: 'Enam puluh liter terlalu kecil untuk keluarga dengan balita; usul 100 liter.',
      quote: '60 liter air minum per orang per hari',
      kecamatan: 'bekasi-timur',
    });
    assert.equal(first.statusCode, 303);
    const firstId = Number(/komentar-(\d+)/.exec(String(first.headers.location))?.[1]);
    const second = await comment(b, id, pasal3, {
      body: 'Pendapat warga harus didengar lewat musyawarah di setiap kelurahan, bukan hanya daring.',
      showAs: 'warga',
    });
    assert.equal(second.statusCode, 303);
    const secondId = Number(/komentar-(\d+)/.exec(String(second.headers.location))?.[1]);
    const shown = await agent().get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.match(shown.body, /Siti Aminah/);
    assert.match(shown.body, /<blockquote class="quote">60 liter air minum per orang per hari<\/blockquote>/);
    assert.match(shown.body, /Bekasi Timur/);
    const anonymous = await agent().get(`/konsultasi/${id}/bagian/${pasal3}`);
    assert.doesNotMatch(anonymous.body, /Budi Santoso/, 'a comment shown without a name hides it');
    assert.match(anonymous.body, /<strong>Warga<\/strong>/);

    // Replies go one level deep; support once, never one's own; a view of the section.
    await b.get(`/konsultasi/${id}/bagian/${pasal2}?balas=${firstId}`);
    const reply = await b.post(`/konsultasi/${id}/bagian/${pasal2}/komentar`, {
      body: 'Setuju, dan air untuk sekolah juga perlu dihitung.',
      parent: String(firstId),
      showAs: 'name',
    });
    assert.equal(reply.statusCode, 303);
    const replyId = Number(/komentar-(\d+)/.exec(String(reply.headers.location))?.[1]);
    await a.get(`/konsultasi/${id}/bagian/${pasal2}`);
    const deeper = await a.post(`/konsultasi/${id}/bagian/${pasal2}/komentar`, {
      body: 'Balasan atas balasan tidak boleh.',
      parent: String(replyId),
    });
    assert.equal(deeper.statusCode, 400);
    await b.get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.match(
      String((await b.post(`/konsultasi/komentar/${firstId}/dukung`, {})).headers.location),
      /pesan=didukung/,
    );
    await b.get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.match(String((await b.post(`/konsultasi/komentar/${firstId}/dukung`, {})).headers.location), /pesan=sudah/);
    await a.get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.match(
      String((await a.post(`/konsultasi/komentar/${firstId}/dukung`, {})).headers.location),
      /pesan=sendiri/,
    );
    const supported = await agent().get(`/konsultasi/${id}/bagian/${pasal2}?urut=dukungan`);
    assert.match(supported.body, /1 dukungan/);
    await a.get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.equal((await a.post(`/konsultasi/${id}/bagian/${pasal2}/sikap`, { stance: 'entah' })).statusCode, 400);
    await a.get(`/konsultasi/${id}/bagian/${pasal2}`);
    assert.equal((await a.post(`/konsultasi/${id}/bagian/${pasal2}/sikap`, { stance: 'disagree' })).statusCode, 303);
    assert.match((await agent().get(`/konsultasi/${id}`)).body, /1 tidak setuju/);

    // B reports A's reply-thread... no: a citizen reports B's comment on Pasal 3 as abuse.
    const reporter = agent();
    await reporter.get(`/konsultasi/komentar/${secondId}`);
    const empty = await reporter.post(`/konsultasi/komentar/${secondId}/laporkan`, { reason: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Tulis alasan laporan/);
    await reporter.get(`/konsultasi/komentar/${secondId}`);
    assert.equal(
      (await reporter.post(`/konsultasi/komentar/${secondId}/laporkan`, { reason: 'Memuat hasutan.' })).statusCode,
      303,
    );

    // Only moderators (and staff, administrators) may see the queue and decide.
    for (const role of ['citizen', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/moderasi')).statusCode, 403, role);
      await other.get(`/konsultasi/komentar/${secondId}`);
      assert.equal(
        (await other.post(`/kelola/moderasi/komentar/${secondId}`, { action: 'hide', reason: 'Sembunyikan saja' }))
          .statusCode,
        403,
        role,
      );
    }
    const queue = await moderator.get('/kelola/moderasi');
    assert.match(queue.body, /Dilaporkan 1 kali/);
    assert.match(queue.body, /Memuat hasutan\./);
    const noReason = await moderator.post(`/kelola/moderasi/komentar/${secondId}`, { action: 'hide', reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Tulis alasan menyembunyikan/);
    await moderator.get('/kelola/moderasi');
    const hidden = await moderator.post(`/kelola/moderasi/komentar/${secondId}`, {
      action: 'hide',
      reason: 'Melanggar aturan diskusi: hasutan',
    });
    assert.equal(hidden.statusCode, 303);
    const secret = 'musyawarah di setiap kelurahan';
    for (const url of [
      `/konsultasi/${id}/bagian/${pasal3}`,
      `/konsultasi/komentar/${secondId}`,
      `/konsultasi/${id}/feed.atom`,
      `/konsultasi/${id}/unduh/komentar.csv`,
      `/konsultasi/${id}/unduh/komentar.json`,
      `/api/v1/consultations/${id}`,
    ]) {
      const res = await agent().get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, new RegExp(secret), `${url} hides the text`);
    }
    const workbook = await agent().get(`/konsultasi/${id}/unduh/komentar.xlsx`);
    const sheet = readFirstSheet(new Uint8Array(workbook.rawPayload));
    assert.ok(sheet.length >= 3, 'the workbook holds the published comments');
    assert.ok(!JSON.stringify(sheet).includes(secret), 'the workbook hides the text');
    assert.ok(JSON.stringify(sheet).includes('air untuk sekolah'));
    assert.match(
      (await agent().get(`/konsultasi/${id}/bagian/${pasal3}`)).body,
      /Komentar ini disembunyikan oleh moderator: Melanggar aturan diskusi: hasutan/,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'consultation_comment')
      .where('subject_id', '=', String(secondId))
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      ['consultation.comment-hide'],
    );

    // The meeting where it is discussed in person, by its number or its agenda address.
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const meeting = await t.database.db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'uji-konsultasi@dewan-terbuka',
        type: 'konsultasi_publik',
        title: 'Konsultasi publik Raperda Air Minum di Kecamatan Bekasi Timur',
        open: true,
        starts_at: new Date(Date.now() + 5 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await staff.get(`/kelola/konsultasi/${id}`);
    const noMeeting = await staff.post(`/kelola/konsultasi/${id}/rapat`, { meeting: '/agenda/99999999' });
    assert.equal(noMeeting.statusCode, 400);
    assert.match(noMeeting.body, /Rapat di agenda: isian ini tidak sah/);
    await staff.get(`/kelola/konsultasi/${id}`);
    assert.equal(
      (await staff.post(`/kelola/konsultasi/${id}/rapat`, { meeting: `/agenda/${meeting.id}` })).statusCode,
      303,
    );
    assert.match(
      (await agent().get(`/konsultasi/${id}`)).body,
      new RegExp(`<a href="/agenda/${meeting.id}">Konsultasi publik Raperda Air Minum di Kecamatan Bekasi Timur</a>`),
    );

    // Offline input from a musyawarah, entered by staff with its source.
    await staff.get(`/kelola/konsultasi/${id}`);
    const offlineBad = await staff.post(`/kelola/konsultasi/${id}/masukan`, {
      section: String(pasal3),
      source: '',
      offlineBody: 'x',
    });
    assert.equal(offlineBad.statusCode, 400);
    assert.match(offlineBad.body, /Tulis asal masukan/);
    await staff.get(`/kelola/konsultasi/${id}`);
    const offline = await staff.post(`/kelola/konsultasi/${id}/masukan`, {
      section: String(pasal3),
      source: 'Notulen musyawarah Kelurahan Margahayu',
      offlineBody: 'Warga meminta tarif sosial bagi rumah tangga miskin.',
      kecamatan: '',
    });
    assert.equal(offline.statusCode, 303);
    assert.match(
      (await agent().get(`/konsultasi/${id}/bagian/${pasal3}`)).body,
      /Notulen musyawarah Kelurahan Margahayu/,
    );

    // Comments close: answers are refused while comments are open, then given one by one.
    await a.get(`/konsultasi/${id}/bagian/${pasal2}`);
    const formShownBefore = a.csrf();
    await staff.get(`/kelola/konsultasi/${id}`);
    const early = await staff.post(`/kelola/konsultasi/komentar/${firstId}/tanggapan`, {
      fate: 'accepted',
      answer: 'Diterima.',
    });
    assert.equal(early.statusCode, 400);
    await staff.get(`/kelola/konsultasi/${id}`);
    const closed = await staff.post(`/kelola/konsultasi/${id}`, {
      kind: 'raperda',
      title: 'Konsultasi Raperda Penyelenggaraan Air Minum',
      summary: 'Rancangan ini mengatur hak setiap rumah tangga atas air minum dan cara tarif ditetapkan.',
      body: '',
      raperda: String(raperda.id),
      opensOn: day(-20),
      commentsFrom: day(-19),
      commentsUntil: day(-1),
      reportDue: day(10),
    });
    assert.equal(closed.statusCode, 303);
    const late = await a.post(
      `/konsultasi/${id}/bagian/${pasal2}/komentar`,
      { body: 'Terlambat tapi penting sekali.' },
      { csrf: formShownBefore },
    );
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /Komentar: tidak bisa pada tahap konsultasi ini\./);

    await staff.get(`/kelola/konsultasi/${id}`);
    const noFate = await staff.post(`/kelola/konsultasi/komentar/${firstId}/tanggapan`, { fate: '', answer: '' });
    assert.equal(noFate.statusCode, 400);
    assert.match(noFate.body, /Pilih tindak lanjut komentar ini\./);
    await staff.get(`/kelola/konsultasi/${id}`);
    const tooSoon = await staff.post(`/kelola/konsultasi/${id}/laporan`, {
      reportSummary: 'Kami menerima banyak masukan tentang jumlah air minum dan tarif.',
    });
    assert.equal(tooSoon.statusCode, 400);
    assert.match(tooSoon.body, /Ringkasan laporan: masih ada 3 komentar tanpa tanggapan/);
    const offlineId = Number(
      (
        await t.database.db
          .selectFrom('consultation_comment')
          .select('id')
          .where('origin', '=', 'offline')
          .where('consultation_id', '=', id)
          .executeTakeFirstOrThrow()
      ).id,
    );
    const answers: [number, string, string][] = [
      [firstId, 'partly', 'Batas dinaikkan menjadi 80 liter per orang per hari.'],
      [replyId, 'accepted', 'Sekolah dimasukkan dalam Pasal 2 ayat (2).'],
      [offlineId, 'rejected', 'Tarif sosial sudah diatur dalam Perda tentang PDAM.'],
    ];
    for (const [commentId, fate, answer] of answers) {
      await staff.get(`/kelola/konsultasi/${id}`);
      const res = await staff.post(`/kelola/konsultasi/komentar/${commentId}/tanggapan`, { fate, answer });
      assert.equal(res.statusCode, 303);
    }
    await staff.get(`/kelola/konsultasi/${id}`);
    assert.equal(
      (
        await staff.post(`/kelola/konsultasi/${id}/bagian/${pasal2}/laporan`, {
          report: 'Banyak warga meminta batas lebih tinggi; kami menaikkannya.',
        })
      ).statusCode,
      303,
    );
    await staff.get(`/kelola/konsultasi/${id}`);
    const published = await staff.post(`/kelola/konsultasi/${id}/laporan`, {
      reportSummary: 'Kami menerima masukan tentang jumlah air minum dan tarif, dan mengubah Pasal 2.',
    });
    assert.equal(published.statusCode, 303);
    await t.app.outbox.deliverDue();

    // Each commenter receives the report with the fate of their own comments.
    const toA = mailbox.to(citizenA.email);
    assert.equal(toA.length, 1);
    assert.match(toA[0]?.subject ?? '', /^Laporan konsultasi: Konsultasi Raperda Penyelenggaraan Air Minum/);
    assert.match(toA[0]?.text ?? '', new RegExp(`/konsultasi/komentar/${firstId}: Diterima sebagian`));
    const toB = mailbox.to(citizenB.email);
    assert.equal(toB.length, 1);
    assert.match(toB[0]?.text ?? '', new RegExp(`/konsultasi/komentar/${replyId}: Diterima`));
    assert.doesNotMatch(
      toB[0]?.text ?? '',
      new RegExp(`/konsultasi/komentar/${secondId}`),
      'a hidden comment has no fate',
    );

    const own = await a.get(`/konsultasi/komentar/${firstId}`);
    assert.match(own.body, /Diterima sebagian/);
    assert.match(own.body, /Batas dinaikkan menjadi 80 liter/);
    const report = await agent().get(`/konsultasi/${id}/laporan`);
    assert.match(report.body, /Kami menerima masukan tentang jumlah air minum/);
    assert.match(report.body, /Banyak warga meminta batas lebih tinggi/);
    assert.match(report.body, /1 diterima · 1 diterima sebagian · 0 tidak diterima/);
    // Three charts (per section, per kecamatan, per day), each drawn for a phone and a wide screen.
    assert.equal(report.body.match(/<svg /g)?.length, 6);
    assert.match(report.body, /<figcaption>Komentar per hari<\/figcaption>/);
    assert.match(
      (await agent().get(`/raperda/${raperda.id}`)).body,
      new RegExp(`<a href="/konsultasi/${id}/laporan">laporan hasil konsultasi</a>`),
    );
    const hiddenPage = await agent().get(`/konsultasi/komentar/${secondId}`);
    assert.match(hiddenPage.body, /Komentar yang disembunyikan tidak ditindaklanjuti\./);

    // The commenter finds the comment among their own data, with its fate.
    const data = JSON.parse((await a.get('/akun/data.json')).body) as Record<string, unknown>;
    assert.match(JSON.stringify(data), /"fate":"partly"/);

    // Every page of the consultation is valid HTML.
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const [who, url] of [
      [agent(), '/konsultasi'],
      [agent(), `/konsultasi/${id}`],
      [a, `/konsultasi/${id}/bagian/${pasal2}`],
      [agent(), `/konsultasi/komentar/${firstId}`],
      [agent(), `/konsultasi/${id}/laporan`],
      [staff, `/kelola/konsultasi/${id}`],
      [staff, '/kelola/konsultasi'],
      [moderator, '/kelola/moderasi'],
    ] as const) {
      const res = await who.get(url);
      assert.equal(res.statusCode, 200, url);
      const report = await validator.validateString(res.body);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${url} is valid HTML`);
    }
  });

  test("a new account's first comment waits for a moderator where the consultation asks for it", async () => {
    const { id, sections } = await openConsultation(staff, {
      title: 'Konsultasi dengan pemeriksaan komentar pertama',
      holdFirstComments: 'yes',
    });
    const pasal1 = sections[1]?.id ?? 0;
    const newcomer = await signIn(t, await createUser(t, 'citizen', { name: 'Akun Baru' }), agent());
    const sent = await comment(newcomer, id, pasal1, { body: 'Definisi air minum perlu menyebut air isi ulang.' });
    assert.match(String(sent.headers.location), /pesan=ditahan/);
    assert.doesNotMatch((await agent().get(`/konsultasi/${id}/bagian/${pasal1}`)).body, /air isi ulang/);
    const queue = await moderator.get('/kelola/moderasi');
    assert.match(queue.body, /Komentar pertama, menunggu pemeriksaan/);
    assert.match(queue.body, /air isi ulang/);
    const heldId = Number(
      (
        await t.database.db
          .selectFrom('consultation_comment')
          .select('id')
          .where('consultation_id', '=', id)
          .executeTakeFirstOrThrow()
      ).id,
    );
    assert.equal((await moderator.post(`/kelola/moderasi/komentar/${heldId}`, { action: 'approve' })).statusCode, 303);
    assert.match((await agent().get(`/konsultasi/${id}/bagian/${pasal1}`)).body, /air isi ulang/);
    // Once one comment was let through, the next one shows at once.
    const next = await comment(newcomer, id, pasal1, { body: 'Dan air hujan yang diolah juga perlu disebut.' });
    assert.match(String(next.headers.location), /pesan=terkirim/);
  });
  test("staff take the text from the draft's PDF or an uploaded one, check it, then add it as sections", async () => {
    const raperda = await addDraft('Raperda tentang Penanggulangan Banjir');
    // The draft's document, uploaded where drafts keep theirs: two pages, each with its page number.
    const page1 = ['RANCANGAN PERATURAN DAERAH', 'TENTANG PENANGGULANGAN BANJIR', 'Pasal 1', 'Banjir adalah'];
    const filler = Array.from({ length: 45 }, (_, i) => `genangan air baris ${i + 1} yang merendam permukiman.`);
    const page2 = ['Pasal 2', 'Setiap kelurahan menyusun peta rawan banjir.', 'Pasal 3', 'Sungai dinormalisasi.'];
    const pdf = simplePdf([...page1, ...filler, '- 1 -', ...page2, '- 2 -']);
    await staff.get(`/kelola/raperda/${raperda.id}`);
    const uploaded = await staff.postMultipart(
      `/kelola/raperda/${raperda.id}/dokumen`,
      { documentStage: 'pembahasan', documentTitle: 'Naskah rancangan banjir' },
      [{ field: 'document', filename: 'banjir.pdf', type: 'application/pdf', data: pdf }],
    );
    assert.equal(uploaded.statusCode, 303);
    const document = await t.database.db
      .selectFrom('raperda_document')
      .select('id')
      .where('raperda_id', '=', raperda.id)
      .executeTakeFirstOrThrow();

    const { id, sections } = await openConsultation(staff, {
      title: 'Konsultasi Raperda Penanggulangan Banjir',
      raperda: String(raperda.id),
    });
    const office = await staff.get(`/kelola/konsultasi/${id}`);
    assert.match(office.body, new RegExp(`<option value="${document.id}">Naskah rancangan banjir</option>`));
    const stored = await count('consultation_section');

    // Taking the draft's document fills the text box and says how it would be split; nothing is stored.
    const taken = await staff.postMultipart(`/kelola/konsultasi/${id}/impor`, { document: String(document.id) });
    assert.equal(taken.statusCode, 200);
    assert.match(
      taken.body,
      /Teks diambil dari &quot;Naskah rancangan banjir&quot; dan akan menjadi 4 bagian: Pembukaan, Pasal 1, Pasal 2, Pasal 3\./,
    );
    const text = /<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/.exec(taken.body)?.[1] ?? '';
    assert.match(text, /^RANCANGAN PERATURAN DAERAH\nTENTANG PENANGGULANGAN BANJIR\nPasal 1\nBanjir adalah/);
    assert.match(text, /Pasal 2\nSetiap kelurahan menyusun peta rawan banjir\./);
    assert.doesNotMatch(text, /- [12] -/, 'page numbers are not part of the text');
    assert.equal(await count('consultation_section'), stored);

    // Staff add the text they checked: the sections follow those already there.
    const added = await staff.post(`/kelola/konsultasi/${id}/bagian`, {
      heading: '',
      text: text.replaceAll('&amp;', '&'),
    });
    assert.equal(added.statusCode, 303);
    const headings = (
      await t.database.db
        .selectFrom('consultation_section')
        .select('heading')
        .where('consultation_id', '=', id)
        .orderBy('position')
        .execute()
    ).map((r) => r.heading);
    assert.deepEqual(headings, [...sections.map((s) => s.heading), 'Pembukaan', 'Pasal 1', 'Pasal 2', 'Pasal 3']);

    // An uploaded PDF works the same way.
    await staff.get(`/kelola/konsultasi/${id}`);
    const fromFile = await staff.postMultipart(`/kelola/konsultasi/${id}/impor`, { document: '' }, [
      {
        field: 'pdf',
        filename: 'lampiran.pdf',
        type: 'application/pdf',
        data: simplePdf(['Pasal 4', 'Pompa air dipasang di setiap pintu air.']),
      },
    ]);
    assert.equal(fromFile.statusCode, 200);
    assert.match(fromFile.body, /Teks diambil dari &quot;lampiran\.pdf&quot; dan akan menjadi 1 bagian: Pasal 4\./);

    // What cannot be read is said in words, beside the field; nothing is stored.
    const refusals: [Record<string, string>, { filename: string; data: Buffer } | undefined, RegExp][] = [
      [{ document: '' }, undefined, /Pilih dokumen Raperda atau unggah berkas PDF\./],
      [{ document: '' }, { filename: 'surat.txt', data: Buffer.from('bukan pdf') }, /Berkas PDF: berkas ini bukan PDF/],
      [
        { document: '' },
        { filename: 'rusak.pdf', data: Buffer.from('%PDF-1.4 rusak') },
        /Berkas PDF: berkas ini bukan PDF/,
      ],
      [{ document: '' }, { filename: 'pindaian.pdf', data: simplePdf([]) }, /mungkin hasil pindaian/],
      [{ document: '999999' }, undefined, /Dokumen Raperda: /],
    ];
    for (const [form, file, message] of refusals) {
      await staff.get(`/kelola/konsultasi/${id}`);
      const res = await staff.postMultipart(
        `/kelola/konsultasi/${id}/impor`,
        form,
        file === undefined ? [] : [{ field: 'pdf', type: 'application/pdf', ...file }],
      );
      assert.equal(res.statusCode, 400, String(message));
      assert.match(res.body, message);
    }
    assert.equal(await count('consultation_section'), stored + 4);

    // Only staff may take a text.
    for (const role of ['citizen', 'moderator', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      await other.get(`/konsultasi/${id}/bagian/${sections[1]?.id}`);
      const refused = await other.postMultipart(`/kelola/konsultasi/${id}/impor`, { document: String(document.id) });
      assert.equal(refused.statusCode, 403, role);
    }
  });

  test('someone without an account comments through a mailed link where the consultation allows it, and keeps their rights over it', async () => {
    // Where the consultation does not take comments by mail, there is no such form and no such door.
    const plain = await openConsultation(staff, { title: 'Konsultasi hanya untuk pemilik akun' });
    const plainSection = plain.sections[1]?.id ?? 0;
    const noForm = await agent().get(`/konsultasi/${plain.id}/bagian/${plainSection}`);
    assert.match(noForm.body, /Masuk untuk berkomentar/);
    assert.doesNotMatch(noForm.body, /komentar-email/);

    const { id, sections } = await openConsultation(staff, {
      title: 'Konsultasi terbuka untuk warga tanpa akun',
      emailComments: 'yes',
    });
    const pasal1 = sections[1]?.id ?? 0;
    const pasal2 = sections[2]?.id ?? 0;
    const section = `/konsultasi/${id}/bagian/${pasal1}`;
    const pending = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('consultation_pending_comment')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('consultation_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const owner = await createUser(t, 'citizen', { name: 'Rahmat Hidayat' });
    const visitor = agent();
    const form = await visitor.get(section);
    assert.match(form.body, new RegExp(`action="${section}/komentar-email"`));
    assert.match(form.body, /Tidak punya akun\?/);
    // A form's token from one consultation opens no door on another that takes no comments by mail.
    const door = agent();
    await door.get(section);
    const refusedDoor = await door.post(`/konsultasi/${plain.id}/bagian/${plainSection}/komentar-email`, {
      body: 'Komentar lewat email pada konsultasi yang tidak mengizinkannya.',
      email: 'siapa@example.org',
      consent: 'yes',
    });
    assert.equal(refusedDoor.statusCode, 404);

    // Bad input: every problem said beside its field, nothing stored, nothing mailed.
    const comments = await count('consultation_comment');
    const bad = await visitor.post(`${section}/komentar-email`, { body: 'Pendek', email: '', name: 'Baris\nbaru' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#email">Tulis alamat email Anda\.<\/a>/);
    assert.match(bad.body, /<a href="#consent">Centang persetujuan agar kami boleh menyimpan alamat email Anda\.<\/a>/);
    assert.match(bad.body, /Tulis komentar Anda, paling sedikit 10 huruf\./);
    assert.match(bad.body, /Nama yang ditampilkan \(tidak wajib\): /);
    await visitor.get(section);
    const badEmail = await visitor.post(`${section}/komentar-email`, {
      body: 'Definisi air minum perlu mencakup air tanah.',
      email: 'bukan-alamat',
      consent: 'yes',
    });
    assert.equal(badEmail.statusCode, 400);
    assert.match(badEmail.body, /Tulis alamat email yang benar, misalnya nama@contoh\.id\./);
    assert.match(badEmail.body, /Definisi air minum perlu mencakup air tanah\./, 'the words typed are kept');
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.messages.length, 0);
    assert.equal(await pending(), 0);
    assert.equal(await count('consultation_comment'), comments);

    // The words wait; the link goes to the address; nothing shows before it is used.
    await visitor.get(section);
    const sent = await visitor.post(`${section}/komentar-email`, {
      body: 'Definisi air minum perlu mencakup air tanah yang diolah.',
      quote: 'air yang memenuhi syarat kesehatan',
      email: owner.email.toUpperCase(),
      name: 'Rahmat',
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${section}?pesan=periksa-email#tulis`);
    assert.match((await visitor.get(String(sent.headers.location))).body, /buka email kami dan tekan tautannya/);
    assert.doesNotMatch((await agent().get(section)).body, /air tanah yang diolah/);
    assert.equal(await pending(), 1);
    await t.app.outbox.deliverDue();
    const mail = mailbox.to(owner.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]?.subject ?? '', /^Konfirmasi komentar Anda: Konsultasi terbuka untuk warga tanpa akun/);
    const link = /\/konsultasi\/email\/[A-Za-z0-9_-]+/.exec(mail[0]?.text ?? '')?.[0] ?? '';
    assert.notEqual(link, '');

    // Opening the link shows the words and asks; only pressing the button publishes them.
    const opened = await visitor.get(link);
    assert.equal(opened.statusCode, 200);
    assert.match(String(opened.headers['cache-control']), /no-store/);
    assert.match(opened.body, /air tanah yang diolah/);
    assert.match(opened.body, /Terbitkan komentar/);
    assert.equal(await count('consultation_comment'), comments);
    const confirmed = await visitor.post(link, {});
    assert.equal(confirmed.statusCode, 303);
    const commentId = Number(/#komentar-(\d+)$/.exec(String(confirmed.headers.location))?.[1]);
    assert.ok(commentId > 0);
    assert.equal(await pending(), 0);
    const shown = (await agent().get(section)).body;
    assert.match(shown, /<strong>Rahmat<\/strong>/);
    assert.match(shown, /air tanah yang diolah/);
    // The same link again writes nothing twice; it now shows the comment and the writer's rights.
    await visitor.get(link);
    await visitor.post(link, {});
    assert.equal(await count('consultation_comment'), comments + 1);
    const again = await visitor.get(link);
    assert.match(again.body, /Hapus nama dan email saya/);
    assert.match(again.body, /Tarik komentar saya/);

    // The address is never public: not on the page, in the feed, the API or the open data.
    for (const url of [
      section,
      `/konsultasi/komentar/${commentId}`,
      `/konsultasi/${id}/feed.atom`,
      `/api/v1/consultations/${id}`,
      `/konsultasi/${id}/unduh/komentar.json`,
      `/konsultasi/${id}/unduh/komentar.csv`,
    ]) {
      const res = await agent().get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, new RegExp(owner.email.replace(/\./g, '\\.'), 'i'), url);
    }
    // The account with the same address finds the comment among its data.
    const ownerAgent = await signIn(t, owner, agent());
    assert.match((await ownerAgent.get('/akun/data.json')).body, /air tanah yang diolah/);

    // A second writer withdraws their comment: the words leave the page, the address the database.
    const second = agent();
    await second.get(`/konsultasi/${id}/bagian/${pasal2}`);
    await second.post(`/konsultasi/${id}/bagian/${pasal2}/komentar-email`, {
      body: 'Enam puluh liter terlalu sedikit untuk keluarga besar.',
      email: 'warga.kedua@example.org',
      consent: 'yes',
    });
    await t.app.outbox.deliverDue();
    const secondLink =
      /\/konsultasi\/email\/[A-Za-z0-9_-]+/.exec(mailbox.to('warga.kedua@example.org')[0]?.text ?? '')?.[0] ?? '';
    await second.get(secondLink);
    const secondId = Number(/#komentar-(\d+)$/.exec(String((await second.post(secondLink, {})).headers.location))?.[1]);
    await second.get(secondLink);
    const withdrawn = await second.post(`${secondLink}/hapus`, { action: 'withdraw' });
    assert.equal(withdrawn.statusCode, 303);
    assert.match(String(withdrawn.headers.location), /pesan=ditarik/);
    const afterWithdraw = (await agent().get(`/konsultasi/${id}/bagian/${pasal2}`)).body;
    assert.doesNotMatch(afterWithdraw, /Enam puluh liter terlalu sedikit/);
    assert.match(afterWithdraw, /Ditarik oleh penulisnya\./);
    const row = await t.database.db
      .selectFrom('consultation_comment')
      .select(['email_sealed', 'email_lookup', 'token_hash', 'status'])
      .where('id', '=', secondId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { email_sealed: null, email_lookup: null, token_hash: null, status: 'hidden' });
    const used = await second.get(secondLink);
    assert.equal(used.statusCode, 404);
    assert.match(used.body, /Tautan ini tidak berlaku/);

    // A link not used within its days has lapsed: it publishes nothing.
    const third = agent();
    await third.get(section);
    await third.post(`${section}/komentar-email`, {
      body: 'Komentar yang tidak pernah dikonfirmasi penulisnya.',
      email: 'warga.ketiga@example.org',
      consent: 'yes',
    });
    await t.database.db
      .updateTable('consultation_pending_comment')
      .set({ created_at: new Date(Date.now() - 4 * 86_400_000) })
      .where('consultation_id', '=', id)
      .execute();
    await t.app.outbox.deliverDue();
    const thirdLink =
      /\/konsultasi\/email\/[A-Za-z0-9_-]+/.exec(mailbox.to('warga.ketiga@example.org')[0]?.text ?? '')?.[0] ?? '';
    assert.equal((await third.get(thirdLink)).statusCode, 404);
    await third.get(section);
    assert.equal((await third.post(thirdLink, {})).statusCode, 404);
    assert.doesNotMatch((await agent().get(section)).body, /tidak pernah dikonfirmasi/);
    assert.equal((await agent().get('/konsultasi/email/tidak-ada-tautan-seperti-ini-sama-sekali')).statusCode, 404);

    // Taking only the name and address off: the words stay, signed "Warga"; the link stops working.
    const fifth = agent();
    await fifth.get(`/konsultasi/${id}/bagian/${pasal2}`);
    await fifth.post(`/konsultasi/${id}/bagian/${pasal2}/komentar-email`, {
      body: 'Pasal ini perlu menyebut air untuk tempat ibadah.',
      email: 'warga.kelima@example.org',
      name: 'Dewi Lestari',
      consent: 'yes',
    });
    await t.app.outbox.deliverDue();
    const fifthLink =
      /\/konsultasi\/email\/[A-Za-z0-9_-]+/.exec(mailbox.to('warga.kelima@example.org')[0]?.text ?? '')?.[0] ?? '';
    await fifth.get(fifthLink);
    const fifthId = Number(/#komentar-(\d+)$/.exec(String((await fifth.post(fifthLink, {})).headers.location))?.[1]);
    assert.match((await agent().get(`/konsultasi/${id}/bagian/${pasal2}`)).body, /<strong>Dewi Lestari<\/strong>/);
    await fifth.get(fifthLink);
    const unlinked = await fifth.post(`${fifthLink}/hapus`, { action: 'forget' });
    assert.match(String(unlinked.headers.location), /pesan=data-dihapus/);
    const unlinkedPage = (await agent().get(`/konsultasi/${id}/bagian/${pasal2}`)).body;
    assert.match(unlinkedPage, /air untuk tempat ibadah/);
    assert.doesNotMatch(unlinkedPage, /Dewi Lestari/);
    assert.equal((await fifth.get(fifthLink)).statusCode, 404);

    // Words confirmed after the comments closed are not published, and the writer is told why.
    const fourth = agent();
    await fourth.get(section);
    await fourth.post(`${section}/komentar-email`, {
      body: 'Komentar yang dikonfirmasi terlambat.',
      email: 'warga.keempat@example.org',
      consent: 'yes',
    });
    await t.app.outbox.deliverDue();
    const fourthLink =
      /\/konsultasi\/email\/[A-Za-z0-9_-]+/.exec(mailbox.to('warga.keempat@example.org')[0]?.text ?? '')?.[0] ?? '';
    await staff.get(`/kelola/konsultasi/${id}`);
    const closed = await staff.post(`/kelola/konsultasi/${id}`, {
      kind: 'raperda',
      title: 'Konsultasi terbuka untuk warga tanpa akun',
      summary: 'Rancangan ini mengatur hak setiap rumah tangga atas air minum dan cara tarif ditetapkan.',
      body: '',
      raperda: '',
      opensOn: day(-20),
      commentsFrom: day(-19),
      commentsUntil: day(-1),
      reportDue: day(10),
      emailComments: 'yes',
    });
    assert.equal(closed.statusCode, 303);
    await fourth.get(fourthLink);
    const late = await fourth.post(fourthLink, {});
    assert.equal(late.headers.location, `${section}?pesan=terlambat`);
    assert.match((await fourth.get(String(late.headers.location))).body, /tidak diterbitkan/);
    assert.doesNotMatch((await agent().get(section)).body, /dikonfirmasi terlambat/);

    // The report reaches the writer at the address that confirmed the comment, with its fate.
    await staff.get(`/kelola/konsultasi/${id}`);
    const answered = await staff.post(`/kelola/konsultasi/komentar/${commentId}/tanggapan`, {
      fate: 'accepted',
      answer: 'Air tanah yang diolah ditambahkan pada Pasal 1.',
    });
    assert.equal(answered.statusCode, 303);
    await staff.get(`/kelola/konsultasi/${id}`);
    await staff.post(`/kelola/konsultasi/komentar/${fifthId}/tanggapan`, {
      fate: 'rejected',
      answer: 'Tempat ibadah sudah termasuk pelanggan sosial.',
    });
    await staff.get(`/kelola/konsultasi/${id}`);
    const published = await staff.post(`/kelola/konsultasi/${id}/laporan`, {
      reportSummary: 'Warga meminta definisi air minum yang lebih luas; Pasal 1 diubah.',
    });
    assert.equal(published.statusCode, 303);
    mailbox.clear();
    await t.app.outbox.deliverDue();
    const report = mailbox.to(owner.email);
    assert.equal(report.length, 1);
    assert.match(report[0]?.text ?? '', /Yth\. Rahmat,/);
    assert.match(report[0]?.text ?? '', new RegExp(`/konsultasi/komentar/${commentId}: Diterima`));
    assert.equal(mailbox.to('warga.kedua@example.org').length, 0, 'a withdrawn comment has no report to receive');
    assert.equal(mailbox.to('warga.kelima@example.org').length, 0, 'an address taken off is not written to');

    // Erasing the account with that address also unlinks what was sent from it without the
    // account: the words stay, signed "Warga", and the mailed link stops working.
    await ownerAgent.get('/akun');
    const erased = await ownerAgent.post('/akun/hapus', { confirm: owner.password, kind: 'erasure' });
    assert.equal(erased.headers.location, '/masuk?pesan=akun-dihapus');
    const after = (await agent().get(section)).body;
    assert.match(after, /air tanah yang diolah/);
    assert.doesNotMatch(after, /<strong>Rahmat<\/strong>/);
    assert.equal((await visitor.get(link)).statusCode, 404);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const html of [form.body, opened.body, again.body, used.body]) {
      const result = await validator.validateString(html);
      assert.deepEqual(
        result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
      );
    }
  });

  test('citizens propose short statements; once let through, everyone votes and the page shows what unites and what divides', async () => {
    const { id } = await openConsultation(staff, { title: 'Konsultasi dengan pernyataan singkat' });
    const proposer = await signIn(t, await createUser(t, 'citizen'), agent());
    await proposer.get(`/konsultasi/${id}/pernyataan`);
    const short = await proposer.post(`/konsultasi/${id}/pernyataan`, { statement: 'Air' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Tulis pernyataan, paling sedikit 10 huruf\./);
    await proposer.get(`/konsultasi/${id}/pernyataan`);
    const link = await proposer.post(`/konsultasi/${id}/pernyataan`, {
      statement: 'Lihat www.contoh.example untuk tarif',
    });
    assert.equal(link.statusCode, 400);
    const texts = ['Tarif air harus sama untuk semua kecamatan', 'Pelanggan baru tidak boleh dikenai biaya sambung'];
    for (const statement of texts) {
      await proposer.get(`/konsultasi/${id}/pernyataan`);
      assert.equal((await proposer.post(`/konsultasi/${id}/pernyataan`, { statement })).statusCode, 303);
    }
    // Held until a moderator lets them through; others may not decide.
    assert.doesNotMatch((await agent().get(`/konsultasi/${id}/pernyataan`)).body, /Tarif air harus sama/);
    const held = await t.database.db
      .selectFrom('consultation_statement')
      .select(['id', 'text'])
      .where('consultation_id', '=', id)
      .orderBy('id')
      .execute();
    const member = await signIn(t, await createUser(t, 'member'), agent());
    await member.get(`/konsultasi/${id}/pernyataan`);
    await member.get('/akun');
    assert.equal(
      (await member.post(`/kelola/moderasi/pernyataan/${held[0]?.id}`, { action: 'approve' })).statusCode,
      403,
    );
    const queue = await moderator.get('/kelola/moderasi');
    assert.match(queue.body, /Pelanggan baru tidak boleh dikenai biaya sambung/);
    for (const st of held) {
      await moderator.get('/kelola/moderasi');
      assert.equal(
        (await moderator.post(`/kelola/moderasi/pernyataan/${st.id}`, { action: 'approve' })).statusCode,
        303,
      );
    }

    // Six people vote: the first statement unites (all agree), the second divides (three and three).
    for (let i = 0; i < 6; i++) {
      const voter = await signIn(t, await createUser(t, 'citizen'), agent());
      await voter.get(`/konsultasi/${id}/pernyataan`);
      assert.equal(
        (await voter.post(`/konsultasi/pernyataan/${held[0]?.id}/pilih`, { vote: 'agree' })).statusCode,
        303,
      );
      await voter.get(`/konsultasi/${id}/pernyataan`);
      await voter.post(`/konsultasi/pernyataan/${held[1]?.id}/pilih`, { vote: i % 2 === 0 ? 'agree' : 'disagree' });
      if (i === 0) {
        // Changing one's mind replaces the vote rather than adding one.
        await voter.get(`/konsultasi/${id}/pernyataan`);
        await voter.post(`/konsultasi/pernyataan/${held[1]?.id}/pilih`, { vote: 'pass' });
        await voter.get(`/konsultasi/${id}/pernyataan`);
        await voter.post(`/konsultasi/pernyataan/${held[1]?.id}/pilih`, { vote: 'agree' });
        await voter.get(`/konsultasi/${id}/pernyataan`);
        const refused = await voter.post(`/konsultasi/pernyataan/${held[1]?.id}/pilih`, { vote: 'maybe' });
        assert.equal(refused.statusCode, 400);
        assert.match(
          refused.body,
          new RegExp(`<a href="#pernyataan-${held[1]?.id}">Pilih setuju, tidak setuju atau lewati\\.</a>`),
        );
      }
    }
    const page = (await agent().get(`/konsultasi/${id}/pernyataan`)).body;
    assert.match(
      page,
      /<h2>Yang menyatukan<\/h2><ul><li>Tarif air harus sama untuk semua kecamatan <span class="meta">\(6 setuju · 0 tidak setuju · 0 lewati\)<\/span>/,
    );
    assert.match(
      page,
      /<h2>Yang membelah<\/h2><ul><li>Pelanggan baru tidak boleh dikenai biaya sambung <span class="meta">\(3 setuju · 3 tidak setuju · 0 lewati\)<\/span>/,
    );
    assert.match((await agent().get(`/konsultasi/${id}`)).body, /Pernyataan singkat \(2\)/);
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const report = await validator.validateString((await proposer.get(`/konsultasi/${id}/pernyataan`)).body);
    assert.deepEqual(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
      [],
    );
  });
});

describe('following a consultation', () => {
  test('a follower hears once each when comments open, three days before they close, of new dates, when they close and of the report; then stops', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id, sections } = await openConsultation(staff, {
      title: 'Konsultasi Raperda Pengelolaan Sampah',
      opensOn: day(-1),
      commentsFrom: day(3),
      commentsUntil: day(20),
      reportDue: day(40),
    });
    const tell = () => tellFollowersOfTimetable(deps(t.app));
    const setDates = (dates: { opens_on?: string; comments_from?: string; comments_until?: string }) =>
      t.database.db.updateTable('consultation').set(dates).where('id', '=', id).execute();
    const follower = 'pengikut.sampah@example.org';
    const news = async () => {
      await t.app.outbox.deliverDue();
      return mailbox.to(follower);
    };

    // Not yet open for comments: the page offers to follow it; a bad address is refused.
    const visitor = agent();
    const page = await visitor.get(`/konsultasi/${id}`);
    assert.match(page.body, /<h2 id="ikuti">Ikuti konsultasi ini<\/h2>/);
    const bad = await visitor.post(`/konsultasi/${id}/ikuti`, { 'follow-email': 'bukan-email' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#follow-email">/);
    const csrf = visitor.csrf();
    assert.equal(
      (await visitor.post('/konsultasi/999999/ikuti', { 'follow-email': follower }, { csrf })).statusCode,
      404,
    );
    const asked = await visitor.post(`/konsultasi/${id}/ikuti`, { 'follow-email': follower }, { csrf });
    assert.equal(asked.statusCode, 303);
    assert.match(
      (await visitor.get(String(asked.headers.location))).body,
      /Periksa email Anda dan buka tautan konfirmasinya\./,
    );
    const confirm = await news();
    assert.equal(confirm.length, 1);
    assert.match(confirm[0]?.subject ?? '', /^Konfirmasi: ikuti Konsultasi Raperda Pengelolaan Sampah/);
    const confirmLink = /\/konsultasi\/ikuti\/[A-Za-z0-9_-]+/.exec(confirm[0]?.text ?? '')?.[0] ?? '';
    // Before confirming, no news reaches the address.
    await setDates({ comments_from: day(0) });
    await tell();
    assert.equal((await news()).length, 1);
    await setDates({ comments_from: day(3) });
    await t.database.db.updateTable('consultation').set({ followers_told: null }).where('id', '=', id).execute();

    const confirmed = await visitor.get(confirmLink);
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `/konsultasi/${id}?pesan=dikonfirmasi`);
    assert.match((await visitor.get(`/konsultasi/${id}?pesan=dikonfirmasi`)).body, /Anda mengikuti konsultasi ini/);
    assert.equal((await visitor.get('/konsultasi/ikuti/tautan-yang-tidak-pernah-ada')).statusCode, 400);

    // Still in its information phase: nothing to tell.
    await tell();
    assert.equal((await news()).length, 1);

    // The day comments open: told once, with the last day, and a stop link.
    await setDates({ comments_from: day(0) });
    await tell();
    assert.equal(await tell(), 0, 'a second run finds nothing new');
    let mails = await news();
    assert.equal(mails.length, 2);
    assert.equal(mails[1]?.subject, 'Komentar dibuka: Konsultasi Raperda Pengelolaan Sampah');
    const until = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(
      new Date(`${day(20)}T12:00:00+07:00`),
    );
    assert.ok(mails[1]?.text.includes(`sampai ${until}.`), mails[1]?.text);
    assert.ok(mails[1]?.text.includes(`/konsultasi/${id}\n`));
    assert.match(mails[1]?.text ?? '', /\/konsultasi\/berhenti\/\d+\/[A-Za-z0-9_-]+/);

    // Three days left: a reminder, once.
    await setDates({ comments_until: day(2) });
    await tell();
    await tell();
    mails = await news();
    assert.equal(mails.length, 3);
    assert.match(mails[2]?.subject ?? '', /^Komentar ditutup \d+ \w+ \d{4}: Konsultasi Raperda Pengelolaan Sampah$/);

    // A signed-in citizen comments and follows with the account's address; /akun lists it.
    const citizen = await createUser(t, 'citizen', { name: 'Rina Wulandari' });
    const signed = await signIn(t, citizen, agent());
    await signed.get(`/konsultasi/${id}`);
    assert.equal((await signed.post(`/konsultasi/${id}/ikuti`, { 'follow-email': citizen.email })).statusCode, 303);
    await t.app.outbox.deliverDue();
    const ownConfirm = /\/konsultasi\/ikuti\/[A-Za-z0-9_-]+/.exec(mailbox.to(citizen.email)[0]?.text ?? '')?.[0] ?? '';
    assert.equal((await signed.get(ownConfirm)).statusCode, 303);
    assert.match(
      (await signed.get('/akun')).body,
      new RegExp(
        `Konsultasi publik yang Anda ikuti</h3><ul class="list"><li><a href="/konsultasi/${id}">Konsultasi Raperda Pengelolaan Sampah</a><br/><span class="badge">Menerima komentar</span>`,
      ),
    );
    const pasal1 = sections[1]?.id ?? 0;
    const commented = await comment(signed, id, pasal1, {
      body: 'Pemilahan sampah perlu dimulai dari rumah tangga dengan bank sampah di setiap RW.',
    });
    assert.equal(commented.statusCode, 303);
    const commentId = Number(/komentar-(\d+)/.exec(String(commented.headers.location))?.[1]);

    // Staff move the last day: everyone following hears the new dates; the reminder is not repeated.
    mailbox.clear();
    await staff.get(`/kelola/konsultasi/${id}`);
    const moved = await staff.post(`/kelola/konsultasi/${id}`, {
      kind: 'raperda',
      title: 'Konsultasi Raperda Pengelolaan Sampah',
      summary: 'Rancangan ini mengatur hak setiap rumah tangga atas air minum dan cara tarif ditetapkan.',
      body: '',
      raperda: '',
      opensOn: day(-1),
      commentsFrom: day(0),
      commentsUntil: day(10),
      reportDue: day(40),
    });
    assert.equal(moved.statusCode, 303, moved.body.slice(0, 300));
    await tell();
    mails = await news();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.subject, 'Jadwal berubah: Konsultasi Raperda Pengelolaan Sampah');
    assert.match(mails[0]?.text ?? '', /Komentar diterima \d+ \w+ \d{4} sampai \d+ \w+ \d{4}\./);
    assert.equal(mailbox.to(citizen.email).length, 1);

    // Comments close: told once, with the day the report is due.
    mailbox.clear();
    await setDates({ opens_on: day(-6), comments_from: day(-5), comments_until: day(-1) });
    await tell();
    await tell();
    mails = await news();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.subject, 'Komentar ditutup: Konsultasi Raperda Pengelolaan Sampah');
    assert.match(mails[0]?.text ?? '', /Laporannya terbit paling lambat \d+ \w+ \d{4}\./);

    // The report: the follower hears of it; the follower who commented gets one mail, with their comment's fate.
    mailbox.clear();
    await staff.get(`/kelola/konsultasi/${id}`);
    await staff.post(`/kelola/konsultasi/komentar/${commentId}/tanggapan`, {
      fate: 'accepted',
      answer: 'Bank sampah RW masuk Pasal 1.',
    });
    await staff.get(`/kelola/konsultasi/${id}`);
    const published = await staff.post(`/kelola/konsultasi/${id}/laporan`, {
      reportSummary: 'Warga meminta pemilahan dari rumah tangga; kami menambahkannya ke Pasal 1.',
    });
    assert.equal(published.statusCode, 303);
    mails = await news();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.subject, 'Laporan konsultasi: Konsultasi Raperda Pengelolaan Sampah');
    assert.ok(mails[0]?.text.includes(`/konsultasi/${id}/laporan\n`));
    const own = mailbox.to(citizen.email);
    assert.equal(own.length, 1, 'a follower who commented is told once');
    assert.match(own[0]?.text ?? '', new RegExp(`/konsultasi/komentar/${commentId}: Diterima`));
    assert.equal(await tell(), 0);
    assert.doesNotMatch(
      (await agent().get(`/konsultasi/${id}`)).body,
      /Ikuti konsultasi ini/,
      'nothing more to follow',
    );

    // The stop link ends it; a forged one does nothing.
    const stop = /\/konsultasi\/berhenti\/\d+\/[A-Za-z0-9_-]+/.exec(mails[0]?.text ?? '')?.[0] ?? '';
    assert.equal((await agent().get(stop.replace(/\/[A-Za-z0-9_-]+$/, '/palsupalsupalsu'))).statusCode, 400);
    const stopped = await agent().get(stop);
    assert.equal(stopped.statusCode, 200);
    assert.match(stopped.body, /Kami tidak akan mengirim kabar konsultasi ini lagi/);
    const left = await t.database.db
      .selectFrom('subscription')
      .select('id')
      .where('subject_type', '=', 'consultation')
      .where('subject_id', '=', id)
      .execute();
    assert.equal(left.length, 1, 'only the account holder still follows');
  });

  test('a consultation not yet shown to the public cannot be followed', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id } = await openConsultation(staff, {
      title: 'Konsultasi yang belum tampil',
      opensOn: day(10),
      commentsFrom: day(10),
    });
    const visitor = agent();
    await visitor.get('/aspirasi/baru');
    assert.equal((await visitor.post(`/konsultasi/${id}/ikuti`, { 'follow-email': 'x@example.org' })).statusCode, 404);
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('x@example.org').length, 0);
  });
});
