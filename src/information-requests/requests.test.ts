import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import type { CurrentUser } from '../platform/deps.ts';
import { pdfText, simplePdf } from '../platform/pdf.ts';
import { fitsOneSms } from '../platform/sms.ts';
import { readFirstSheet } from '../platform/xlsx.ts';
import {
  adoptInformationAspirations,
  answerObjection,
  answerRequest,
  clockOf,
  eraseOldIdentities,
  extendRequest,
  fileObjection,
  officeRequest,
  requestOfToken,
  submitRequest,
} from './requests.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `192.0.2.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

const IDENTITY = '3275012304850007';

const form = {
  information: 'Risalah rapat paripurna pembahasan APBD 2026 beserta daftar hadirnya.',
  purpose: 'Bahan penelitian skripsi tentang pengawasan anggaran.',
  delivery: 'email',
  name: 'Rina Permata',
  address: 'Jl. Cut Meutia No. 5, Margahayu, Bekasi Timur',
  identity: IDENTITY,
  email: 'rina.ppid@example.org',
  phone: '0812 7777 1234',
  consent: 'yes',
};

async function send(person: Agent, change: Record<string, string> = {}) {
  await person.get('/informasi-publik/permohonan');
  return person.post('/informasi-publik/permohonan', { ...form, ...change });
}

const requests = () => t.database.db.selectFrom('information_request').selectAll().orderBy('id').execute();

/** The PPID officer as the service sees them, for steps taken on a fixed clock. */
async function officer(): Promise<CurrentUser> {
  const user = await createUser(t, 'ppid');
  return {
    id: user.id,
    role: 'ppid',
    name: user.name,
    email: user.email,
    memberId: null,
    sessionId: 0,
    sessionExpiresAt: new Date(Date.now() + 3600_000),
    mfaPassed: true,
    totpEnabled: true,
  };
}

