import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);
let staff: Agent;

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
  staff = await signIn(t, await createUser(t, 'staff'), agent());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

async function place(kecamatanName = 'Bekasi Timur') {
  const structure = await getCouncil(t.database.db);
  const kec = structure.kecamatan.find((k) => k.name === kecamatanName) ?? structure.kecamatan[0];
  const kel = kec?.kelurahan[0];
  assert.ok(kec !== undefined && kel !== undefined);
  const komisi = structure.bodies.find((b) => b.kind === 'komisi' && b.name === 'Komisi II');
  assert.ok(komisi !== undefined);
  return { structure, kec, kel, komisi };
}

const count = async (table: 'project' | 'project_update' | 'project_photo') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function newProject(form: Record<string, string>) {
  await staff.get('/kelola/proyek');
  return staff.post('/kelola/proyek', form);
}

async function goodForm(overrides: Record<string, string> = {}) {
  const { kel, komisi } = await place();
  return {
    name: 'Peningkatan Jalan Siliwangi',
    description: 'Pelebaran dan pengaspalan ulang 1,2 km.',
    opd: 'Dinas Bina Marga dan Sumber Daya Air',
    komisi: String(komisi.id),
    location: String(kel.id),
    lat: '-6.2401',
    lon: '107.0012',
    budget: 'Rp 12.500.000.000',
    realised: '0',
    fundingSource: 'APBD',
    year: '2026',
    contractor: 'PT Contoh Jaya',
    startsOn: '2026-03-02',
    endsOn: '2026-10-30',
    progress: '0',
    status: 'berjalan',
    ...overrides,
  };
}

/** A site photo as a phone takes it: JPEG with camera and GPS position in its EXIF block. */
function sitePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'MandorCam', Artist: 'Pak Mandor' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 14/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '107/1 0/1 4/1',
      },
    })
    .toBuffer();
}

async function report(id: number, form: Record<string, string>, photos: Buffer[] = []) {
  await staff.get(`/kelola/proyek/${id}`);
  return staff.postMultipart(
    `/kelola/proyek/${id}/kemajuan`,
    form,
    photos.map((data, i) => ({ field: 'u-photos', filename: `lapangan-${i}.jpg`, type: 'image/jpeg', data })),
  );
}

let projectId = 0;

