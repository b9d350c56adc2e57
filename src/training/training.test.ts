import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { publishedSurvey } from '../../test/helpers/surveys.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { deps } from '../platform/auth.ts';
import { pdfText, simplePdf } from '../platform/pdf.ts';
import { fileStore } from '../platform/storage.ts';
import { eraseOldContacts, inviteToEvaluations, sendReminders, trainingPersonalData } from './service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

/** A Jakarta calendar day some days from now, YYYY-MM-DD. */
const dayFromNow = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const plan = {
  audience: 'pejabat',
  topic: 'analisis_anggaran',
  title: 'Membaca APBD untuk pengawasan',
  description: 'Cara membaca struktur APBD, belanja per urusan, dan tanda-tanda serapan rendah.',
  trainer: 'Dr. Ratna Wulandari',
  place: 'Ruang Rapat Paripurna',
  onlineUrl: '',
  materialUrl: '/anggaran',
  day: dayFromNow(7),
  startTime: '09:00',
  endTime: '12:30',
  capacity: '2',
};

async function planSession(staff: Agent, change: Record<string, string> = {}) {
  await staff.get('/kelola/pelatihan/baru');
  const res = await staff.post('/kelola/pelatihan/baru', { ...plan, ...change });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const id = Number(/\/kelola\/pelatihan\/(\d+)/.exec(String(res.headers.location))?.[1]);
  assert.ok(id > 0);
  return { id, location: String(res.headers.location) };
}

/** Moves a session so that it began ten minutes ago, as on its day, keeping its length. */
async function startNow(id: number) {
  const { starts_at, ends_at } = await t.database.db
    .selectFrom('training_session')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const start = Date.now() - 10 * 60_000;
  await t.database.db
    .updateTable('training_session')
    .set({ starts_at: new Date(start), ends_at: new Date(start + ends_at.getTime() - starts_at.getTime()) })
    .where('id', '=', id)
    .execute();
}