describe('requests for public information', () => {
  test('a citizen requests information with JavaScript off; the PPID officer extends it with a reason and answers in part citing an exemption; each step reaches the applicant', async () => {
    const citizen = agent();
    const page = await citizen.get('/informasi-publik/permohonan');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Permohonan informasi publik<\/h1>/);
    assert.match(page.body, /paling lambat 10 hari kerja/);

    // Every mistake at once, in Indonesian, beside its field; nothing stored.
    const bad = await citizen.post('/informasi-publik/permohonan', {
      ...form,
      information: 'APBD',
      identity: '12',
      email: '',
      phone: '',
      delivery: 'email',
      consent: '',
    });
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /Informasi yang dibutuhkan: terlalu pendek\./,
      /Nomor identitas: tulis 6 sampai 30 huruf atau angka, misalnya NIK 16 angka\./,
      /Isi email atau nomor telepon agar kami dapat mengabarkan jawabannya\./,
      /Centang persetujuan agar kami boleh menyimpan data Anda untuk permohonan ini\./,
    ])
      assert.match(bad.body, message);
    assert.match(bad.body, /value="Rina Permata"/, 'what was typed is kept');
    const noEmail = await send(citizen, { email: '' });
    assert.equal(noEmail.statusCode, 400);
    assert.match(noEmail.body, /Tulis alamat email untuk menerima salinan elektronik, atau pilih cara lain\./);
    assert.deepEqual(await requests(), []);

    const sent = await send(citizen);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    const mine = String(sent.headers.location);
    assert.match(mine, /^\/informasi-publik\/permohonan\/[A-Za-z0-9_-]{20,}\?pesan=terkirim$/);
    const own = await citizen.get(mine);
    assert.equal(own.statusCode, 200);
    assert.match(String(own.headers['cache-control']), /no-store/);
    assert.equal(own.headers['referrer-policy'], 'no-referrer');
    assert.match(own.body, /Permohonan Anda terkirim\./);
    const code = /<strong>(PPID-\d{4}-[A-Z2-9]{6})<\/strong>/.exec(own.body)?.[1] ?? '';
    assert.notEqual(code, '', 'the registration number is shown');
    assert.match(own.body, /Sedang diproses/);
    assert.match(own.body, /Risalah rapat paripurna/);
    assert.doesNotMatch(own.body, new RegExp(IDENTITY), 'the identity number is not on the applicant’s page');

    const [stored] = await requests();
    assert.ok(stored !== undefined);
    assert.equal(stored.code, code);
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(IDENTITY), 'stored sealed');
    assert.doesNotMatch(JSON.stringify(stored), /Rina Permata|rina\.ppid/);
    const { holidays } = await getCouncil(t.database.db);
    const due = clockOf(stored, holidays, stored.received_on).dueOn;

    // The receipt: by email with the private link, and by SMS (unconfigured here: recorded, not faked).
    await t.app.outbox.deliverDue();
    const [receipt] = mailbox.to('rina.ppid@example.org');
    assert.equal(receipt?.subject, `Permohonan informasi ${code} diterima`);
    assert.match(receipt?.text ?? '', new RegExp(`Nomor registrasi: ${code}`));
    assert.equal(linkIn(receipt), mine.replace(/\?.*$/, ''));
    const sms = await t.database.db
      .selectFrom('outbox')
      .select(['status', 'body'])
      .where('channel', '=', 'sms')
      .where('topic', '=', `information-request:${code}`)
      .execute();
    assert.deepEqual(
      sms.map((s) => s.status),
      ['unconfigured'],
    );
    // One SMS: the number and the deadline first, the private link whole at its end.
    const text = sms[0]?.body ?? '';
    assert.ok(fitsOneSms(text), text);
    assert.ok(text.startsWith(`${code}: batas jawaban `), text);
    assert.match(text, / \d{1,2} [A-Z][a-z]+ \d{4}\. /);
    assert.ok(text.endsWith(` http://localhost:3000${mine.replace(/\?.*$/, '')}`), text);

    // By its number alone, anyone sees where it stands, and nothing of what was asked.
    const tracked = await agent().get(`/informasi-publik/lacak?kode=${code.toLowerCase()}`);
    assert.equal(tracked.statusCode, 200);
    assert.match(tracked.body, /Sedang diproses/);
    assert.doesNotMatch(tracked.body, /Risalah rapat paripurna|Rina Permata/);
    const unknown = await agent().get('/informasi-publik/lacak?kode=PPID-2026-ZZZZZZ');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Nomor registrasi ini tidak ditemukan/);

    // The PPID officer: the list by deadline, then the request with who asked (each look audited).
    const ppid = await signIn(t, await createUser(t, 'ppid'), agent());
    const list = await ppid.get('/kelola/ppid/permohonan');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`<a href="/kelola/ppid/permohonan/${stored.id}">${code}</a>`));
    assert.match(list.body, /1 permohonan/);
    const home = await ppid.get('/kelola');
    assert.match(home.body, /1 permohonan informasi menunggu jawaban/);
    const detail = await ppid.get(`/kelola/ppid/permohonan/${stored.id}`);
    assert.equal(detail.statusCode, 200);
    for (const shown of [IDENTITY, 'Rina Permata', 'Jl. Cut Meutia No. 5', 'rina.ppid@example.org'])
      assert.ok(detail.body.includes(shown), shown);
    const looks = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'ppid.request-viewed')
      .execute();
    assert.equal(looks.length, 1, 'the look at who asked is accounted for');

    // An extension: beyond 7 days refused with a message; with a reason, recorded and told.
    const tooLong = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/perpanjang`, { days: '9', reason: '' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Tambahan hari kerja: tulis angka 1 sampai 7\./);
    assert.match(tooLong.body, /Tulis alasan perpanjangan\./);
    const extended = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/perpanjang`, {
      days: '5',
      reason: 'Risalah masih disusun oleh Bagian Persidangan.',
    });
    assert.equal(extended.statusCode, 303);
    assert.equal(extended.headers.location, `/kelola/ppid/permohonan/${stored.id}?pesan=diperpanjang`);
    const newDue = clockOf({ ...stored, extension_days: 5 }, holidays, stored.received_on).dueOn;
    assert.ok(newDue > due);
    await t.app.outbox.deliverDue();
    const [extendedMail] = mailbox.to('rina.ppid@example.org').slice(1);
    assert.equal(extendedMail?.subject, `Permohonan informasi ${code}: waktu jawaban diperpanjang`);
    assert.match(extendedMail?.text ?? '', /Risalah masih disusun oleh Bagian Persidangan\./);
    const again = await ppid.get(`/kelola/ppid/permohonan/${stored.id}?pesan=diperpanjang`);
    assert.match(again.body, /Perpanjangan dicatat dan dikabarkan kepada pemohon\./);
    assert.doesNotMatch(again.body, /action="[^"]*\/perpanjang"/, 'one extension only');
    const twice = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/perpanjang`, {
      days: '2',
      reason: 'Sekali lagi, karena masih disusun.',
    });
    assert.equal(twice.headers.location, `/kelola/ppid/permohonan/${stored.id}?pesan=selesai`);

    // The answer in part needs the exemption's article.
    await ppid.get(`/kelola/ppid/permohonan/${stored.id}`);
    const noArticle = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/jawab`, {
      decision: 'sebagian',
      exemption: '',
      answer: 'Risalah terlampir; daftar hadir tidak dapat diberikan.',
      link: 'javascript:alert(1)',
    });
    assert.equal(noArticle.statusCode, 400);
    assert.match(noArticle.body, /Tulis pasal pengecualian dan alasannya\./);
    assert.match(noArticle.body, /Tautan dokumen: tulis halaman portal yang diawali \//);
    const answered = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/jawab`, {
      decision: 'sebagian',
      exemption: 'Pasal 17 huruf h: daftar hadir memuat tanda tangan dan data pribadi.',
      answer: 'Risalah rapat paripurna terlampir. Daftar hadir tidak dapat diberikan.',
      link: '/agenda',
    });
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 400));
    await t.app.outbox.deliverDue();
    const answerMail = mailbox.to('rina.ppid@example.org').at(-1);
    assert.equal(answerMail?.subject, `Permohonan informasi ${code} dijawab: Diberikan sebagian`);
    assert.match(answerMail?.text ?? '', /Risalah rapat paripurna terlampir\./);

    // The applicant reads the decision, the article and the history on the private page.
    const final = await citizen.get(mine.replace(/\?.*$/, ''));
    assert.match(final.body, /Diberikan sebagian/);
    assert.match(final.body, /Pasal 17 huruf h/);
    assert.match(final.body, /<a href="\/agenda">\/agenda<\/a>/);
    assert.match(final.body, /tepat waktu/);
    for (const step of ['Permohonan diterima', 'Waktu jawaban diperpanjang', 'Permohonan dijawab'])
      assert.ok(final.body.includes(step), step);
    const emptied = await ppid.get('/kelola/ppid/permohonan');
    assert.match(emptied.body, /0 permohonan/);
    assert.doesNotMatch((await ppid.get('/kelola')).body, /menunggu jawaban/);
    assert.match((await ppid.get('/kelola/ppid/permohonan?tab=dijawab')).body, new RegExp(code));

    // The applicant objects from the private page: a ground is needed; then the superior answers.
    const privatePage = mine.replace(/\?.*$/, '');
    assert.match(final.body, /Ajukan keberatan kepada atasan PPID paling lambat/);
    const noGround = await citizen.post(`${privatePage}/keberatan`, { statement: 'Daftar hadir bukan data pribadi.' });
    assert.equal(noGround.statusCode, 400);
    assert.match(noGround.body, /Alasan keberatan: pilih paling sedikit satu alasan keberatan\./);
    assert.match(noGround.body, /Daftar hadir bukan data pribadi\./, 'what was typed is kept');
    const objected = await citizen.post(`${privatePage}/keberatan`, [
      ['reasons', 'pengecualian'],
      ['reasons', 'tidak_dipenuhi'],
      ['statement', 'Daftar hadir rapat paripurna bukan data pribadi; mohon diberikan.'],
    ]);
    assert.equal(objected.statusCode, 303, objected.body.slice(0, 400));
    assert.equal(objected.headers.location, `${privatePage}?pesan=keberatan`);
    const withObjection = await citizen.get(String(objected.headers.location));
    assert.match(withObjection.body, /Keberatan Anda tercatat\./);
    assert.match(withObjection.body, /Permohonan ditolak dengan alasan pengecualian/);
    assert.doesNotMatch(withObjection.body, /action="[^"]*\/keberatan"/, 'one objection only');
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('rina.ppid@example.org').at(-1)?.subject, `Keberatan atas permohonan ${code} diterima`);

    assert.match((await ppid.get('/kelola')).body, /1 keberatan menunggu tanggapan atasan PPID/);
    assert.match((await ppid.get('/kelola/ppid/permohonan?tab=keberatan')).body, new RegExp(code));
    await ppid.get(`/kelola/ppid/permohonan/${stored.id}`);
    const noOutcome = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/keberatan`, { objectionAnswer: '' });
    assert.equal(noOutcome.statusCode, 400);
    assert.match(noOutcome.body, /Pilih putusan atas keberatan\./);
    assert.match(noOutcome.body, /Tulis tanggapan atas keberatan\./);
    const ruled = await ppid.post(`/kelola/ppid/permohonan/${stored.id}/keberatan`, {
      outcome: 'dikabulkan',
      objectionAnswer: 'Daftar hadir diberikan dengan tanda tangan dihitamkan.',
    });
    assert.equal(ruled.headers.location, `/kelola/ppid/permohonan/${stored.id}?pesan=keberatan-dijawab`);
    await t.app.outbox.deliverDue();
    const ruling = mailbox.to('rina.ppid@example.org').at(-1);
    assert.equal(ruling?.subject, `Keberatan atas permohonan ${code}: Keberatan dikabulkan`);
    assert.match(ruling?.text ?? '', /Komisi Informasi paling lambat \d{1,2} [A-Z][a-z]+ \d{4}/);
    const closedCase = await citizen.get(privatePage);
    assert.match(closedCase.body, /Keberatan dikabulkan/);
    assert.match(closedCase.body, /ajukan sengketa informasi ke Komisi Informasi paling lambat/);
    for (const step of ['Keberatan diajukan', 'Keberatan dijawab atasan PPID'])
      assert.ok(closedCase.body.includes(step), step);

    // Who asked never leaves the PPID role: not in any message, the audit log or another role's page.
    const bodies = await t.database.db.selectFrom('outbox').select('body').execute();
    assert.ok(bodies.length >= 4);
    for (const { body } of bodies) assert.ok(!body.includes(IDENTITY), 'no message carries the identity number');
    const audit = await t.database.db.selectFrom('audit_log').select('details').execute();
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(IDENTITY));
    for (const role of ['staff', 'administrator', 'member', 'moderator', 'citizen'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      for (const path of ['/kelola/ppid/permohonan', `/kelola/ppid/permohonan/${stored.id}`]) {
        const refused = await other.get(path);
        assert.equal(refused.statusCode, 403, `${role} ${path}`);
        assert.ok(!refused.body.includes(IDENTITY));
      }
      for (const action of ['jawab', 'perpanjang', 'keberatan']) {
        await other.get('/akun');
        const post = await other.post(`/kelola/ppid/permohonan/${stored.id}/${action}`, {});
        assert.equal(post.statusCode, 403, `${role} ${action}`);
      }
    }
    assert.equal((await agent().get('/kelola/ppid/permohonan')).statusCode, 303, 'a visitor is sent to sign in');

    // Nor in what the portal publishes or exports, to a visitor or to an administrator.
    const year = new Date().getFullYear();
    const outputs = [
      '/informasi-publik',
      '/informasi-publik.csv',
      `/informasi-publik/laporan?tahun=${year}`,
      `/informasi-publik/lacak?kode=${code}`,
      '/aspirasi',
      '/aspirasi.atom',
      '/agenda.atom',
      '/sitemap.xml',
      '/api/v1/members',
      '/open311/v2/requests.json',
      '/api/3/action/package_list',
      '/data/statistik-aspirasi.csv',
      '/kelola/aspirasi',
      '/kelola/dasbor',
    ];
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    for (const reader of [agent(), admin])
      for (const path of outputs) {
        const answer = await reader.get(path);
        assert.ok(answer.statusCode < 500, `${path} answers`);
        assert.ok(!answer.body.includes(IDENTITY), `${path} holds no identity number`);
        assert.ok(!answer.body.includes('Rina Permata'), `${path} holds no applicant’s name`);
        assert.ok(!answer.body.includes('Cut Meutia'), `${path} holds no applicant’s address`);
      }
  });

  test('the clock runs on the council’s working days: across a holiday, extended, and refused once late', async () => {
    // Independent of the code: received Tuesday 22 December 2026; 24 and 25 December (cuti bersama,
    // Natal), the weekends and 1 January 2027 do not count: day 1 is 23 Dec, 2–5 are 28–31 Dec,
    // 6–10 are 4–8 Jan. Extended by 3: 11, 12, 13 Jan.
    const db = t.database.db;
    for (const day of ['2026-12-24', '2026-12-25', '2027-01-01'])
      await db
        .insertInto('holiday')
        .values({ day, kind: 'lokal', source: 'uji' })
        .onConflict((c) => c.column('day').doNothing())
        .execute();
    forgetCouncil(db);
    const receivedAt = new Date('2026-12-22T02:00:00Z'); // 09:00 WIB
    const sent = await submitRequest(
      deps(t.app),
      null,
      { ...form, email: 'jam.ppid@example.org', phone: '', consent: true },
      receivedAt,
    );
    assert.ok(sent.ok);
    const user = await officer();
    const [row] = await db.selectFrom('information_request').select('id').where('code', '=', sent.code).execute();
    const id = row?.id ?? 0;
    const seen = await officeRequest(deps(t.app), user, id, '127.0.0.1');
    assert.equal(seen?.received_on, '2026-12-22');
    assert.equal(seen?.clock.dueOn, '2027-01-08');

    await t.app.outbox.deliverDue();
    assert.match(mailbox.to('jam.ppid@example.org')[0]?.text ?? '', /Batas waktu jawaban: 8 Januari 2027/);

    const extended = await extendRequest(
      deps(t.app),
      user,
      id,
      { days: '3', reason: 'Dokumen ada di arsip gedung lama.' },
      '127.0.0.1',
      new Date('2027-01-06T03:00:00Z'),
    );
    assert.deepEqual(extended, { ok: true });
    const later = await officeRequest(deps(t.app), user, id, '127.0.0.1');
    assert.equal(later?.clock.dueOn, '2027-01-13');

    // Answered on 14 January, a day late: the record says so.
    const answered = await answerRequest(
      deps(t.app),
      user,
      id,
      {
        decision: 'tidak_dikuasai',
        exemption: '',
        answer: 'Dokumen ini dikuasai Pemerintah Kota, Bagian Hukum.',
        link: '',
      },
      '127.0.0.1',
      new Date('2027-01-14T03:00:00Z'),
    );
    assert.deepEqual(answered, { ok: true });
    const done = await officeRequest(deps(t.app), user, id, '127.0.0.1');
    assert.equal(done?.answered_on, '2027-01-14');
    assert.equal(done?.clock.late, true);

    // The objection: within 30 working days of the answer (15 January is day 1; 25 February day 30).
    const at = (day: string) => new Date(`${day}T03:00:00Z`);
    const objection = {
      reasons: ['tidak_dipenuhi', 'terlambat'],
      statement: 'Dokumen itu ada di DPRD, bukan di Pemerintah Kota.',
    };
    const mine = await requestOfToken(deps(t.app), sent.token, at('2027-01-20'));
    assert.deepEqual(mine?.objectionWindow, { open: true, until: '2027-02-25' });
    assert.deepEqual(await fileObjection(deps(t.app), sent.token, objection, at('2027-02-26')), {
      ok: false,
      closed: true,
    });
    assert.deepEqual(await fileObjection(deps(t.app), sent.token, objection, at('2027-02-25')), { ok: true });
    // The superior answers within 30 working days (26 February is day 1; 8 April day 30).
    const objected = await requestOfToken(deps(t.app), sent.token, at('2027-03-01'));
    assert.equal(objected?.objection?.answerDue, '2027-04-08');
    assert.equal(objected?.objection?.commissionBy, null, 'the Komisi Informasi comes after the superior');
    assert.deepEqual(await fileObjection(deps(t.app), sent.token, objection, at('2027-02-25')), {
      ok: false,
      closed: true,
    });
    assert.deepEqual(
      await answerObjection(
        deps(t.app),
        user,
        id,
        { outcome: 'ditolak', answer: 'Dokumen itu memang tidak dikuasai DPRD.' },
        '127.0.0.1',
        at('2027-04-01'),
      ),
      { ok: true },
    );
    // Then 14 working days to the Komisi Informasi: 2 April is day 1, 21 April day 14.
    const decided = await requestOfToken(deps(t.app), sent.token, at('2027-04-02'));
    assert.equal(decided?.objection?.outcome, 'ditolak');
    assert.equal(decided?.objection?.commissionBy, '2027-04-21');
    assert.equal(decided?.objection?.late, false);

    // A request past its deadline can no longer be extended.
    const late = await submitRequest(
      deps(t.app),
      null,
      { ...form, email: 'telat.ppid@example.org', phone: '', consent: true },
      receivedAt,
    );
    assert.ok(late.ok);
    const [lateRow] = await db.selectFrom('information_request').select('id').where('code', '=', late.code).execute();
    const refused = await extendRequest(
      deps(t.app),
      user,
      lateRow?.id ?? 0,
      { days: '2', reason: 'Terlambat, tetapi masih dicari.' },
      '127.0.0.1',
      new Date('2027-01-11T03:00:00Z'),
    );
    assert.deepEqual(refused, { ok: false, closed: true });

    // Unanswered: the objection opens when the deadline (8 January) has passed, for 30 working days.
    const silence = { reasons: ['tidak_ditanggapi'], statement: 'Sudah lewat batas waktu dan belum ada jawaban.' };
    assert.deepEqual(await fileObjection(deps(t.app), late.token, silence, new Date('2027-01-08T03:00:00Z')), {
      ok: false,
      closed: true,
    });
    const waiting = await requestOfToken(deps(t.app), late.token, new Date('2027-01-11T03:00:00Z'));
    assert.deepEqual(waiting?.objectionWindow, { open: true, until: '2027-02-19' });
    assert.deepEqual(await fileObjection(deps(t.app), late.token, silence, new Date('2027-01-11T03:00:00Z')), {
      ok: true,
    });
  });

  test('who asked is erased on schedule, and the request stays with its answer', async () => {
    const user = await officer();
    const sent = await submitRequest(deps(t.app), null, { ...form, email: 'hapus.ppid@example.org', consent: true });
    assert.ok(sent.ok);
    const db = t.database.db;
    const [row] = await db.selectFrom('information_request').select('id').where('code', '=', sent.code).execute();
    const id = row?.id ?? 0;
    const answeredAt = new Date();
    await answerRequest(
      deps(t.app),
      user,
      id,
      { decision: 'penuh', exemption: '', answer: 'Risalah terlampir pada tautan berikut.', link: '/agenda' },
      '127.0.0.1',
      answeredAt,
    );
    const retention = t.app.config.retention.reporters;
    const early = new Date(answeredAt.getTime() + (retention - 1) * 86_400_000);
    assert.equal(await eraseOldIdentities(deps(t.app), early), 0, 'kept while it may still be needed');
    const due = new Date(answeredAt.getTime() + (retention + 1) * 86_400_000);
    assert.ok((await eraseOldIdentities(deps(t.app), due)) >= 1);
    assert.equal(await eraseOldIdentities(deps(t.app), due), 0);
    const [erased] = await db.selectFrom('information_request').selectAll().where('id', '=', id).execute();
    assert.equal(erased?.identity_sealed, null);
    assert.equal(erased?.name_sealed, null);
    assert.equal(erased?.email_sealed, null);
    assert.equal(erased?.decision, 'penuh');
    const ppid = await signIn(t, await createUser(t, 'ppid'), agent());
    const page = await ppid.get(`/kelola/ppid/permohonan/${id}`);
    assert.match(page.body, /Identitas pemohon sudah dihapus sesuai jadwal retensi\./);
    assert.match(page.body, /Diberikan seluruhnya/);
  });

  test('a signed-in applicant finds the request in the copy of their data, without the identity number; erasing the account unlinks it', async () => {
    const user = await createUser(t, 'citizen', { name: 'Dewi Pemohon' });
    const citizen = await signIn(t, user, agent());
    const sent = await send(citizen, { name: 'Dewi Pemohon', email: 'dewi.ppid@example.org' });
    assert.equal(sent.statusCode, 303);
    const copy = (await citizen.get('/akun/data.json')).json<{ informationRequests: Record<string, unknown>[] }>();
    assert.equal(copy.informationRequests.length, 1);
    const [mine] = copy.informationRequests;
    assert.match(String(mine?.code), /^PPID-\d{4}-[A-Z2-9]{6}$/);
    assert.equal(mine?.name, 'Dewi Pemohon');
    assert.equal(mine?.email, 'dewi.ppid@example.org');
    assert.ok(!JSON.stringify(copy).includes(IDENTITY), 'the identity number stays with the PPID officer');
    const page = await citizen.get('/akun/data');
    assert.match(page.body, /Permohonan informasi Anda/);
    assert.ok(!page.body.includes(IDENTITY));

    await citizen.get('/akun');
    const erased = await citizen.post('/akun/hapus', { confirm: user.password, kind: 'erasure' });
    assert.equal(erased.statusCode, 303);
    const rows = await t.database.db
      .selectFrom('information_request')
      .select(['user_id', 'email_sealed'])
      .where('code', '=', String(mine?.code))
      .execute();
    assert.equal(rows[0]?.user_id, null, 'no longer linked to the account');
    assert.notEqual(rows[0]?.email_sealed, null, 'an open request keeps the contact its answer is owed to');
  });

  test('the yearly report counts a year’s requests, decisions, time to answer and objections, as a page, XLSX and PDF', async () => {
    // A year of its own (2030), on a fixed clock; its weekdays have no holidays in this database.
    const user = await officer();
    const at = (day: string) => new Date(`${day}T03:00:00Z`);
    const ask = async (day: string, email: string) => {
      const sent = await submitRequest(deps(t.app), null, { ...form, email, phone: '', consent: true }, at(day));
      assert.ok(sent.ok);
      const row = await t.database.db
        .selectFrom('information_request')
        .select('id')
        .where('code', '=', sent.code)
        .executeTakeFirstOrThrow();
      return { id: row.id, token: sent.token };
    };
    const answer = (id: number, day: string, decision: string, exemption = '') =>
      answerRequest(
        deps(t.app),
        user,
        id,
        { decision, exemption, answer: 'Jawaban tertulis untuk pemohon.', link: '' },
        '127.0.0.1',
        at(day),
      );
    // A: Monday 4 March, answered in full on Friday 8 March: 4 working days.
    const a = await ask('2030-03-04', 'a.laporan@example.org');
    assert.deepEqual(await answer(a.id, '2030-03-08', 'penuh'), { ok: true });
    // B: Tuesday 5 March, extended by 3 (due 22 March), refused on 25 March: 14 working days, late.
    const b = await ask('2030-03-05', 'b.laporan@example.org');
    const extended = await extendRequest(
      deps(t.app),
      user,
      b.id,
      { days: '3', reason: 'Dokumen masih dicari.' },
      '127.0.0.1',
      at('2030-03-06'),
    );
    assert.deepEqual(extended, { ok: true });
    assert.deepEqual(
      await answer(b.id, '2030-03-25', 'ditolak', 'Pasal 17 huruf a: menghambat proses penegakan hukum.'),
      {
        ok: true,
      },
    );
    const objection = { reasons: ['pengecualian'], statement: 'Perkaranya sudah selesai diputus pengadilan.' };
    assert.deepEqual(await fileObjection(deps(t.app), b.token, objection, at('2030-03-26')), { ok: true });
    const ruled = await answerObjection(
      deps(t.app),
      user,
      b.id,
      { outcome: 'ditolak', answer: 'Perkara masih dalam tahap banding.' },
      '127.0.0.1',
      at('2030-04-01'),
    );
    assert.deepEqual(ruled, { ok: true });
    // C: 1 April, not answered yet.
    await ask('2030-04-01', 'c.laporan@example.org');

    const visitor = agent();
    const page = await visitor.get('/informasi-publik/laporan?tahun=2030');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Laporan layanan informasi publik 2030<\/h1>/);
    const fact = (term: string) => new RegExp(`<dt>${term}</dt>\\s*<dd>([^<]*)</dd>`).exec(page.body)?.[1];
    assert.equal(fact('Permohonan masuk'), '3');
    assert.equal(fact('Dijawab'), '2');
    assert.equal(fact('Belum dijawab'), '1');
    assert.equal(fact('Diperpanjang'), '1');
    assert.equal(fact('Melewati batas waktu'), '1');
    assert.equal(fact('Lama menjawab \\(median\\)'), '9 hari kerja');
    assert.equal(fact('Keberatan diajukan'), '1');
    assert.equal(fact('Keberatan ditolak'), '1');
    assert.equal(fact('Keberatan dikabulkan'), '0');
    assert.match(page.body, /<td>Maret 2030<\/td>\s*<td class="number">2<\/td>\s*<td class="number">2<\/td>/);
    assert.match(page.body, /<td>April 2030<\/td>\s*<td class="number">1<\/td>\s*<td class="number">0<\/td>/);
    assert.match(page.body, /<td>Ditolak: informasi dikecualikan<\/td>\s*<td class="number">1<\/td>/);
    assert.match(page.body, /<option value="2030" selected/);
    assert.doesNotMatch(page.body, /laporan@example\.org|Jawaban tertulis/, 'figures only');

    const xlsx = await visitor.get('/informasi-publik/laporan.xlsx?tahun=2030');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /laporan-ppid-2030\.xlsx/);
    const sheet = readFirstSheet(new Uint8Array(xlsx.rawPayload));
    const cells = Object.fromEntries(sheet.map((r) => [r.fields[0], r.fields[1]]));
    assert.equal(cells['Permohonan masuk'], '3');
    assert.equal(cells['Lama menjawab (median)'], '9 hari kerja');
    const pdf = await visitor.get('/informasi-publik/laporan.pdf?tahun=2030');
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    assert.match(text, /Laporan Layanan Informasi Publik 2030/);
    assert.match(text, /Permohonan masuk 3/);
    assert.match(text, /Maret 2030 2 2/);

    const bad = await visitor.get('/informasi-publik/laporan?tahun=abc');
    assert.equal(bad.statusCode, 400);
  });
});