describe('programmes and projects', () => {
  test('staff record a project; a bad form names each field and stores nothing', async () => {
    const bad = await newProject(
      await goodForm({
        name: '',
        location: 'k999999',
        budget: 'dua miliar',
        year: '26',
        startsOn: '2026-11-30',
        endsOn: '2026-02-30',
        progress: '140',
        status: 'entah',
        lat: '-6.2',
        lon: '',
      }),
    );
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /<a href="#name">Tulis nama program atau proyek\.<\/a>/,
      /id="name-error">Tulis nama program atau proyek\./,
      /id="location-error">Lokasi: isian ini tidak sah/,
      /id="budget-error">Tulis jumlah rupiah penuh dengan angka, misalnya 12\.500\.000\.000\./,
      /id="year-error">Tahun anggaran: isian ini tidak sah/,
      /id="endsOn-error">Rencana selesai: isian ini tidak sah/,
      /id="progress-error">Tulis persentase dari 0 sampai 100, misalnya 61,5\./,
      /id="status-error">Status: isian ini tidak sah/,
      /id="lat-error">Tulis lintang dan bujur dengan angka/,
    ]) {
      assert.match(bad.body, message);
    }
    assert.match(bad.body, /value="dua miliar"/, 'what was typed is kept');
    assert.equal(await count('project'), 0);
    const backwards = await newProject(await goodForm({ startsOn: '2026-10-01', endsOn: '2026-03-01' }));
    assert.match(backwards.body, /Rencana selesai: tidak boleh sebelum tanggal mulai\./);

    const ok = await newProject(await goodForm());
    assert.equal(ok.statusCode, 303);
    projectId = Number(/\/kelola\/proyek\/(\d+)/.exec(ok.headers.location as string)?.[1]);
    const stored = await t.database.db.selectFrom('project').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(stored.budget), 12_500_000_000);
    assert.equal(stored.status, 'berjalan');

    await staff.get(`/kelola/proyek/${projectId}`);
    const edited = await staff.post(`/kelola/proyek/${projectId}`, await goodForm({ contractor: 'PT Contoh Makmur' }));
    assert.equal(edited.statusCode, 303);
    assert.match((await agent().get(`/proyek/${projectId}`)).body, /PT Contoh Makmur/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'project')
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['project.added', 'project.changed']);
  });

  test('progress reports with photos stripped of metadata draw the chart and tell confirmed followers', async () => {
    // A citizen follows: nothing is sent but the confirmation until they confirm.
    const citizen = agent();
    await citizen.get(`/proyek/${projectId}`);
    const badEmail = await citizen.post(`/proyek/${projectId}/ikuti`, { 'follow-email': 'bukan-email' });
    assert.equal(badEmail.statusCode, 400);
    assert.match(badEmail.body, /Tulis alamat email yang benar/);
    await citizen.get(`/proyek/${projectId}`);
    const asked = await citizen.post(`/proyek/${projectId}/ikuti`, { 'follow-email': 'warga.jalan@example.org' });
    assert.equal(asked.statusCode, 303);
    await t.app.outbox.deliverDue();
    const confirm = mailbox.to('warga.jalan@example.org');
    assert.equal(confirm.length, 1);
    assert.match(confirm[0]?.subject ?? '', /^Konfirmasi: ikuti Peningkatan Jalan Siliwangi/);

    // Bad reports: nothing stored, every problem named.
    const future = await report(projectId, { 'u-date': '2099-01-01', 'u-progress': '101', 'u-note': '' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /id="u-date-error">Tanggal laporan tidak boleh setelah hari ini\./);
    assert.match(future.body, /id="u-progress-error">Tulis persentase dari 0 sampai 100, misalnya 61,5\./);
    assert.match(future.body, /id="u-note-error">Tulis apa yang dikerjakan, kendala dan langkah berikutnya\./);
    assert.match(future.body, /<a href="#u-note">Tulis apa yang dikerjakan/);
    const notPhoto = await t.app.inject({
      method: 'GET',
      url: `/kelola/proyek/${projectId}`,
      cookies: Object.fromEntries(staff.cookies),
    });
    assert.equal(notPhoto.statusCode, 200);
    const fake = await report(projectId, { 'u-date': '2026-04-01', 'u-progress': '20', 'u-note': 'Galian.' }, [
      Buffer.from('%PDF-1.4 not a photo at all'),
    ]);
    assert.equal(fake.statusCode, 400);
    assert.match(fake.body, /Foto harus JPEG, PNG, WebP atau AVIF/);
    assert.equal(await count('project_update'), 0);
    assert.equal(await count('project_photo'), 0);

    // Before confirming, a report tells nobody.
    assert.equal(
      (
        await report(projectId, {
          'u-date': '2026-04-01',
          'u-progress': '20',
          'u-realised': '2.500.000.000',
          'u-note': 'Galian dan pondasi.',
        })
      ).statusCode,
      303,
    );
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('warga.jalan@example.org').length, 1);
    assert.equal((await citizen.get(linkIn(confirm[0]))).statusCode, 303);

    // Signed in, a follow with the account's address is on /akun with where the project stands.
    const holder = await createUser(t, 'citizen');
    const signedIn = await signIn(t, holder, agent());
    await signedIn.get(`/proyek/${projectId}`);
    await signedIn.post(`/proyek/${projectId}/ikuti`, { 'follow-email': holder.email });
    await t.app.outbox.deliverDue();
    assert.equal((await signedIn.get(linkIn(mailbox.to(holder.email)[0]))).statusCode, 303);
    assert.match(
      (await signedIn.get('/akun')).body,
      new RegExp(
        `Proyek yang Anda ikuti</h3><ul class="list"><li><a href="/proyek/${projectId}">Peningkatan Jalan Siliwangi</a><br/><span class="badge">Berjalan</span>`,
      ),
    );

    const withPhoto = await report(
      projectId,
      {
        'u-date': '2026-06-15',
        'u-progress': '55',
        'u-status': 'terhambat',
        'u-note': 'Hujan deras; jam kerja ditambah.',
      },
      [await sitePhoto()],
    );
    assert.equal(withPhoto.statusCode, 303, withPhoto.body.slice(0, 1500));
    // An older report added later does not set the project back.
    await report(projectId, { 'u-date': '2026-05-01', 'u-progress': '35', 'u-note': 'Struktur utama.' });

    const stored = await t.database.db.selectFrom('project').selectAll().executeTakeFirstOrThrow();
    assert.equal(stored.progress, 55);
    assert.equal(stored.status, 'terhambat');
    assert.equal(Number(stored.realised), 2_500_000_000);

    const files = readdirSync(path.join(t.app.config.uploadDir, 'proyek'));
    assert.equal(files.length, 2, 'full size and small');
    for (const file of files) {
      const bytes = readFileSync(path.join(t.app.config.uploadDir, 'proyek', file));
      assert.ok(!bytes.includes(Buffer.from('MandorCam')), 'no camera');
      assert.ok(!bytes.includes(Buffer.from('Pak Mandor')), 'no owner');
      assert.equal((await sharp(bytes).metadata()).exif, undefined, 'no EXIF block');
    }

    const page = (await agent().get(`/proyek/${projectId}`)).body;
    assert.match(page, /<svg aria-hidden="true"/, 'progress chart drawn on the server');
    assert.doesNotMatch(page, /<style/);
    // The table beside the chart, oldest first.
    const rows = [...page.matchAll(/<th scope="row">(\d+ \w+ 2026)<\/th><td class="number">(\d+)%/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    assert.deepEqual(rows, ['1 April 2026 20', '1 Mei 2026 35', '15 Juni 2026 55']);
    assert.match(page, /Hujan deras; jam kerja ditambah\./);
    const photoUrl = /src="(\/proyek\/\d+\/foto\/\d+-kecil)"/.exec(page)?.[1];
    assert.ok(photoUrl !== undefined);
    const photo = await agent().get(photoUrl);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/webp');
    assert.equal((await agent().get(`/proyek/${projectId}/foto/999999`)).statusCode, 404);

    await t.app.outbox.deliverDue();
    const news = mailbox.to('warga.jalan@example.org');
    assert.equal(news.length, 3, 'confirmation, then the two reports made after confirming');
    assert.match(news[1]?.subject ?? '', /Kemajuan Peningkatan Jalan Siliwangi: 55%/);
    const stop = /\/proyek\/berhenti\/\d+\/[A-Za-z0-9_-]+/.exec(news[1]?.text ?? '')?.[0];
    assert.ok(stop !== undefined);
    assert.equal((await agent().get(stop.replace(/\/[A-Za-z0-9_-]+$/, '/palsupalsupalsu'))).statusCode, 400);
    assert.equal((await agent().get(stop)).statusCode, 200);
    await report(projectId, { 'u-date': '2026-07-01', 'u-progress': '60', 'u-note': 'Lanjut.' });
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('warga.jalan@example.org').length, 3, 'nothing after stopping');
  });

  test('progress and amounts are typed the Indonesian way: 61,5 and Rp 3.100.000.000,00', async () => {
    const words = await report(projectId, { 'u-date': '2026-07-10', 'u-progress': 'enam puluh', 'u-note': 'Cor.' });
    assert.equal(words.statusCode, 400);
    assert.match(words.body, /id="u-progress-error">Tulis persentase dengan angka, misalnya 61 atau 61,5\./);
    assert.match(words.body, /value="enam puluh"/, 'what was typed is kept');
    const sen = await report(projectId, {
      'u-date': '2026-07-10',
      'u-progress': '61,5',
      'u-realised': 'Rp 3.100.000.000,50',
      'u-note': 'Cor.',
    });
    assert.equal(sen.statusCode, 400);
    assert.match(sen.body, /id="u-realised-error">Tulis jumlah rupiah penuh/);
    assert.match(sen.body, /value="61,5"/, 'the decimal comma is kept whole in the field');

    const done = await report(projectId, {
      'u-date': '2026-07-15',
      'u-progress': '61,5',
      'u-realised': 'Rp 3.100.000.000,00',
      'u-note': 'Pengecoran lajur kiri.',
    });
    assert.equal(done.statusCode, 303, done.body.slice(0, 800));
    const stored = await t.database.db
      .selectFrom('project')
      .select(['progress', 'realised'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.progress, 61.5);
    assert.equal(Number(stored.realised), 3_100_000_000);
    const page = (await agent().get(`/proyek/${projectId}`)).body;
    assert.match(page, /kemajuan fisik 61,5%/);
    assert.match(page, /<th scope="row">15 Juli 2026<\/th><td class="number">61,5%<\/td>/);
    assert.match((await agent().get(`/proyek/${projectId}?lang=en`)).body, /physical progress 61\.5%/);
    const office = (await staff.get(`/kelola/proyek/${projectId}`)).body;
    assert.match(office, /id="u-progress" name="u-progress" type="text" value="61,5"[^>]*inputmode="decimal"/);
    const api = (await agent().get(`/api/v1/projects/${projectId}`)).json<{
      progress: number;
      updates: { progress: number }[];
    }>();
    assert.deepEqual([api.progress, api.updates[0]?.progress], [61.5, 61.5]);
  });

  test('staff find the meeting to link by title words, body and month instead of scrolling hundreds', async () => {
    const structure = await getCouncil(t.database.db);
    const komisi = structure.bodies.find((b) => b.slug === 'komisi-iii');
    assert.ok(komisi !== undefined);
    const year = Number(
      (await t.database.db.selectFrom('project').select('year').where('id', '=', projectId).executeTakeFirstOrThrow())
        .year,
    );
    // 60 meetings of the project's year, every third one of Komisi III, two a month.
    await sql`
      insert into meeting (council_id, uid, type, body_id, title, starts_at, open)
      select ${structure.council.id}, 'pemilih-' || i || '@uji', 'komisi', case when i % 3 = 0 then ${komisi.id}::int end,
        'Rapat pemilih nomor ' || i || case when i = 7 then ' (100% selesai)' else '' end,
        make_timestamptz(${year}, 1 + (i - 1) % 12, 1 + (i - 1) / 12, 3, 0, 0, 'UTC'), true
      from generate_series(1, 60) as i
    `.execute(t.database.db);
    const options = (page: string) =>
      [...page.matchAll(/<option value="\d+">[^<]*Rapat pemilih nomor (\d+)/g)].map((m) => Number(m[1]));
    const all = (await staff.get(`/kelola/proyek/${projectId}`)).body;
    assert.ok(options(all).length <= 30, `${options(all).length} offered at once`);
    assert.match(all, /30 rapat terbaru dari \d+ yang cocok/);
    const byWords = (await staff.get(`/kelola/proyek/${projectId}?cari=pemilih+nomor+42`)).body;
    assert.deepEqual(options(byWords), [42]);
    assert.match(byWords, /1 rapat ditemukan\./);
    // A % typed is a percent sign, not "anything".
    assert.deepEqual(options((await staff.get(`/kelola/proyek/${projectId}?cari=100%25`)).body), [7]);
    const byBody = options((await staff.get(`/kelola/proyek/${projectId}?badan=komisi-iii&cari=pemilih`)).body);
    assert.equal(byBody.length, 20);
    assert.ok(byBody.every((n) => n % 3 === 0));
    const march = options((await staff.get(`/kelola/proyek/${projectId}?bulan=${year}-03&cari=pemilih`)).body);
    assert.deepEqual(
      [...march].sort((a, b) => a - b),
      [3, 15, 27, 39, 51],
    );
    // A month that is not one is ignored, not an error.
    const badMonth = await staff.get(`/kelola/proyek/${projectId}?bulan=2026-13`);
    assert.equal(badMonth.statusCode, 200);
    assert.match(badMonth.body, /Tulis bulan sebagai tahun-bulan, misalnya 2026-03\./);
    assert.equal((await agent().get(`/kelola/proyek/${projectId}?cari=x`)).statusCode, 303, 'visitors go to sign in');
    await sql`delete from meeting where uid like 'pemilih-%'`.execute(t.database.db);
  });

  test('a project page lists its meetings and the aspirations filed about it or naming it', async () => {
    const councilId = (await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow()).id;
    const meeting = await t.database.db
      .insertInto('meeting')
      .values({
        council_id: councilId,
        uid: 'uji-proyek@dewan-terbuka',
        type: 'komisi',
        title: 'Rapat Komisi II: progres Jalan Siliwangi',
        starts_at: new Date('2026-06-20T03:00:00Z'),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await staff.get(`/kelola/proyek/${projectId}`);
    assert.equal((await staff.post(`/kelola/proyek/${projectId}/rapat`, { meeting: 'abc' })).statusCode, 400);
    assert.equal(
      (await staff.post(`/kelola/proyek/${projectId}/rapat`, { meeting: String(meeting.id) })).statusCode,
      303,
    );

    // A citizen files from the project's page: place and project come chosen.
    const { kel } = await place();
    const citizen = agent();
    const form = (await citizen.get(`/aspirasi/baru?proyek=${projectId}`)).body;
    assert.match(form, /Tentang proyek: <a href="\/proyek\/\d+">Peningkatan Jalan Siliwangi/);
    assert.match(form, new RegExp(`<option value="${kel.id}" selected`));
    const step1 = await citizen.post('/aspirasi/baru', {
      kind: 'pengaduan',
      category: 'jalan-jembatan-drainase',
      location: String(kel.id),
      title: 'Galian dibiarkan terbuka',
      proyek: String(projectId),
    });
    assert.equal(step1.statusCode, 200);
    assert.match(step1.body, new RegExp(`name="proyek" value="${projectId}"`));
    const sent = await citizen.postMultipart('/aspirasi/kirim', {
      kind: 'pengaduan',
      category: 'jalan-jembatan-drainase',
      location: String(kel.id),
      title: 'Galian dibiarkan terbuka',
      proyek: String(projectId),
      description: 'Lubang galian tanpa pagar pengaman di malam hari.',
      email: 'pelapor@example.org',
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    const linked = await t.database.db
      .selectFrom('aspiration')
      .select(['code', 'project_id'])
      .executeTakeFirstOrThrow();
    assert.equal(linked.project_id, projectId);
    assert.match(
      (await agent().get(`/aspirasi/${linked.code}`)).body,
      new RegExp(`<dt>Proyek</dt><dd><a href="/proyek/${projectId}">Peningkatan Jalan Siliwangi</a>`),
    );
    // Another one only names the project, in the same kecamatan.
    const other = agent();
    await other.get('/aspirasi/baru');
    await other.post('/aspirasi/baru', {
      kind: 'aspirasi',
      category: 'jalan-jembatan-drainase',
      location: String(kel.id),
      title: 'Trotoar',
    });
    await other.postMultipart('/aspirasi/kirim', {
      kind: 'aspirasi',
      category: 'jalan-jembatan-drainase',
      location: String(kel.id),
      title: 'Trotoar',
      description: 'Mohon peningkatan jalan Siliwangi juga membuat trotoar yang lebar.',
      email: 'pejalan@example.org',
      consent: 'yes',
    });

    const page = (await agent().get(`/proyek/${projectId}`)).body;
    assert.match(page, /href="\/agenda\/\d+">Rapat Komisi II: progres Jalan Siliwangi/);
    assert.match(page, new RegExp(`href="/aspirasi/${linked.code}">Galian dibiarkan terbuka`));
    assert.match(page, /Trotoar/);
  });

  test('the list filters by place, status, year and agency, and the API says the same', async () => {
    const { kec: other, kel: otherKel } = await place('Medan Satria');
    await newProject(
      await goodForm({
        name: 'Rehabilitasi Puskesmas Medan Satria',
        opd: 'Dinas Kesehatan',
        location: String(otherKel.id),
        status: 'perencanaan',
        year: '2027',
        lat: '',
        lon: '',
      }),
    );
    const all = (await agent().get('/proyek')).body;
    assert.match(all, /2 proyek/);
    const byPlace = (await agent().get(`/proyek?kecamatan=${other.slug}`)).body;
    assert.match(byPlace, /1 proyek/);
    assert.match(byPlace, /Rehabilitasi Puskesmas Medan Satria/);
    assert.doesNotMatch(byPlace, /Peningkatan Jalan Siliwangi<\/a>/);
    const { kec: home, kel: homeKel } = await place();
    assert.ok(home.dapilNumber !== null && home.dapilNumber !== other.dapilNumber, 'two different dapil');
    const byDapil = (await agent().get(`/proyek?dapil=${home.dapilNumber}`)).body;
    assert.match(byDapil, /1 proyek/);
    assert.match(byDapil, /Peningkatan Jalan Siliwangi<\/a>/);
    const byKelurahan = (await agent().get(`/proyek?kecamatan=${home.slug}&kelurahan=${homeKel.id}`)).body;
    assert.match(byKelurahan, /1 proyek/);
    assert.match(byKelurahan, new RegExp(`<option value="${homeKel.id}" selected`), 'the kelurahan select appears');
    assert.match((await agent().get(`/proyek?kecamatan=${home.slug}&kelurahan=${otherKel.id}`)).body, /0 proyek/);
    assert.match((await agent().get('/proyek?status=terhambat')).body, /1 proyek/);
    assert.match((await agent().get('/proyek?tahun=2027')).body, /1 proyek/);
    assert.match((await agent().get(`/proyek?opd=${encodeURIComponent('Dinas Kesehatan')}`)).body, /1 proyek/);
    assert.match((await agent().get('/proyek?q=puskesmas')).body, /1 proyek/);
    assert.match((await agent().get('/proyek?kecamatan=tidak-ada')).body, /0 proyek/);
    assert.equal((await agent().get('/proyek?status=entah')).statusCode, 400);

    const api = JSON.parse((await agent().get('/api/v1/projects?status=terhambat')).body) as {
      data: { name: string; progress: number; budget: number; lat: number }[];
      meta: { total: number };
    };
    assert.equal(api.meta.total, 1);
    assert.deepEqual(
      { name: api.data[0]?.name, progress: api.data[0]?.progress, budget: api.data[0]?.budget, lat: api.data[0]?.lat },
      { name: 'Peningkatan Jalan Siliwangi', progress: 61.5, budget: 12_500_000_000, lat: -6.2401 },
    );
    const one = JSON.parse((await agent().get(`/api/v1/projects/${projectId}`)).body) as {
      updates: { progress: number }[];
    };
    assert.deepEqual(
      one.updates.map((u) => u.progress),
      [61.5, 60, 55, 35, 20],
    );
    assert.equal((await agent().get('/api/v1/projects/999999')).statusCode, 404);
  });

  test('near me: from a kelurahan or a position, the projects, their meetings and open aspirations around', async () => {
    const { kel, kec } = await place();
    const near = await agent().get(`/proyek/dekat?location=${kel.id}`);
    assert.equal(near.statusCode, 200);
    assert.match(near.body, new RegExp(`Di sekitar ${kel.name}, ${kec.name}`));
    assert.match(near.body, /Peningkatan Jalan Siliwangi/);
    assert.match(near.body, /Rapat Komisi II: progres Jalan Siliwangi/);
    assert.match(near.body, /Galian dibiarkan terbuka/);
    assert.doesNotMatch(near.body, /Rehabilitasi Puskesmas Medan Satria/);
    assert.ok(kel.lat !== null && kel.lon !== null);
    const byPosition = await agent().get(`/proyek/dekat?location=&lat=${kel.lat + 0.0004}&lon=${kel.lon - 0.0003}`);
    assert.match(byPosition.body, new RegExp(`Di sekitar ${kel.name}, ${kec.name}`));
    const unknown = await agent().get('/proyek/dekat?location=k0');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /lokasi itu tidak kami kenal/);
    const farAway = await agent().get('/proyek/dekat?lat=51.5&lon=-0.12');
    assert.equal(farAway.statusCode, 400);
  });

  test('only staff and administrators record projects', async () => {
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/proyek')).statusCode, 403, role);
      await other.get('/akun');
      assert.equal((await other.post('/kelola/proyek', await goodForm())).statusCode, 403, role);
      assert.equal((await other.get(`/kelola/proyek/${projectId}`)).statusCode, 403, role);
    }
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    assert.equal((await admin.get('/kelola/proyek')).statusCode, 200);
    const anonymous = await agent().get('/kelola/proyek');
    assert.equal(anonymous.statusCode, 303);
  });
});