async function checkinCodeOf(id: number) {
  const row = await t.database.db
    .selectFrom('training_session')
    .select('checkin_code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.checkin_code;
}

describe('training for members and staff', () => {
  test('staff plan a session and invite; a member registers, checks in by the door’s code, rates it and gets a certificate anyone can check', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const stored = async () => (await t.database.db.selectFrom('training_session').select('id').execute()).length;
    const before = await stored();

    // A bad plan is refused with every problem named, and nothing is stored.
    await staff.get('/kelola/pelatihan/baru');
    const refused = await staff.post('/kelola/pelatihan/baru', {
      ...plan,
      title: '',
      place: '',
      day: '2020-01-01',
      capacity: 'banyak',
      materialUrl: 'javascript:alert(1)',
    });
    assert.equal(refused.statusCode, 400);
    for (const text of [
      'Tulis judulnya.',
      'Tempat: isi tempat atau tautan pertemuan daring.',
      'Tanggal: waktunya sudah lewat.',
      'Jumlah tempat: tulis angka 1 sampai 10.000.',
      'Tautan materi (PDF): tulis halaman portal',
    ])
      assert.ok(refused.body.includes(text), text);
    assert.equal(await stored(), before);

    const member = await createUser(t, 'member', { name: 'Hj. Siti Aminah' });
    const { id, location } = await planSession(staff, { invite: 'yes' });
    assert.match(location, /pesan=diundang&n=\d+/);
    const office = await staff.get(location);
    assert.match(office.body, /undangan dikirim ke \d+ orang/);
    assert.match(office.body, /<svg/, 'the door’s QR code is drawn on the page');
    await t.app.outbox.deliverDue();
    const invitation = mailbox.to(member.email)[0];
    assert.equal(invitation?.subject, 'Undangan pelatihan: Membaca APBD untuk pengawasan');
    assert.equal(linkIn(invitation), `/pelatihan/${id}`);

    // A session for officials is not there for citizens or visitors.
    assert.equal((await agent().get(`/pelatihan/${id}`)).statusCode, 404);
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    assert.equal((await citizen.get(`/pelatihan/${id}`)).statusCode, 404);
    assert.doesNotMatch((await citizen.get('/pelatihan')).body, /Membaca APBD/);
    await citizen.get('/akun');
    assert.equal((await citizen.post(`/pelatihan/${id}/daftar`, {})).statusCode, 403);

    const person = await signIn(t, member, agent());
    const list = await person.get('/pelatihan');
    assert.match(list.body, /Membaca APBD untuk pengawasan/);
    const page = await person.get(`/pelatihan/${id}`);
    assert.match(page.body, /Dr\. Ratna Wulandari/);
    assert.match(page.body, /3,5 jam/);
    assert.match(page.body, /2 tempat tersisa/);
    const registered = await person.post(`/pelatihan/${id}/daftar`, {});
    assert.equal(registered.headers.location, `/pelatihan/${id}?pesan=terdaftar`);
    // Registered, the page offers no second registration; a replayed form gets "already".
    assert.doesNotMatch((await person.get(`/pelatihan/${id}`)).body, /action="\/pelatihan\/\d+\/daftar"/);
    await person.get('/akun');
    assert.equal((await person.post(`/pelatihan/${id}/daftar`, {})).headers.location, `/pelatihan/${id}?pesan=sudah`);
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to(member.email).at(-1)?.subject, 'Terdaftar: Membaca APBD untuk pengawasan');

    // At the door: too early, then on the day.
    const code = await checkinCodeOf(id);
    await person.get(`/pelatihan/hadir/${code}`);
    const early = await person.post(`/pelatihan/hadir/${code}`, {});
    assert.equal(early.headers.location, `/pelatihan/hadir/${code}?pesan=awal`);
    await startNow(id);
    const door = await person.get(`/pelatihan/hadir/${code}`);
    assert.equal(door.statusCode, 200);
    assert.match(door.body, /Catat kehadiran saya/);
    const checked = await person.post(`/pelatihan/hadir/${code}`, {});
    assert.equal(checked.headers.location, `/pelatihan/${id}?pesan=hadir`);
    assert.equal((await person.get('/pelatihan/hadir/BUKANKODE')).statusCode, 404);

    // Someone who did not register is told so; a visitor is sent to sign in first.
    const other = await signIn(t, await createUser(t, 'staff'), agent());
    await other.get(`/pelatihan/hadir/${code}`);
    assert.equal(
      (await other.post(`/pelatihan/hadir/${code}`, {})).headers.location,
      `/pelatihan/hadir/${code}?pesan=belum-terdaftar`,
    );
    const visitorDoor = await agent().get(`/pelatihan/hadir/${code}`);
    assert.equal(visitorDoor.statusCode, 303);
    assert.match(String(visitorDoor.headers.location), /^\/masuk\?lanjut=/);

    // No certificate before the rating; a rating out of range is refused.
    assert.equal((await person.get(`/pelatihan/${id}/sertifikat.pdf`)).statusCode, 404);
    const after = await person.get(`/pelatihan/${id}`);
    assert.match(after.body, /Kehadiran Anda tercatat\./);
    const badRating = await person.post(`/pelatihan/${id}/evaluasi`, { rating: '9', feedback: '' });
    assert.equal(badRating.statusCode, 400);
    assert.match(badRating.body, /Pilih salah satu nilai\./);
    await person.get(`/pelatihan/${id}`);
    const rated = await person.post(`/pelatihan/${id}/evaluasi`, {
      rating: '5',
      feedback: 'Contoh dari APBD kota sendiri sangat membantu.',
    });
    assert.equal(rated.headers.location, `/pelatihan/${id}?pesan=dinilai`);

    const pdf = await person.get(`/pelatihan/${id}/sertifikat.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = await pdfText(pdf.rawPayload);
    assert.match(text, /Hj\. Siti Aminah/);
    assert.match(text, /Membaca APBD untuk pengawasan/);
    const certificate = /SERT-[A-Z2-9]{10}/.exec(text)?.[0] ?? '';
    assert.notEqual(certificate, '', 'the certificate carries its code');
    assert.ok(text.includes(`/sertifikat/${certificate}`), 'and where to check it');

    // Anyone checks it; a forged code is not genuine.
    const genuine = await agent().get(`/sertifikat/${certificate}`);
    assert.equal(genuine.statusCode, 200);
    assert.match(genuine.body, /Sertifikat ini asli\./);
    assert.match(genuine.body, /Hj\. Siti Aminah/);
    for (const forged of ['SERT-AAAAAAAAAA', 'sembarang', `${certificate}X`]) {
      const check = await agent().get(`/sertifikat/${encodeURIComponent(forged)}`);
      assert.equal(check.statusCode, 404, forged);
      assert.match(check.body, /Sertifikat dengan kode ini tidak kami terbitkan\./);
    }

    // The member's record, and the staff's view of ratings and the year's totals.
    const record = await person.get('/akun/pelatihan');
    assert.match(record.body, /Membaca APBD untuk pengawasan/);
    assert.match(record.body, /Analisis anggaran/);
    assert.match(record.body, /<td class="number">3,5<\/td>/);
    const session = await staff.get(`/kelola/pelatihan/${id}`);
    assert.match(session.body, /5 dari 5 \(1 penilaian\)/);
    assert.match(session.body, /Contoh dari APBD kota sendiri/);
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const totals = await staff.get(`/kelola/pelatihan/rekap?tahun=${year}`);
    assert.match(totals.body, /Hj\. Siti Aminah/);
    const csv = await staff.get(`/kelola/pelatihan/rekap.csv?tahun=${year}`);
    assert.match(csv.body, /Hj\. Siti Aminah,1,3\.5,Analisis anggaran/);
    for (const path of ['/kelola/pelatihan', `/kelola/pelatihan/${id}`, '/kelola/pelatihan/rekap']) {
      assert.equal((await person.get(path)).statusCode, 403, `a member is refused ${path}`);
      assert.equal((await citizen.get(path)).statusCode, 403, `a citizen is refused ${path}`);
    }
    assert.equal((await agent().get('/akun/pelatihan')).statusCode, 303, 'a visitor is sent to sign in');
  });

  test('the last place goes to one of two who ask at once; unticking withdraws the certificate', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id } = await planSession(staff, { capacity: '1', title: 'Menulis naskah akademik' });
    const people = await Promise.all(
      [0, 1].map(async () => {
        const user = await createUser(t, 'staff');
        const a = await signIn(t, user, agent());
        await a.get(`/pelatihan/${id}`);
        return { user, a };
      }),
    );
    const answers = await Promise.all(people.map(({ a }) => a.post(`/pelatihan/${id}/daftar`, {})));
    const places = answers.map((r) => String(r.headers.location).split('pesan=')[1]).sort();
    assert.deepEqual(places, ['penuh', 'terdaftar']);
    const rows = await t.database.db
      .selectFrom('training_registration')
      .select('id')
      .where('session_id', '=', id)
      .execute();
    assert.equal(rows.length, 1);

    // Staff tick the attendee before the day: too early; on the day: ticked, a certificate code given.
    await staff.get(`/kelola/pelatihan/${id}`);
    const early = await staff.post(`/kelola/pelatihan/${id}/hadir`, [['present', String(rows[0]?.id)]]);
    assert.equal(early.headers.location, `/kelola/pelatihan/${id}?pesan=daftar-hadir-awal`);
    await startNow(id);
    await staff.get(`/kelola/pelatihan/${id}`);
    const ticked = await staff.post(`/kelola/pelatihan/${id}/hadir`, [['present', String(rows[0]?.id)]]);
    assert.equal(ticked.headers.location, `/kelola/pelatihan/${id}?pesan=daftar-hadir`);
    const issued = await t.database.db
      .selectFrom('training_registration')
      .select(['attended_at', 'certificate_code'])
      .where('session_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.notEqual(issued.attended_at, null);
    assert.match(String(issued.certificate_code), /^SERT-/);
    await staff.get(`/kelola/pelatihan/${id}`);
    await staff.post(`/kelola/pelatihan/${id}/hadir`, {});
    const withdrawn = await t.database.db
      .selectFrom('training_registration')
      .select(['attended_at', 'certificate_code'])
      .where('session_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(withdrawn.certificate_code, null);
    assert.equal((await agent().get(`/sertifikat/${issued.certificate_code}`)).statusCode, 404);

    // The staff member's copy of their data holds the registration; erasure unlinks it.
    const taken = people.find((_, i) => answers[i]?.headers.location?.includes('terdaftar'));
    assert.ok(taken);
    const copy = await trainingPersonalData.copy(deps(t.app), {
      userId: taken.user.id,
      emailLookup: t.app.sealer.lookup(taken.user.email),
    });
    assert.equal(copy[0]?.items[0]?.text, 'Menulis naskah akademik');
    await trainingPersonalData.forget?.(t.database.db, {
      userId: taken.user.id,
      emailLookup: t.app.sealer.lookup(taken.user.email),
    });
    const forgotten = await t.database.db
      .selectFrom('training_registration')
      .select(['user_id', 'name_sealed'])
      .where('session_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(forgotten, { user_id: null, name_sealed: null });
  });

  test('staff upload the materials as a PDF, replacing the first; officials download them, others may not', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id } = await planSession(staff, { materialUrl: '' });
    const office = await staff.get(`/kelola/pelatihan/${id}`);
    assert.match(office.body, new RegExp(`action="/kelola/pelatihan/${id}/materi" enctype="multipart/form-data"`));
    const upload = (who: Agent, data: Buffer, filename = 'materi.pdf') =>
      who.postMultipart(`/kelola/pelatihan/${id}/materi`, {}, [
        { field: 'material', filename, type: 'application/pdf', data },
      ]);
    const stored = async () =>
      t.database.db
        .selectFrom('training_session')
        .select(['material_file', 'material_bytes'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    const notPdf = await upload(staff, Buffer.from('Catatan biasa, bukan PDF'), 'catatan.txt');
    assert.equal(notPdf.statusCode, 400);
    assert.match(notPdf.body, /Berkas materi \(PDF\): pilih berkas PDF\./);
    const none = await staff.postMultipart(`/kelola/pelatihan/${id}/materi`, {});
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Pilih berkas materi\./);
    assert.deepEqual(await stored(), { material_file: null, material_bytes: null });

    const first = simplePdf(['Membaca APBD: bagian pertama']);
    const second = simplePdf(['Membaca APBD: edisi perbaikan', 'Dengan contoh belanja per urusan']);
    assert.equal((await upload(staff, first)).statusCode, 303);
    const firstFile = (await stored()).material_file;
    const replaced = await upload(staff, second);
    assert.equal(replaced.statusCode, 303);
    assert.equal(replaced.headers.location, `/kelola/pelatihan/${id}?pesan=materi`);
    assert.match((await staff.get(`/kelola/pelatihan/${id}?pesan=materi`)).body, /Materi diunggah\./);
    const now = await stored();
    assert.notEqual(now.material_file, firstFile);
    assert.equal(now.material_bytes, second.length);
    const store = fileStore(t.app.config);
    assert.equal(await store.read('pelatihan', String(firstFile)), undefined, 'the replaced file is removed');

    // A member sees the link on the session's page and gets the new file.
    const member = await signIn(t, await createUser(t, 'member'), agent());
    const page = await member.get(`/pelatihan/${id}`);
    assert.match(page.body, new RegExp(`<a href="/pelatihan/${id}/materi\\.pdf">Unduh materi \\(PDF, 1 KB\\)</a>`));
    const file = await member.get(`/pelatihan/${id}/materi.pdf`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(Buffer.from(file.rawPayload), second);

    // A session for officials keeps its materials from visitors; no one but staff uploads.
    assert.equal((await agent().get(`/pelatihan/${id}/materi.pdf`)).statusCode, 404);
    for (const role of ['member', 'citizen', 'moderator'] as const) {
      const other = role === 'member' ? member : await signIn(t, await createUser(t, role), agent());
      await other.get('/akun');
      assert.equal((await upload(other, first)).statusCode, 403, role);
    }
    assert.equal((await stored()).material_file, now.material_file);
  });

  test('staff name a survey as the evaluation; once the session is over, those present are invited to it once each by a personal link', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id } = await planSession(staff, { title: 'Komunikasi publik untuk anggota', capacity: '5' });
    const surveyId = await publishedSurvey(
      t,
      staff,
      { title: 'Evaluasi komunikasi publik' },
      { kind: 'likert4', prompt: 'Materinya bermanfaat untuk tugas saya.' },
    );
    const office = await staff.get(`/kelola/pelatihan/${id}`);
    assert.match(office.body, new RegExp(`<option value="${surveyId}">Evaluasi komunikasi publik</option>`));
    const bad = await staff.post(`/kelola/pelatihan/${id}/survei`, { survey: '99999' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Survei evaluasi: /);
    const chosen = await staff.post(`/kelola/pelatihan/${id}/survei`, { survey: String(surveyId) });
    assert.equal(chosen.headers.location, `/kelola/pelatihan/${id}?pesan=survei`);
    const saved = await staff.get(`/kelola/pelatihan/${id}?pesan=survei`);
    assert.match(saved.body, /Survei evaluasi disimpan\./);
    assert.match(saved.body, new RegExp(`<option value="${surveyId}" selected>`));

    // No one but staff names it.
    const member = await signIn(t, await createUser(t, 'member'), agent());
    await member.get('/akun');
    assert.equal((await member.post(`/kelola/pelatihan/${id}/survei`, { survey: '' })).statusCode, 403);

    // Two register; one comes. Before the end no one is asked; after it, the one who came, once.
    const absent = await signIn(t, await createUser(t, 'staff'), agent());
    for (const who of [member, absent]) {
      await who.get(`/pelatihan/${id}`);
      assert.match(String((await who.post(`/pelatihan/${id}/daftar`, {})).headers.location), /terdaftar/);
    }
    const came = await t.database.db
      .selectFrom('training_registration as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['r.id', 'u.email_sealed'])
      .where('r.session_id', '=', id)
      .orderBy('r.id')
      .executeTakeFirstOrThrow();
    await startNow(id);
    await staff.get(`/kelola/pelatihan/${id}`);
    await staff.post(`/kelola/pelatihan/${id}/hadir`, [['present', String(came.id)]]);
    assert.equal(await inviteToEvaluations(deps(t.app)), 0, 'not before the end');
    await t.database.db
      .updateTable('training_session')
      .set({ starts_at: new Date(Date.now() - 3 * 3600_000), ends_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', id)
      .execute();
    await t.app.outbox.deliverDue();
    mailbox.clear();
    // A survey that opens later is asked once it opens, not forgotten.
    const opensOn = async (day: string) =>
      t.database.db.updateTable('survey').set({ opens_on: day }).where('id', '=', surveyId).execute();
    await opensOn(new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10));
    assert.equal(await inviteToEvaluations(deps(t.app)), 0, 'the survey has not opened');
    await opensOn(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    assert.equal(await inviteToEvaluations(deps(t.app)), 1);
    assert.equal(await inviteToEvaluations(deps(t.app)), 0, 'once');
    await t.app.outbox.deliverDue();
    const email = t.app.sealer.open(came.email_sealed);
    const [mail] = mailbox.to(email);
    assert.equal(mail?.subject, 'Evaluasi pelatihan: Komunikasi publik untuk anggota');
    assert.equal(mailbox.messages.length, 1, 'the one who did not come is not asked');
    const link = linkIn(mail);
    assert.match(link, new RegExp(`/survei/${surveyId}/undangan\\?kunci=[A-Za-z0-9_-]{20,}$`));

    // The link opens the survey's questions, for one response.
    const opened = await member.get(link.replace(/^https?:\/\/[^/]+/, ''));
    assert.equal(opened.statusCode, 303, opened.body.slice(0, 300));
    const questions = await member.get(String(opened.headers.location));
    assert.equal(questions.statusCode, 200);
    assert.match(questions.body, /Materinya bermanfaat untuk tugas saya\./);
  });
});

describe('classes for citizens', () => {
  test('a citizen registers with an email, is reminded, is ticked present, rates the class and downloads the certificate by the mailed link', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const { id } = await planSession(staff, {
      audience: 'warga',
      topic: 'literasi_digital',
      title: 'Cara mengirim aspirasi lewat HP',
      description: 'Praktik mengirim aspirasi, melacak kodenya, dan membaca jawaban DPRD.',
      place: 'Aula Kecamatan Bekasi Timur',
      materialUrl: '',
      capacity: '25',
      day: dayFromNow(1),
    });

    // The home page and the list show the class to everyone.
    assert.match((await agent().get('/')).body, /Cara mengirim aspirasi lewat HP/);
    assert.match((await agent().get('/pelatihan')).body, /Cara mengirim aspirasi lewat HP/);

    const visitor = agent();
    const form = await visitor.get(`/pelatihan/${id}`);
    assert.match(form.body, /Daftar kelas ini/);
    const missing = await visitor.post(`/pelatihan/${id}/daftar-warga`, { name: 'Bu Tini', email: '', phone: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Isi email atau nomor HP\./);
    assert.match(missing.body, /Centang persetujuan/);
    assert.match(missing.body, /value="Bu Tini"/, 'what was typed stays');
    const sent = await visitor.post(`/pelatihan/${id}/daftar-warga`, {
      name: 'Bu Tini',
      email: 'tini.kelas@example.org',
      phone: '',
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    const mine = String(sent.headers.location).split('?')[0] ?? '';
    assert.match(mine, /^\/pelatihan\/saya\/.+/);
    await t.app.outbox.deliverDue();
    const confirmation = mailbox.to('tini.kelas@example.org')[0];
    assert.equal(confirmation?.subject, 'Terdaftar: Cara mengirim aspirasi lewat HP');
    assert.equal(linkIn(confirmation), mine);
    // The form sent again (a slow connection, a second tap) takes no second place.
    await visitor.get(`/pelatihan/${id}`);
    const again = await visitor.post(`/pelatihan/${id}/daftar-warga`, {
      name: 'Bu Tini',
      email: 'TINI.kelas@example.org',
      phone: '',
      consent: 'yes',
    });
    assert.equal(again.headers.location, `/pelatihan/${id}?pesan=kontak-terdaftar`);
    assert.match((await visitor.get(String(again.headers.location))).body, /Kontak ini sudah terdaftar di kelas ini\./);
    const places = await t.database.db
      .selectFrom('training_session')
      .select('registered')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(places.registered, 1);
    const page = await visitor.get(mine);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(page.body, /Anda terdaftar\./);

    // The reminder, once, the day before.
    mailbox.clear();
    const start = await t.database.db
      .selectFrom('training_session')
      .select('starts_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const dayBefore = new Date(start.starts_at.getTime() - 20 * 3600_000);
    assert.ok((await sendReminders(deps(t.app), dayBefore)) >= 1);
    assert.equal(await sendReminders(deps(t.app), dayBefore), 0, 'once only');
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('tini.kelas@example.org')[0]?.subject, 'Besok: Cara mengirim aspirasi lewat HP');

    // Staff see her contact and tick her present on the day; she rates it and takes the certificate.
    await startNow(id);
    const office = await staff.get(`/kelola/pelatihan/${id}`);
    assert.match(office.body, /tini\.kelas@example\.org/);
    const row = await t.database.db
      .selectFrom('training_registration')
      .select('id')
      .where('session_id', '=', id)
      .executeTakeFirstOrThrow();
    await staff.post(`/kelola/pelatihan/${id}/hadir`, [['present', String(row.id)]]);
    await visitor.get(mine);
    const rated = await visitor.post(`${mine}/evaluasi`, { rating: '4', feedback: '' });
    assert.equal(rated.headers.location, `${mine}?pesan=dinilai`);
    const pdf = await visitor.get(`${mine}/sertifikat.pdf`);
    assert.equal(pdf.statusCode, 200);
    const text = await pdfText(pdf.rawPayload);
    assert.match(text, /Bu Tini/);
    const code = /SERT-[A-Z2-9]{10}/.exec(text)?.[0] ?? '';
    assert.match((await agent().get(`/sertifikat/${code}`)).body, /Sertifikat ini asli\./);

    // Her contact never shows on a public page.
    for (const path of [`/pelatihan/${id}`, '/pelatihan', '/', `/sertifikat/${code}`])
      assert.ok(!(await agent().get(path)).body.includes('tini.kelas@example.org'), path);
    assert.equal((await agent().get('/pelatihan/saya/bukan-token')).statusCode, 404);

    // Long after the class her contact is erased; her name stays on the certificate she holds.
    const end = await t.database.db
      .selectFrom('training_session')
      .select('ends_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const days = t.app.config.retention.reporters;
    assert.equal(await eraseOldContacts(deps(t.app), new Date(end.ends_at.getTime() + (days - 1) * 86_400_000)), 0);
    assert.ok((await eraseOldContacts(deps(t.app), new Date(end.ends_at.getTime() + (days + 1) * 86_400_000))) >= 1);
    const kept = await t.database.db
      .selectFrom('training_registration')
      .select(['email_sealed', 'phone_sealed', 'name_sealed'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(kept.email_sealed, null);
    assert.notEqual(kept.name_sealed, null);
    assert.match((await agent().get(`/sertifikat/${code}`)).body, /Bu Tini/);
  });
});