describe('an aspiration that asks for information becomes a request for public information', () => {
  test('it moves with its day and history, closes as referred on its public page, and its applicant completes it by the mailed link', async () => {
    const db = t.database.db;
    const code = await sendAspiration(t, 'Minta salinan risalah rapat Komisi I tentang parkir', {
      kind: 'informasi',
      email: 'adi.info@example.org',
    });
    const bySms = await sendAspiration(t, 'Minta daftar hadir rapat paripurna bulan lalu', {
      kind: 'informasi',
      phone: '0813 5555 0101',
    });
    const ordinary = await sendAspiration(t, 'Lampu jalan padam di Jalan Ahmad Yani', { kind: 'aspirasi' });
    // One already answered as an aspiration stays one: it was handled.
    const handled = await sendAspiration(t, 'Kapan reses anggota dapil tiga dimulai', { kind: 'informasi' });
    await db.updateTable('aspiration').set({ status: 'resolved' }).where('code', '=', handled).execute();
    await t.app.outbox.deliverDue();
    mailbox.clear();

    assert.equal(await adoptInformationAspirations(deps(t.app)), 2);
    assert.equal(await adoptInformationAspirations(deps(t.app)), 0, 'moved once');
    const moved = await db
      .selectFrom('information_request')
      .selectAll()
      .where('aspiration_code', 'in', [code, bySms, ordinary, handled])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      moved.map((r) => r.aspiration_code),
      [code, bySms],
    );
    const [request] = moved;
    assert.ok(request !== undefined);
    const aspiration = await db
      .selectFrom('aspiration')
      .select(['status', 'received_at'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(aspiration.status, 'referred');
    const receivedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(aspiration.received_at);
    assert.equal(request.received_on, receivedOn, 'the clock runs from the day the aspiration arrived');
    assert.equal(request.purpose, null);
    assert.match(request.information, /Minta salinan risalah rapat Komisi I/);
    assert.doesNotMatch(JSON.stringify(request), /adi\.info/, 'the contact stays sealed');

    // The aspiration's public page says where it went, without who asked.
    const publicPage = await agent().get(`/aspirasi/${code}`);
    assert.match(
      publicPage.body,
      new RegExp(`Dialihkan ke layanan permohonan informasi publik \\(PPID\\) sebagai ${request.code}`),
    );
    assert.ok(publicPage.body.includes(`/informasi-publik/lacak?kode=${request.code}`));

    // One message to the applicant, with the private link; the SMS fits one message.
    await t.app.outbox.deliverDue();
    const mails = mailbox.to('adi.info@example.org');
    assert.equal(mails.length, 1, mails.map((m) => m.subject).join(' | '));
    assert.equal(mails[0]?.subject, `Aspirasi ${code} kini permohonan informasi ${request.code}`);
    const link = linkIn(mails[0]);
    assert.match(link, /\/informasi-publik\/permohonan\/[A-Za-z0-9_-]{20,}$/);
    const sms = await db
      .selectFrom('outbox')
      .select('body')
      .where('channel', '=', 'sms')
      .where('topic', '=', `information-request:${moved[1]?.code}`)
      .execute();
    assert.equal(sms.length, 1);
    assert.ok(fitsOneSms(sms[0]?.body ?? ''), sms[0]?.body);
    assert.match(sms[0]?.body ?? '', new RegExp(`${moved[1]?.code} \\(dari ${bySms}\\)`));

    // The private page asks for what the law needs, filled with what the aspiration gave.
    const citizen = agent();
    const path = link.startsWith('/') ? link : new URL(link).pathname;
    const own = await citizen.get(path);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Lengkapi permohonan Anda/);
    assert.match(own.body, /value="adi\.info@example\.org"/);
    assert.match(own.body, /Belum dilengkapi pemohon/);
    assert.match(own.body, new RegExp(`Dialihkan dari aspirasi ${code}`));
    assert.ok(own.body.includes(`<a href="/aspirasi/${code}">Riwayatnya sebagai aspirasi ${code}</a>`));

    // The PPID officer sees it is incomplete, and where it came from.
    const ppid = await signIn(t, await createUser(t, 'ppid'), agent());
    const detail = await ppid.get(`/kelola/ppid/permohonan/${request.id}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Pemohon belum melengkapi identitas, tujuan dan cara menerima informasi\./);
    assert.ok(detail.body.includes(`<a href="/aspirasi/${code}">${code}</a>`));
    assert.ok(detail.body.includes('adi.info@example.org'));

    // A mistake: 400, told in Indonesian, nothing stored.
    const bad = await citizen.post(`${path}/lengkapi`, {
      purpose: '',
      delivery: 'pos',
      name: 'Adi Nugroho',
      address: '',
      identity: '12',
      email: 'adi.info@example.org',
      phone: '',
      consent: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Nomor identitas: tulis 6 sampai 30 huruf atau angka, misalnya NIK 16 angka\./);
    assert.match(bad.body, /Centang persetujuan agar kami boleh menyimpan data Anda untuk permohonan ini\./);
    assert.match(bad.body, /value="Adi Nugroho"/);
    const still = await db
      .selectFrom('information_request')
      .select(['purpose', 'identity_sealed'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(still, { purpose: null, identity_sealed: null });

    const done = await citizen.post(`${path}/lengkapi`, {
      purpose: 'Memantau kebijakan parkir di lingkungan kami.',
      delivery: 'email',
      name: 'Adi Nugroho',
      address: 'Jl. Ahmad Yani No. 1, Bekasi Selatan',
      identity: IDENTITY,
      email: 'adi.info@example.org',
      phone: '',
      consent: 'yes',
    });
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    assert.equal(done.headers.location, `${path}?pesan=lengkap`);
    const after = await citizen.get(`${path}?pesan=lengkap`);
    assert.match(after.body, /Terima kasih\. Permohonan Anda sudah lengkap\./);
    assert.doesNotMatch(after.body, /Lengkapi permohonan Anda/);
    assert.match(after.body, /Memantau kebijakan parkir/);
    assert.match(after.body, /Pemohon melengkapi identitas dan tujuan permohonan/);
    const office = await requestOfToken(deps(t.app), path.split('/').pop() ?? '');
    assert.equal(office?.incomplete, false);
    const detailAfter = await ppid.get(`/kelola/ppid/permohonan/${request.id}`);
    for (const shown of [IDENTITY, 'Adi Nugroho', 'Jl. Ahmad Yani No. 1'])
      assert.ok(detailAfter.body.includes(shown), shown);
    assert.doesNotMatch(detailAfter.body, /Pemohon belum melengkapi/);
    await t.app.outbox.deliverDue();
    assert.ok(
      mailbox
        .to('adi.info@example.org')
        .some((m) => m.subject === `Permohonan informasi ${request.code} sudah lengkap`),
    );

    // Completing twice is refused without a change; a made-up link finds nothing.
    await citizen.get('/informasi-publik/permohonan'); // a page with a form, for the CSRF token
    const again = await citizen.post(`${path}/lengkapi`, { purpose: 'Lain', delivery: 'pos', consent: 'yes' });
    assert.equal(again.headers.location, `${path}?pesan=selesai`);
    const made = await citizen.post('/informasi-publik/permohonan/bukan-tautan-yang-benar-sama-sekali/lengkapi', {
      purpose: 'x',
    });
    assert.equal(made.statusCode, 404);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'ppid.request-moved')
      .where('subject_id', '=', String(request.id))
      .execute();
    assert.equal(audit.length, 1);
  });
});

describe('documents of an answer', () => {
  test('an answer carries PDF documents that its applicant alone downloads; a refusal or a file that is not a PDF is refused, nothing stored', async () => {
    const db = t.database.db;
    const applicant = agent();
    const sent = await send(applicant, { email: 'dok.ppid@example.org' });
    const mine = String(sent.headers.location).replace(/\?.*$/, '');
    const request = await db
      .selectFrom('information_request')
      .select(['id', 'code'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const ppid = await signIn(t, await createUser(t, 'ppid'), agent());
    const page = await ppid.get(`/kelola/ppid/permohonan/${request.id}`);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /<input id="documents" name="documents" type="file"[^>]* multiple/);
    const risalah = simplePdf(['Risalah rapat paripurna APBD 2026', 'Daftar hadir terlampir']);
    const pdf = (filename: string, data = risalah) => ({ field: 'documents', filename, type: 'application/pdf', data });
    const answer = {
      decision: 'penuh',
      exemption: '',
      answer: 'Risalah rapat yang Anda minta kami lampirkan.',
      link: '',
    };
    const count = async () =>
      (await db.selectFrom('information_request_document').select('id').where('request_id', '=', request.id).execute())
        .length;

    const refused = await ppid.postMultipart(
      `/kelola/ppid/permohonan/${request.id}/jawab`,
      {
        ...answer,
        decision: 'tidak_dikuasai',
      },
      [pdf('risalah.pdf')],
    );
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.body,
      /Dokumen jawaban \(PDF\): lampirkan dokumen hanya bila informasi diberikan seluruhnya atau sebagian\./,
    );
    const notPdf = await ppid.postMultipart(`/kelola/ppid/permohonan/${request.id}/jawab`, answer, [
      pdf('risalah.pdf', Buffer.from('bukan PDF, hanya teks')),
    ]);
    assert.equal(notPdf.statusCode, 400);
    assert.match(notPdf.body, /Dokumen jawaban \(PDF\): pilih berkas PDF\./);
    const tooMany = await ppid.postMultipart(
      `/kelola/ppid/permohonan/${request.id}/jawab`,
      answer,
      ['a', 'b', 'c', 'd'].map((n) => pdf(`${n}.pdf`)),
    );
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /Dokumen jawaban \(PDF\): paling banyak 3 berkas\./);
    assert.equal(await count(), 0);
    const still = await db
      .selectFrom('information_request')
      .select('decision')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.decision, null, 'not answered');

    const answered = await ppid.postMultipart(`/kelola/ppid/permohonan/${request.id}/jawab`, answer, [
      pdf('Risalah paripurna.pdf'),
    ]);
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 400));
    assert.equal(await count(), 1);

    // The applicant's page lists it and opens it; the bytes are the ones sent.
    const own = await applicant.get(mine);
    const href = new RegExp(`href="(${mine}/dokumen/[0-9a-f-]{36}\\.pdf)"`).exec(own.body)?.[1];
    assert.ok(href !== undefined, 'the document is listed on the private page');
    assert.match(own.body, /Risalah paripurna\.pdf \(PDF, \d+ KB\)/);
    const file = await agent().get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /attachment; filename="Risalah paripurna\.pdf"/);
    assert.match(String(file.headers['cache-control']), /no-store/);
    assert.deepEqual(Buffer.from(file.rawPayload), risalah);
    const fileName = href.split('/').pop() ?? '';

    // The officer opens it from the office; other roles may not; another request's link finds nothing.
    const office = await ppid.get(`/kelola/ppid/permohonan/${request.id}/dokumen/${fileName}`);
    assert.equal(office.statusCode, 200);
    for (const role of ['staff', 'administrator', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      const tried = await other.get(`/kelola/ppid/permohonan/${request.id}/dokumen/${fileName}`);
      assert.equal(tried.statusCode, 403, role);
    }
    const visitor = await agent().get(`/kelola/ppid/permohonan/${request.id}/dokumen/${fileName}`);
    assert.notEqual(visitor.statusCode, 200);
    const other = await send(agent(), { email: 'lain.ppid@example.org' });
    const otherMine = String(other.headers.location).replace(/\?.*$/, '');
    assert.equal((await agent().get(`${otherMine}/dokumen/${fileName}`)).statusCode, 404);
    assert.equal((await agent().get(`${mine}/dokumen/..%2F..%2Fetc%2Fpasswd`)).statusCode, 404);
  });
});
