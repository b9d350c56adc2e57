import assert from 'node:assert/strict';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn, type TestUser } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { enforceRetention } from '../platform/retention.ts';
import { fitsOneSms } from '../platform/sms.ts';
import { type SearchWalk, searchPublic } from './queries.ts';
import { askWhetherResolved, removeOrphanPhotos } from './service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ipCounter = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ipCounter}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

/** A phone photo: JPEG with the camera's make and a GPS position in its EXIF block. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 120, g: 140, b: 90 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Spy 3000', Artist: 'Budi Pemilik' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 14/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 59/1 0/1',
      },
    })
    .toBuffer();
}

async function place() {
  const structure = await getCouncil(t.database.db);
  const kec = structure.kecamatan.find((k) => k.name === 'Bekasi Timur') ?? structure.kecamatan[0];
  const kel = kec?.kelurahan[0];
  assert.ok(kec !== undefined && kel !== undefined);
  return { structure, kec, kel };
}

const countRows = async (table: 'aspiration' | 'aspiration_photo' | 'aspiration_reporter') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

interface Filed {
  code: string;
  privateLink: string;
  reporter: Agent;
}

/** A citizen goes through both steps of /aspirasi/baru and sends. */
async function file(
  options: {
    kind?: string;
    category?: string;
    title?: string;
    description?: string;
    email?: string;
    phone?: string;
    name?: string;
    showName?: boolean;
    photos?: Buffer[];
    location?: string;
  } = {},
): Promise<Filed> {
  const { kel } = await place();
  const a = agent();
  await a.get('/aspirasi/baru');
  const step1 = await a.post('/aspirasi/baru', {
    kind: options.kind ?? 'pengaduan',
    category: options.category ?? 'jalan-jembatan-drainase',
    location: options.location ?? String(kel.id),
    title: options.title ?? 'Jalan berlubang di depan sekolah',
  });
  assert.equal(step1.statusCode, 200, step1.body.slice(0, 500));
  const res = await a.postMultipart(
    '/aspirasi/kirim',
    {
      kind: options.kind ?? 'pengaduan',
      category: options.category ?? 'jalan-jembatan-drainase',
      location: options.location ?? String(kel.id),
      title: options.title ?? 'Jalan berlubang di depan sekolah',
      description: options.description ?? 'Lubang besar sejak dua bulan, sudah dua motor jatuh di sini.',
      address: 'Jl. Contoh dekat SDN 3',
      name: options.name ?? 'Siti Warga',
      email: options.email ?? 'siti.warga@example.org',
      phone: options.phone ?? '',
      ...(options.showName ? { showName: 'yes' } : {}),
      consent: 'yes',
    },
    (options.photos ?? []).map((data, i) => ({ field: 'photos', filename: `IMG_${i}.jpg`, type: 'image/jpeg', data })),
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const location = res.headers.location as string;
  assert.match(location, /^\/lacak\/[A-Za-z0-9_-]+\?baru=1$/);
  const page = await a.get(location);
  assert.equal(page.statusCode, 200);
  const code = /ASP-\d{4}-\d{6}/.exec(page.body)?.[0];
  assert.ok(code !== undefined);
  return { code, privateLink: location.replace('?baru=1', ''), reporter: a };
}

describe('a citizen sends an aspiration', () => {
  test('with a phone photo: committed, tracked by code, confirmed by email; the photo keeps no metadata', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    assert.ok(before.exif?.includes(Buffer.from('SecretCam')), 'the test photo carries EXIF');

    const { code, privateLink, reporter } = await file({ photos: [original] });
    assert.match(code, new RegExp(`^ASP-${new Date().getFullYear()}-\\d{6}$`));

    // The stored files: re-encoded, smaller, and without EXIF, XMP, ICC or IPTC.
    const [photo] = await t.database.db.selectFrom('aspiration_photo').selectAll().execute();
    assert.ok(photo !== undefined);
    const dir = path.join(t.config.uploadDir, 'aspirasi');
    for (const name of [photo.file, photo.file.replace('.webp', '-kecil.webp')]) {
      const bytes = readFileSync(path.join(dir, name));
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.exif, undefined);
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
      assert.equal(bytes.includes(Buffer.from('SecretCam')), false);
      assert.equal(bytes.includes(Buffer.from('Budi Pemilik')), false);
      assert.ok(Math.max(meta.width ?? 0, meta.height ?? 0) <= 1600);
    }
    assert.ok(readdirSync(dir).length >= 2);

    // A file left by a submission that never committed is removed once an hour old; the photo stays.
    const stray = path.join(dir, 'sisa-unggahan.webp');
    writeFileSync(stray, 'x');
    assert.equal(await removeOrphanPhotos(deps(t.app)), 0, 'a young file may be an upload in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(stray, twoHoursAgo, twoHoursAgo);
    for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), twoHoursAgo, twoHoursAgo);
    assert.equal(await removeOrphanPhotos(deps(t.app)), 1);
    assert.ok(readdirSync(dir).includes(photo.file));
    assert.ok(!readdirSync(dir).includes('sisa-unggahan.webp'));

    // The public page shows the photo and the step, never the reporter.
    const visitor = agent();
    const page = await visitor.get(`/aspirasi/${code}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Jalan berlubang di depan sekolah/);
    assert.match(page.body, /Diterima melalui Situs web/);
    assert.match(page.body, /Batas verifikasi/);
    assert.doesNotMatch(page.body, /siti\.warga|Siti Warga/);
    assert.doesNotMatch(page.body, /Kirim penilaian|Tambahkan informasi/);
    const img = await visitor.get(`/aspirasi/${code}/foto/${photo.id}-kecil`);
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/webp');

    // The reporter, through the private link's cookie, gets their forms.
    const own = await reporter.get(`/aspirasi/${code}`);
    assert.match(own.body, /Tambahkan informasi atau balas tanggapan/);

    await t.app.outbox.deliverDue();
    const mail = mailbox.to('siti.warga@example.org');
    assert.equal(mail.length, 1);
    assert.equal(mail[0]?.subject, `Aspirasi Anda diterima: ${code}`);
    assert.equal(linkIn(mail[0]), privateLink);

    // /lacak sends the private link to the reporter's address, in another browser; a wrong
    // contact gets the same answer and nothing is sent.
    mailbox.clear();
    const other = agent();
    await other.get('/lacak');
    const wrong = await other.post('/lacak', { kode: code, kontak: 'someone.else@example.org' });
    const found = await other.post('/lacak', { kode: code.toLowerCase(), kontak: ' Siti.Warga@example.org ' });
    assert.equal(wrong.statusCode, 303);
    assert.equal(found.statusCode, 303);
    assert.equal(found.headers.location, wrong.headers.location);
    assert.match((await other.get(found.headers.location as string)).body, /tautan pribadinya sedang dikirim/);
    assert.doesNotMatch((await other.get(`/aspirasi/${code}`)).body, /Tambahkan informasi/, 'nothing opened yet');
    await t.app.outbox.deliverDue();
    assert.deepEqual(mailbox.to('someone.else@example.org'), []);
    const sent = mailbox.to('siti.warga@example.org');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.subject, `Tautan pribadi aspirasi ${code}`);
    const sentLink = linkIn(sent[0]);
    assert.match(sentLink, /^\/lacak\/\d+-\d+-[A-Za-z0-9_-]{32}$/);
    assert.notEqual(sentLink, privateLink, 'a new link, not the first one');
    await other.get(sentLink);
    assert.match((await other.get(`/aspirasi/${code}`)).body, /Tambahkan informasi/);
  });

  test('bad input gets a clear message and stores nothing', async () => {
    const { kel } = await place();
    const before = await Promise.all([
      countRows('aspiration'),
      countRows('aspiration_photo'),
      countRows('aspiration_reporter'),
    ]);
    const a = agent();
    const form = await a.get('/aspirasi/baru');
    // A formal request for public information has its own form, on the law's clock.
    assert.match(form.body, /<a href="\/informasi-publik\/permohonan">formulir permohonan informasi publik<\/a>/);
    const empty = await a.post('/aspirasi/baru', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /class="error-summary"/);
    // Each line of the summary says what to do with which field, and the same words stand beside it.
    for (const [field, words] of [
      ['kind', 'Pilih jenis aspirasi\\.'],
      ['category', 'Pilih kategori aspirasi\\.'],
      ['location', 'Pilih kelurahan tempat hal ini terjadi\\.'],
      ['title', 'Tulis judul singkat\\.'],
    ]) {
      assert.match(empty.body, new RegExp(`<a href="#${field}">${words}</a>`));
      assert.match(empty.body, new RegExp(`id="${field}-error">${words}</p>`));
    }

    await a.post('/aspirasi/baru', {
      kind: 'pengaduan',
      category: 'banjir',
      location: String(kel.id),
      title: 'Banjir di gang',
    });
    const base = {
      kind: 'pengaduan',
      category: 'banjir',
      location: String(kel.id),
      title: 'Banjir di gang',
      description: 'Air masuk rumah setiap hujan deras.',
      email: 'a@example.org',
      consent: 'yes',
    };
    const cases: {
      form: Record<string, string>;
      files?: { field: string; filename: string; type: string; data: Buffer }[];
      message: RegExp;
    }[] = [
      { form: { ...base, description: '<script>alert(1)</script> banjir' }, message: /tanpa kode HTML atau skrip/ },
      { form: { ...base, description: 'x'.repeat(6000) }, message: /paling banyak 5000 karakter/ },
      { form: { ...base, email: '', phone: '' }, message: /Isi email atau nomor telepon/ },
      { form: { ...base, email: 'bukan-email' }, message: /alamat email yang benar/ },
      { form: { ...base, consent: '' }, message: /Centang persetujuan/ },
      { form: { ...base, location: '999999' }, message: /Lokasi: pilihan ini tidak dikenal\. Pilih dari daftar\./ },
      { form: { ...base, description: '' }, message: /Ceritakan apa yang terjadi dan apa yang Anda harapkan\./ },
      { form: { ...base, name: 'Budi\r\nAdmin' }, message: /Nama: tulis dalam satu baris/ },
      {
        form: base,
        files: [
          { field: 'photos', filename: 'virus.exe', type: 'image/jpeg', data: Buffer.from('MZ not an image at all') },
        ],
        message: /bukan foto JPEG|tidak dapat dibaca/,
      },
      {
        form: base,
        files: [
          {
            field: 'photos',
            filename: 'gambar.svg',
            type: 'image/svg+xml',
            data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
          },
        ],
        message: /bukan foto JPEG/,
      },
      {
        form: base,
        files: [{ field: 'photos', filename: 'besar.jpg', type: 'image/jpeg', data: Buffer.alloc(9 * 1024 * 1024, 1) }],
        message: /lebih dari 8 MB/,
      },
    ];
    for (const c of cases) {
      const res = await a.postMultipart('/aspirasi/kirim', c.form, c.files ?? []);
      assert.equal(res.statusCode, 400, `${JSON.stringify(c.form).slice(0, 80)}: ${res.statusCode}`);
      assert.match(res.body, c.message);
      assert.match(res.body, /class="error-summary"/);
      // The typed text is kept for the next try.
      assert.match(res.body, /Banjir di gang/);
    }
    const six = Array.from({ length: 6 }, (_, i) => ({
      field: 'photos',
      filename: `${i}.png`,
      type: 'image/png',
      data: Buffer.from('x'),
    }));
    const tooMany = await a.postMultipart('/aspirasi/kirim', base, six);
    assert.ok(tooMany.statusCode === 400 || tooMany.statusCode === 413, String(tooMany.statusCode));
    const seven = [...six, six[0] ?? { field: 'photos', filename: 'x', type: 'image/png', data: Buffer.from('x') }];
    const wayTooMany = await a.postMultipart('/aspirasi/kirim', base, seven);
    assert.equal(wayTooMany.statusCode, 413);
    assert.match(wayTooMany.body, /paling banyak 5 foto/);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/aspirasi/kirim',
      payload: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nsetengah',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      cookies: Object.fromEntries(a.cookies),
      remoteAddress: a.ip,
    });
    assert.ok(broken.statusCode >= 400 && broken.statusCode < 500, `broken multipart: ${broken.statusCode}`);
    const withoutToken = await a.postMultipart('/aspirasi/kirim', base, [], { csrf: null });
    assert.equal(withoutToken.statusCode, 403);

    const after = await Promise.all([
      countRows('aspiration'),
      countRows('aspiration_photo'),
      countRows('aspiration_reporter'),
    ]);
    assert.deepEqual(after, before);
  });

  test('a signed-in citizen finds their details filled in, their aspiration in their data, and it is unlinked when the account ends', async () => {
    const citizen = await createUser(t, 'citizen', { name: 'Wati Berakun' });
    const a = await signIn(t, citizen, agent());
    const { kel } = await place();
    await a.get('/aspirasi/baru');
    const step2 = await a.post('/aspirasi/baru', {
      kind: 'aspirasi',
      category: 'pendidikan',
      location: String(kel.id),
      title: 'Perpustakaan keliling',
    });
    assert.match(step2.body, /id="name" name="name" type="text" value="Wati Berakun"/);
    assert.match(
      step2.body,
      new RegExp(`id="email" name="email" type="email" value="${citizen.email.replace('.', '\\.')}"`),
    );
    const sent = await a.postMultipart('/aspirasi/kirim', {
      kind: 'aspirasi',
      category: 'pendidikan',
      location: String(kel.id),
      title: 'Perpustakaan keliling',
      description: 'Mohon mobil perpustakaan keliling singgah di kelurahan kami.',
      name: 'Wati Berakun',
      email: citizen.email,
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    const copy = (await a.get('/akun/data.json')).json<{ aspirations: { code: string; title: string }[] }>();
    assert.equal(copy.aspirations.length, 1);
    assert.equal(copy.aspirations[0]?.title, 'Perpustakaan keliling');
    const code = copy.aspirations[0]?.code ?? '';
    // Signed in, the reporter needs no private link to act on it.
    assert.match((await a.get(`/aspirasi/${code}`)).body, /Tambahkan informasi/);

    // "Follow all your aspirations in one place": /akun lists what they sent and what they follow.
    const sentList = (await a.get('/akun')).body;
    assert.match(sentList, /<h3 id="daftar-aspirations">Aspirasi yang Anda kirim<\/h3>/);
    assert.match(
      sentList,
      new RegExp(
        `<a href="/aspirasi/${code}">${code}</a> · Perpustakaan keliling<br/><span class="badge">Diterima</span>`,
      ),
    );
    const neighbours = await file({ title: 'Lampu jalan padam di gang' });
    const someoneElse = await file({ title: 'Selokan tersumbat' });
    const other = agent();
    await other.get(`/aspirasi/${someoneElse.code}`);
    await other.post(`/aspirasi/${someoneElse.code}/dukung`, { email: 'orang.lain@example.org' });
    await a.get(`/aspirasi/${neighbours.code}`);
    await a.post(`/aspirasi/${neighbours.code}/dukung`, { email: citizen.email });
    const waiting = (await a.get('/akun')).body;
    const followed = waiting.slice(waiting.indexOf('id="daftar-followedAspirations"'));
    assert.match(
      followed,
      new RegExp(
        `${neighbours.code} · Lampu jalan padam di gang</a><br/><span class="badge">Menunggu konfirmasi lewat email</span>`,
      ),
    );
    assert.doesNotMatch(followed, new RegExp(someoneElse.code), "another address's follow is not theirs");
    await t.app.outbox.deliverDue();
    await a.get(linkIn(mailbox.to(citizen.email).at(-1)));
    const confirmed = (await a.get('/akun')).body;
    assert.match(
      confirmed,
      new RegExp(`${neighbours.code} · Lampu jalan padam di gang</a><br/><span class="badge">Diterima</span>`),
    );
    const copied = (await a.get('/akun/data.json')).json<{
      followedAspirations: { code?: string; title: string; confirmedAt: string | null }[];
    }>();
    assert.equal(copied.followedAspirations.length, 1);
    assert.equal(copied.followedAspirations[0]?.title, `${neighbours.code} · Lampu jalan padam di gang`);
    assert.notEqual(copied.followedAspirations[0]?.confirmedAt, null);

    // They can stop following there, and only what is theirs.
    const follows = () =>
      t.database.db.selectFrom('subscription').select(['id', 'email_lookup']).orderBy('id').execute();
    const [others, mine] = await follows();
    assert.ok(others !== undefined && mine !== undefined);
    assert.equal(mine.email_lookup, t.app.sealer.lookup(citizen.email));
    const notTheirs = await a.post(`/akun/ikuti/${others.id}/berhenti`, {});
    assert.equal(notTheirs.statusCode, 404);
    assert.match(notTheirs.body, /tidak ditemukan/);
    const visitor = agent();
    assert.match(
      (await visitor.post(`/akun/ikuti/${mine.id}/berhenti`, {}, { csrf: null })).headers.location as string,
      /^\/masuk/,
    );
    assert.equal((await a.post(`/akun/ikuti/${mine.id}/berhenti`, {}, { csrf: null })).statusCode, 403);
    await a.get('/akun');
    const stopped = await a.post(`/akun/ikuti/${mine.id}/berhenti`, {});
    assert.equal(stopped.headers.location, '/akun?pesan=berhenti');
    assert.match((await a.get('/akun?pesan=berhenti')).body, /Anda tidak lagi mengikutinya/);
    assert.deepEqual(
      (await follows()).map((f) => f.id),
      [others.id],
    );

    // Following again, then erasing the account ends the follow with it.
    await a.post(`/aspirasi/${neighbours.code}/dukung`, { email: citizen.email });
    assert.equal((await follows()).length, 2);
    await a.get('/akun');
    assert.equal((await a.post('/akun/hapus', { confirm: citizen.password, kind: 'erasure' })).statusCode, 303);
    assert.deepEqual(
      (await follows()).map((f) => f.id),
      [others.id],
    );
    const row = await t.database.db
      .selectFrom('aspiration')
      .select('user_id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(row.user_id, null);
    assert.equal((await agent().get(`/aspirasi/${code}`)).statusCode, 200, 'the aspiration itself stays');
  });

  test('similar open aspirations are offered before sending, and supporting one counts it once per address', async () => {
    const first = await file({ category: 'sampah-lingkungan', title: 'Sampah menumpuk di pasar' });
    const { kel } = await place();
    const a = agent();
    await a.get('/aspirasi/baru');
    const step2 = await a.post('/aspirasi/baru', {
      kind: 'aspirasi',
      category: 'sampah-lingkungan',
      location: String(kel.id),
      title: 'Tumpukan sampah pasar',
    });
    assert.equal(step2.statusCode, 200);
    assert.match(step2.body, /Aspirasi serupa yang masih terbuka/);
    assert.match(step2.body, new RegExp(first.code));
    const supported = await a.post(`/aspirasi/${first.code}/dukung`, { email: 'tetangga@example.org' });
    assert.equal(supported.statusCode, 303);
    assert.match(supported.headers.location as string, /pesan=cek-email/);
    const again = await a.post(`/aspirasi/${first.code}/dukung`, { email: 'TETANGGA@example.org' });
    assert.match(again.headers.location as string, /sudah-didukung/);
    const page = await a.get(`/aspirasi/${first.code}`);
    assert.match(page.body, /1 dukungan/);
  });
});

describe('the council handles an aspiration', () => {
  let staff: TestUser;
  let member: TestUser;
  let otherMember: TestUser;
  let admin: TestUser;
  let komisiIIMember: { id: number; name: string };

  before(async () => {
    staff = await createUser(t, 'staff', { name: 'Petugas Sekretariat' });
    admin = await createUser(t, 'administrator');
    // A member of Komisi II, and a member who sits neither in Komisi II nor in dapil 1.
    const db = t.database.db;
    const structure = await getCouncil(db);
    const komisiII = structure.komisi.find((k) => k.shortName === 'Komisi II');
    const dapil1 = structure.dapil.find((d) => d.number === 1);
    assert.ok(komisiII !== undefined && dapil1 !== undefined);
    const inKomisi = await db
      .selectFrom('member')
      .innerJoin('body_membership', 'body_membership.member_id', 'member.id')
      .select(['member.id', 'member.name'])
      .where('body_membership.body_id', '=', komisiII.id)
      .executeTakeFirstOrThrow();
    komisiIIMember = inKomisi;
    const outsider = await db
      .selectFrom('member')
      .select(['member.id'])
      .where('member.dapil_id', '!=', dapil1.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('body_membership')
              .select('body_membership.id')
              .whereRef('body_membership.member_id', '=', 'member.id')
              .where('body_membership.body_id', '=', komisiII.id),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    member = await createUser(t, 'member');
    otherMember = await createUser(t, 'member');
    await db.updateTable('app_user').set({ member_id: inKomisi.id }).where('id', '=', member.id).execute();
    await db.updateTable('app_user').set({ member_id: outsider.id }).where('id', '=', otherMember.id).execute();
  });

  test('verify, forward, a member responds, resolve, the citizen rates: every step public and mailed', async () => {
    const { code, reporter } = await file({ email: 'warga.jalan@example.org' });
    await t.app.outbox.deliverDue();
    mailbox.clear();
    const s = await signIn(t, staff, agent());
    const inboxPage = await s.get('/kelola/aspirasi');
    assert.equal(inboxPage.statusCode, 200);
    assert.match(inboxPage.body, new RegExp(code));

    const casePage = await s.get(`/kelola/aspirasi/${code}`);
    assert.match(casePage.body, /warga\.jalan@example\.org/);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'aspiration.reporter_read')
      .where('actor_user_id', '=', staff.id)
      .execute();
    assert.ok(audited.length >= 1, 'the read of personal data is in the audit log');

    // Steps out of order are refused without a change.
    const early = await s.post(`/kelola/aspirasi/${code}`, { action: 'resolve', body: 'Sudah diperbaiki' });
    assert.match(early.headers.location as string, /pesan=urutan/);

    assert.equal((await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' })).statusCode, 303);
    await s.get(`/kelola/aspirasi/${code}`);
    // The suggested komisi is the category's: roads go to Komisi II.
    assert.match((await s.get(`/kelola/aspirasi/${code}`)).body, /<option value="komisi-ii" selected/);
    await s.get(`/kelola/aspirasi/${code}`);
    assert.equal(
      (await s.post(`/kelola/aspirasi/${code}`, { action: 'forward', komisi: 'komisi-ii' })).statusCode,
      303,
    );

    // The member of Komisi II sees it and answers in their own name; a member elsewhere does not see it.
    const m = await signIn(t, member, agent());
    const mInbox = await m.get('/kelola/aspirasi');
    assert.match(mInbox.body, new RegExp(code));
    await m.get(`/kelola/aspirasi/${code}`);
    const respond = await m.post(`/kelola/aspirasi/${code}`, {
      action: 'respond',
      body: 'Kami sudah meminta Dinas BMSDA memperbaiki jalan ini.',
    });
    assert.equal(respond.statusCode, 303);
    // A member's follow-up is theirs too, not the secretariat's.
    await m.get(`/kelola/aspirasi/${code}`);
    const visit = await m.post(`/kelola/aspirasi/${code}`, {
      action: 'followUp',
      kind: 'kunjungan',
      body: 'Saya meninjau lokasi bersama lurah.',
    });
    assert.equal(visit.statusCode, 303);
    const refusedVerify = await m.post(`/kelola/aspirasi/${code}`, { action: 'resolve', body: 'Selesai menurut saya' });
    assert.equal(refusedVerify.statusCode, 403);
    const o = await signIn(t, otherMember, agent());
    assert.doesNotMatch((await o.get('/kelola/aspirasi')).body, new RegExp(code));
    assert.equal((await o.get(`/kelola/aspirasi/${code}`)).statusCode, 404);

    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, {
      action: 'followUp',
      kind: 'kunjungan',
      body: 'Kunjungan lapangan Komisi II pada 3 Desember.',
    });
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'note', body: 'Catatan internal: hubungi lurah.' });
    await s.get(`/kelola/aspirasi/${code}`);
    assert.equal(
      (await s.post(`/kelola/aspirasi/${code}`, { action: 'resolve', body: 'Jalan sudah ditambal pada 5 Desember.' }))
        .statusCode,
      303,
    );

    const publicPage = (await agent().get(`/aspirasi/${code}`)).body;
    for (const step of [
      'Diverifikasi',
      'Diteruskan ke Komisi II dan anggota DPRD dapil 1',
      'Kami sudah meminta Dinas BMSDA',
      komisiIIMember.name,
      'Tindak lanjut: Kunjungan lapangan',
      'Jalan sudah ditambal',
    ]) {
      assert.ok(publicPage.includes(step), `public page shows "${step}"`);
    }
    assert.doesNotMatch(publicPage, /hubungi lurah/, 'internal notes stay internal');
    const entryOf = (page: string, text: string) =>
      [...page.matchAll(/<li[^>]*class="event[^"]*"[^>]*>[\s\S]*?<\/li>/g)]
        .map((x) => x[0])
        .find((li) => li.includes(text)) ?? '';
    const memberVisit = entryOf(publicPage, 'Saya meninjau lokasi bersama lurah.');
    assert.match(
      memberVisit,
      new RegExp(`href="/anggota/[a-z0-9-]+">${komisiIIMember.name}</a>`),
      'credited to the member',
    );
    assert.doesNotMatch(memberVisit, /Sekretariat DPRD/);
    assert.match(
      entryOf(publicPage, 'Kunjungan lapangan Komisi II'),
      /Sekretariat DPRD/,
      "staff's steps are the secretariat's",
    );
    // Officials see who took each step by name, not by a number.
    const caseFile = (await s.get(`/kelola/aspirasi/${code}`)).body;
    assert.match(entryOf(caseFile, 'Catatan internal: hubungi lurah.'), /Petugas Sekretariat/);
    assert.doesNotMatch(caseFile, /pengguna #\d+/);
    const home = (await agent().get('/')).body;
    assert.match(home, /Baru saja dijawab/);
    assert.match(home, new RegExp(`href="/aspirasi/${code}"`));
    assert.match(home, /Jalan sudah ditambal pada 5 Desember\./);

    await reporter.get(`/aspirasi/${code}`);
    const rated = await reporter.post(`/aspirasi/${code}/nilai`, { rating: '4', comment: 'Cepat, terima kasih.' });
    assert.equal(rated.statusCode, 303);
    assert.match((await reporter.get(`/aspirasi/${code}`)).body, /Dinilai 4 dari 5 oleh pelapor/);
    // Someone else cannot rate it.
    const stranger = agent();
    await stranger.get('/lacak');
    assert.equal((await stranger.post(`/aspirasi/${code}/nilai`, { rating: '1', comment: '' })).statusCode, 404);

    await t.app.outbox.deliverDue();
    const subjects = mailbox.to('warga.jalan@example.org').map((mail) => mail.subject);
    assert.deepEqual(subjects, [
      `${code}: Diverifikasi`,
      `${code}: Diteruskan`,
      `${code}: Tanggapan`,
      `${code}: Tindak lanjut`,
      `${code}: Tindak lanjut`,
      `${code}: Selesai`,
    ]);
    // Staff see that each message left.
    const delivery = (await s.get(`/kelola/aspirasi/${code}`)).body;
    assert.match(delivery, /terkirim/);
  });

  test('a confidential report never reaches the public, other citizens or members outside its komisi', async () => {
    const { code, reporter } = await file({
      kind: 'rahasia',
      title: 'Pungutan liar di kantor kelurahan',
      email: 'pelapor.rahasia@example.org',
      name: 'Nama Rahasia',
      showName: true,
    });
    const visitor = agent();
    assert.equal((await visitor.get(`/aspirasi/${code}`)).statusCode, 404);
    assert.doesNotMatch((await visitor.get('/aspirasi')).body, /Pungutan liar/);
    assert.doesNotMatch((await visitor.get('/aspirasi.atom')).body, /Pungutan liar/);
    assert.doesNotMatch((await visitor.get('/aspirasi?q=pungutan')).body, /Pungutan liar/);
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    assert.equal((await citizen.get(`/aspirasi/${code}`)).statusCode, 404);
    assert.equal((await citizen.get('/kelola/aspirasi')).statusCode, 403);
    const own = (await reporter.get(`/aspirasi/${code}`)).body;
    assert.match(own, /Pungutan liar/);
    // The reporter's own page says where a confidential report goes, and nothing about the public.
    assert.match(own, /Laporan rahasia: tidak pernah tampil untuk umum/);
    assert.match(own, /Hanya dibaca petugas yang menangani laporan ini/);
    assert.doesNotMatch(own, /Tampil untuk umum|untuk umum\. Jangan|Dukungan|dukungan/);

    const s = await signIn(t, staff, agent());
    assert.match((await s.get(`/kelola/aspirasi/${code}`)).body, /pelapor\.rahasia@example\.org/);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'forward', komisi: 'komisi-ii' });
    // The komisi's member reads the report but not who sent it; a dapil member outside the komisi sees nothing.
    const m = await signIn(t, member, agent());
    const seen = await m.get(`/kelola/aspirasi/${code}`);
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /pelapor\.rahasia|Nama Rahasia/);
    const o = await signIn(t, otherMember, agent());
    assert.equal((await o.get(`/kelola/aspirasi/${code}`)).statusCode, 404);
    assert.equal((await visitor.get(`/aspirasi/${code}`)).statusCode, 404);
    // The administrator sees it as staff do.
    const ad = await signIn(t, admin, agent());
    assert.match((await ad.get(`/kelola/aspirasi/${code}`)).body, /pelapor\.rahasia@example\.org/);
  });

  test("a confidential report's signed-in reporter stays unnamed in the case file the komisi reads", async () => {
    const citizen = await createUser(t, 'citizen', { name: 'Rahasia Berakun' });
    const a = await signIn(t, citizen, agent());
    const { kel } = await place();
    const fields = {
      kind: 'rahasia',
      category: 'pelayanan-publik',
      location: String(kel.id),
      title: 'Pungutan di loket perizinan',
    };
    await a.get('/aspirasi/baru');
    assert.equal((await a.post('/aspirasi/baru', fields)).statusCode, 200);
    const sent = await a.postMultipart('/aspirasi/kirim', {
      ...fields,
      description: 'Petugas loket meminta uang tambahan untuk mempercepat izin.',
      email: citizen.email,
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    const code = (await a.get('/akun/data.json')).json<{ aspirations: { code: string }[] }>().aspirations[0]?.code;
    assert.ok(code !== undefined);
    await a.get(`/aspirasi/${code}`);
    const added = await a.post(`/aspirasi/${code}/balas`, { body: 'Tambahan: kejadian berulang setiap Senin.' });
    assert.equal(added.statusCode, 303);

    const s = await signIn(t, staff, agent());
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'forward', komisi: 'komisi-ii' });
    const m = await signIn(t, member, agent());
    const seen = (await m.get(`/kelola/aspirasi/${code}`)).body;
    assert.match(seen, /Tambahan: kejadian berulang setiap Senin\./);
    assert.doesNotMatch(seen, /Rahasia Berakun/, 'the member never learns who sent it');
    // The officer who verified it is named in the case file.
    assert.match(seen, /Petugas Sekretariat/);
  });

  test('staff verify and forward many at once from the inbox', async () => {
    const a = await file({ category: 'kesehatan', title: 'Antrean puskesmas terlalu panjang' });
    const b = await file({ category: 'banjir', title: 'Kali meluap tiap hujan' });
    const c = await file({ category: 'lainnya', title: 'Usul lain untuk dewan' });
    const s = await signIn(t, staff, agent());
    const inboxPage = await s.get('/kelola/aspirasi');
    assert.match(inboxPage.body, new RegExp(`name="codes" value="${a.code}"`));
    const form = new URLSearchParams({ _csrf: s.csrf(), action: 'verify' });
    for (const x of [a, b, c]) form.append('codes', x.code);
    const post = (body: URLSearchParams, who = s) =>
      t.app.inject({
        method: 'POST',
        url: '/kelola/aspirasi/massal',
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: Object.fromEntries(who.cookies),
        remoteAddress: who.ip,
      });
    const verified = await post(form);
    assert.equal(verified.headers.location, '/kelola/aspirasi?pesan=massal&n=3&lewat=0');
    assert.match((await s.get(verified.headers.location as string)).body, /3 aspirasi diproses; 0 dilewati/);
    form.set('action', 'forward');
    form.set('_csrf', s.csrf());
    const forwarded = await post(form);
    // "Lainnya" has no komisi: it waits for a person to choose one.
    assert.equal(forwarded.headers.location, '/kelola/aspirasi?pesan=massal&n=2&lewat=1');
    const statuses = await t.database.db
      .selectFrom('aspiration')
      .select(['code', 'status'])
      .where('code', 'in', [a.code, b.code, c.code])
      .execute();
    assert.deepEqual(Object.fromEntries(statuses.map((r) => [r.code, r.status])), {
      [a.code]: 'forwarded',
      [b.code]: 'forwarded',
      [c.code]: 'verified',
    });
    const m = await signIn(t, member, agent());
    await m.get('/kelola/aspirasi');
    const refused = await post(new URLSearchParams({ _csrf: m.csrf(), action: 'verify', codes: c.code }), m);
    assert.equal(refused.statusCode, 403);
  });

  test('staff keep answer templates and start a response from one', async () => {
    const { code } = await file({ category: 'pajak-retribusi', title: 'Tagihan PBB ganda' });
    const s = await signIn(t, staff, agent());
    await s.get('/kelola/aspirasi/templat');
    const bad = await s.post('/kelola/aspirasi/templat', { title: '', body: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Bagian ini wajib diisi/);
    const saved = await s.post('/kelola/aspirasi/templat', {
      title: 'Diteruskan ke Bapenda',
      body: 'Terima kasih. Keluhan Anda sudah kami sampaikan kepada Bapenda untuk diperiksa.',
    });
    assert.equal(saved.statusCode, 303);
    const id = (await t.database.db.selectFrom('answer_template').select('id').executeTakeFirstOrThrow()).id;
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    const page = await s.get(`/kelola/aspirasi/${code}?templat=${id}`);
    assert.match(
      page.body,
      /<textarea id="respond-body" name="body"[^>]*>Terima kasih\. Keluhan Anda sudah kami sampaikan/,
    );
    const m = await signIn(t, member, agent());
    assert.equal((await m.get('/kelola/aspirasi/templat')).statusCode, 403);
  });

  test('the inbox refuses visitors and citizens; staff enter an aspiration received at the office', async () => {
    const visitor = agent();
    const res = await visitor.get('/kelola/aspirasi');
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /^\/masuk/);
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    assert.equal((await citizen.get('/kelola/aspirasi/baru')).statusCode, 403);
    const m = await signIn(t, member, agent());
    assert.equal((await m.get('/kelola/aspirasi/baru')).statusCode, 403);

    const { kel } = await place();
    const s = await signIn(t, staff, agent());
    await s.get('/kelola/aspirasi/baru');
    const entered = await s.postMultipart('/kelola/aspirasi/baru', {
      channel: 'telepon',
      kind: 'aspirasi',
      category: 'pendidikan',
      location: String(kel.id),
      title: 'Usul ruang kelas tambahan',
      description: 'Warga menelepon: kelas SD terlalu penuh, mohon ruang kelas baru.',
      phone: '0812 3456 7890',
    });
    assert.equal(entered.statusCode, 303, entered.body.slice(0, 400));
    const code = /ASP-\d{4}-\d{6}/.exec(entered.headers.location as string)?.[0];
    assert.ok(code !== undefined);
    const page = await s.get(entered.headers.location as string);
    assert.match(page.body, /Diterima melalui Telepon/);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'aspiration.entered')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, staff.id, 'who entered it is on record');
    // Only a phone was given: the step is queued for SMS, and with no SMS channel the case says so.
    await t.app.outbox.deliverDue();
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    await t.app.outbox.deliverDue();
    assert.match((await s.get(`/kelola/aspirasi/${code}`)).body, /tidak terkirim: saluran belum dikonfigurasi/);
    // The citizen tracks it with the phone number, written another way.
    const c = agent();
    await c.get('/lacak');
    assert.equal((await c.post('/lacak', { kode: code, kontak: '+62 812-3456-7890' })).statusCode, 303);
    const queued = await t.database.db
      .selectFrom('outbox')
      .select(['channel', 'subject'])
      .where(
        'topic',
        '=',
        `aspiration:${(await t.database.db.selectFrom('aspiration').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id}`,
      )
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(queued, { channel: 'sms', subject: `Tautan pribadi aspirasi ${code}` }, 'the link goes by SMS');
  });
});

describe('the public list', () => {
  test('filters by status, kind and place, finds words by their stem, pages, and feeds Atom', async () => {
    await file({
      category: 'tata-ruang-perumahan',
      title: 'Pembangunan gedung tanpa izin',
      description: 'Ada pembangunan gedung bertingkat tanpa papan izin di RT 04.',
    });
    const a = agent();
    const found = await a.get('/aspirasi?q=bangunan');
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Pembangunan gedung tanpa izin/);
    const none = await a.get('/aspirasi?q=bangunan&status=resolved');
    assert.doesNotMatch(none.body, /Pembangunan gedung tanpa izin/);
    const byCategory = await a.get('/aspirasi?kategori=tata-ruang-perumahan&jenis=pengaduan&urut=dukungan');
    assert.match(byCategory.body, /Pembangunan gedung tanpa izin/);
    const bad = await a.get('/aspirasi?status=hilang');
    assert.equal(bad.statusCode, 400);
    const feed = await a.get('/aspirasi.atom');
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(feed.body, /Pembangunan gedung tanpa izin/);
    assert.doesNotMatch(feed.body, /@example\.org/);
  });
});

describe('searching many aspirations', () => {
  test('a word in over a hundred aspirations: the newest first, "more than 100", pages end at the cap, the API says so', async () => {
    const { structure, kec } = await place();
    const category = structure.categories[0]?.id;
    assert.ok(category !== undefined);
    // 105 public aspirations with one rare word, the newest numbered highest.
    await sql`
      insert into aspiration (council_id, code, kind, category_id, kecamatan_id, title, description, access_token_hash, verify_due)
      select ${structure.council.id}, 'ASP-2019-' || lpad(i::text, 6, '0'), 'aspirasi', ${category}, ${kec.id},
        'Trembesi tumbang nomor ' || i, 'Pohon trembesi tumbang menutup jalan.', md5('search-cap-' || i), current_date
      from generate_series(1, 105) as i
    `.execute(t.database.db);
    const a = agent();
    const first = await a.get('/aspirasi?q=trembesi');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Lebih dari 100 aspirasi cocok/);
    assert.match(first.body, /Halaman 1 dari 5/);
    const titles = [...first.body.matchAll(/Trembesi tumbang nomor (\d+)/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      titles,
      Array.from({ length: 20 }, (_, i) => 105 - i),
    );
    const last = await a.get('/aspirasi?q=trembesi&hal=5');
    // The 81st to the 100th newest: 25 down to 6; the five oldest are past the cap.
    assert.match(last.body, /Trembesi tumbang nomor 25</);
    assert.match(last.body, /Trembesi tumbang nomor 6</);
    assert.doesNotMatch(last.body, /Trembesi tumbang nomor 5</);
    const past = await a.get('/aspirasi?q=trembesi&hal=6');
    assert.equal(past.statusCode, 200);
    assert.doesNotMatch(past.body, /Trembesi tumbang nomor/);
    assert.match(past.body, /Lebih dari 100 aspirasi cocok/);
    const narrower = await a.get('/aspirasi?q=trembesi+100');
    assert.doesNotMatch(narrower.body, /Lebih dari/);
    const api = JSON.parse((await a.get('/api/v1/aspirations?q=trembesi&per_page=5')).body);
    assert.deepEqual(api.meta, { total: 100, total_capped: true, page: 1, per_page: 5 });
    const exact = JSON.parse((await a.get('/api/v1/aspirations?q=trembesi+105')).body);
    assert.equal(exact.meta.total_capped, false);
    assert.equal(exact.data[0]?.title, 'Trembesi tumbang nomor 105');
    // Sorted by support, a search puts the most supported first, the oldest match (past the cap of
    // the newest) among them; the rest newest first.
    await sql`update aspiration set supporters = case title
        when 'Trembesi tumbang nomor 40' then 9 when 'Trembesi tumbang nomor 70' then 4
        when 'Trembesi tumbang nomor 2' then 50 end
      where title in ('Trembesi tumbang nomor 40', 'Trembesi tumbang nomor 70', 'Trembesi tumbang nomor 2')`.execute(
      t.database.db,
    );
    const supported = await a.get('/aspirasi?q=trembesi&urut=dukungan');
    const bySupport = [...supported.body.matchAll(/Trembesi tumbang nomor (\d+)</g)].map((m) => Number(m[1]));
    assert.deepEqual(bySupport.slice(0, 5), [2, 40, 70, 105, 104]);
    const secondPage = await a.get('/aspirasi?q=trembesi&urut=dukungan&hal=2');
    const nextTitles = [...secondPage.body.matchAll(/Trembesi tumbang nomor (\d+)</g)].map((m) => Number(m[1]));
    assert.deepEqual(nextTitles.slice(0, 2), [88, 87]);
    // Words nothing matches, also asked for a later page: none found, said so.
    const none = await a.get('/aspirasi?q=trembesi+beringin&hal=3');
    assert.equal(none.statusCode, 200);
    assert.doesNotMatch(none.body, /Trembesi tumbang nomor/);
    assert.match(none.body, /<p role="status">0 aspirasi<\/p>/);
    await sql`delete from aspiration where title like 'Trembesi tumbang nomor %'`.execute(t.database.db);
  });

  test('newest first, wherever each step of the search ends: the matches of every step, none twice, none missed', async () => {
    const { structure, kec } = await place();
    const category = structure.categories[0]?.id;
    assert.ok(category !== undefined);
    // 150 aspirations; every third has the word looked for, the others another word.
    const rows = await sql<{ id: number; n: number }>`
      insert into aspiration (council_id, code, kind, category_id, kecamatan_id, title, description, access_token_hash, verify_due)
      select ${structure.council.id}, 'ASP-2018-' || lpad(i::text, 6, '0'), 'aspirasi', ${category}, ${kec.id},
        case when i % 3 = 0 then 'Kenari patah nomor ' else 'Mahoni patah nomor ' end || i,
        'Dahan patah di taman.', md5('search-steps-' || i), current_date
      from generate_series(1, 150) as i
      returning id, substr(code, 10)::int as n
    `.execute(t.database.db);
    const ids = rows.rows.map((r) => Number(r.id)).sort((x, y) => x - y);
    const numberOf = new Map(rows.rows.map((r) => [Number(r.id), Number(r.n)]));
    // What a reader expects: the fifty "kenari" aspirations, newest (highest number) first.
    const expected = Array.from({ length: 50 }, (_, i) => 150 - 3 * i);
    const last = ids.at(-1) ?? 0;
    // A filter (one every row passes) makes the search read the rows in steps, not the words' lists.
    const search = (offset: number, walk?: SearchWalk) =>
      searchPublic(
        t.database.db,
        structure.council.id,
        { q: 'kenari', kind: 'aspirasi', sort: 'baru', limit: 20, offset },
        walk,
      );
    // The first rows read ending on a match, beside one, inside and after every row; then either
    // read on (dense 0) for a few rows or past the oldest, or straight to the index (dense 2).
    const walks: (SearchWalk | undefined)[] = [undefined];
    for (const first of [1, 2, 3, 74, 75, 76, 149, 150, 151, 5000])
      for (const [dense, further] of [
        [0, 1],
        [0, 7],
        [0, 100_000],
        [2, 100_000],
      ] as const)
        walks.push({ newest: last, first, dense, further });
    for (const walk of walks) {
      const pages = await Promise.all([0, 20, 40].map((offset) => search(offset, walk)));
      const found = pages.flatMap((p) => p.rows.map((r) => numberOf.get(Number(r.id))));
      assert.deepEqual(found, expected, `reading ${JSON.stringify(walk)}`);
      for (const page of pages)
        assert.deepEqual([page.total, page.capped], [50, false], `reading ${JSON.stringify(walk)}`);
    }
    await sql`delete from aspiration where code like 'ASP-2018-%'`.execute(t.database.db);
  });

  test('a search for words alone finds what testing every text finds: stemmed or as written, never a confidential one', async () => {
    const { structure, kec } = await place();
    const category = structure.categories[0]?.id;
    assert.ok(category !== undefined);
    // 240 aspirations, each with the words of the bits of its number; every eleventh confidential.
    const vocabulary = ['pembangunan', 'jalan', 'rusak', 'kenari', 'RT05', 'lampu', 'padam', 'Margahayu'];
    const inserted = await sql<{ id: number; n: number }>`
      insert into aspiration (council_id, code, kind, category_id, kecamatan_id, title, description, access_token_hash, verify_due)
      select ${structure.council.id}, 'ASP-2017-' || lpad(i::text, 6, '0'),
        case when i % 11 = 0 then 'rahasia' else 'aspirasi' end, ${category}, ${kec.id},
        'Laporan nomor ' || i,
        coalesce((select string_agg(w, ' ') from unnest(${vocabulary}::text[]) with ordinality as v(w, b)
          where i & (1 << (b::int - 1)) <> 0), 'tanpa kata'),
        md5('word-lists-' || i), current_date
      from generate_series(1, 240) as i
      returning id, substr(code, 10)::int as n
    `.execute(t.database.db);
    const numberOf = new Map(inserted.rows.map((r) => [Number(r.id), Number(r.n)]));
    const newest = Math.max(...numberOf.keys());
    const everyStatus = ['received', 'verified', 'forwarded', 'resolved', 'referred', 'rejected', 'duplicate'] as const;
    const numbers = (rows: { id: number }[]) => rows.map((r) => numberOf.get(Number(r.id)));
    const searches = [
      'jalan rusak',
      'pembangunan',
      'membangun jalan',
      'rt05 lampu padam',
      'kenari margahayu jalan rusak',
      'lampu -padam',
      '"jalan rusak"',
      'jalan or kenari',
      'kata tidakada',
    ];
    for (const walk of [
      undefined,
      { newest, first: 7, dense: 0, further: 40 },
      { newest, first: 3, dense: 2, further: 0 },
    ])
      for (const q of searches) {
        const filter = { q, sort: 'baru' as const, limit: 100, offset: 0 };
        const byLists = await searchPublic(t.database.db, structure.council.id, filter, walk);
        // A filter that leaves nothing out makes the search read the rows and test every text, in
        // the steps `walk` sets.
        const byText = await searchPublic(
          t.database.db,
          structure.council.id,
          { ...filter, statuses: [...everyStatus] },
          walk,
        );
        const found = numbers(byLists.rows);
        assert.deepEqual(found, numbers(byText.rows), `"${q}" reading ${JSON.stringify(walk)}`);
        assert.deepEqual([byLists.total, byLists.capped], [byText.total, byText.capped], q);
        assert.ok(
          found.every((n) => n !== undefined && n % 11 !== 0),
          `no confidential report for "${q}"`,
        );
      }
    // What a reader expects, worked out from the numbers: "jalan" is bit 2, "rusak" bit 3.
    const both = await searchPublic(t.database.db, structure.council.id, {
      q: 'jalan rusak',
      sort: 'baru',
      limit: 100,
      offset: 0,
    });
    const expected = Array.from({ length: 240 }, (_, i) => 240 - i).filter((n) => (n & 6) === 6 && n % 11 !== 0);
    assert.deepEqual(numbers(both.rows), expected.slice(0, 100));
    // "membangun" is stemmed to what "pembangunan" is: bit 1.
    const stemmed = await searchPublic(t.database.db, structure.council.id, {
      q: 'membangun',
      sort: 'baru',
      limit: 100,
      offset: 0,
    });
    assert.deepEqual(
      numbers(stemmed.rows),
      Array.from({ length: 240 }, (_, i) => 240 - i)
        .filter((n) => (n & 1) === 1 && n % 11 !== 0)
        .slice(0, 100),
    );
    await sql`delete from aspiration where code like 'ASP-2017-%'`.execute(t.database.db);
  });

  test('a search finds an aspiration by its words as they stand: edited, a passage hidden, made confidential, removed', async () => {
    const { structure, kec } = await place();
    const category = structure.categories[0]?.id;
    assert.ok(category !== undefined);
    const [row] = (
      await sql<{ id: number }>`
        insert into aspiration (council_id, code, kind, category_id, kecamatan_id, title, description, access_token_hash, verify_due)
        values (${structure.council.id}, 'ASP-2016-000001', 'aspirasi', ${category}, ${kec.id},
          'Trotoar ambruk di Jalan Kenanga', 'Trotoar ambruk dekat halte Wibawa Mukti.', md5('words-follow'), current_date)
        returning id`.execute(t.database.db)
    ).rows;
    assert.ok(row !== undefined);
    const codes = async (q: string) =>
      (await searchPublic(t.database.db, structure.council.id, { q, sort: 'baru', limit: 20, offset: 0 })).rows.map(
        (r) => r.code,
      );
    assert.deepEqual(await codes('ambruk kenanga'), ['ASP-2016-000001']);
    const edit = (set: string) =>
      sql`update aspiration set ${sql.raw(set)} where code = 'ASP-2016-000001'`.execute(t.database.db);
    await edit(`title = 'Trotoar retak di Jalan Kenanga', description = 'Trotoar retak dekat halte Wibawa Mukti.'`);
    assert.deepEqual(await codes('ambruk'), []);
    assert.deepEqual(await codes('retak kenanga'), ['ASP-2016-000001']);
    // A moderator hides the name of the stop: it is no longer found, the rest still is.
    await edit(`hidden_passages = array['Wibawa Mukti']`);
    assert.deepEqual(await codes('wibawa'), []);
    assert.deepEqual(await codes('retak halte'), ['ASP-2016-000001']);
    await edit(`kind = 'rahasia'`);
    assert.deepEqual(await codes('retak halte'), []);
    await edit(`kind = 'pengaduan'`);
    assert.deepEqual(await codes('retak halte'), ['ASP-2016-000001']);
    const words = async () =>
      (
        await t.database.db
          .selectFrom('aspiration_word')
          .select('word')
          .where('aspiration_id', '=', row.id)
          .orderBy('word')
          .execute()
      ).map((w) => w.word);
    // Stemmed ("kenanga" → "nanga") and as written, the hidden passage in neither.
    assert.deepEqual(await words(), ['dekat', 'di', 'halte', 'jalan', 'kenanga', 'nanga', 'retak', 'trotoar']);
    // The search reads those lists, not the texts: without them it finds nothing, on the page
    // citizens search and in the API as in the query.
    const listed = async () => {
      const page = await agent().get('/aspirasi?q=retak+halte');
      const api = JSON.parse((await agent().get('/api/v1/aspirations?q=retak+halte')).body);
      return [
        page.body.includes('ASP-2016-000001'),
        api.data.some((a: { code: string }) => a.code === 'ASP-2016-000001'),
      ];
    };
    assert.deepEqual(await listed(), [true, true]);
    await sql`delete from aspiration_word where aspiration_id = ${row.id}`.execute(t.database.db);
    assert.deepEqual(await codes('retak halte'), []);
    assert.deepEqual(await listed(), [false, false]);
    await edit(`title = 'Trotoar retak parah di Jalan Kenanga'`);
    assert.deepEqual(await codes('retak halte'), ['ASP-2016-000001']);
    await sql`delete from aspiration where id = ${row.id}`.execute(t.database.db);
    assert.deepEqual(await words(), []);
  });
});

describe('after resolution', () => {
  test('some weeks later the reporter is asked whether it is resolved, answers, and may reopen within the period', async () => {
    const staff = await createUser(t, 'staff');
    const { code, reporter } = await file({
      email: 'tanya.tuntas@example.org',
      category: 'kesehatan',
      title: 'Puskesmas tutup di jam layanan',
    });
    const s = await signIn(t, staff, agent());
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    await s.get(`/kelola/aspirasi/${code}`);
    await s.post(`/kelola/aspirasi/${code}`, { action: 'resolve', body: 'Jam layanan sudah dipulihkan.' });
    await t.app.outbox.deliverDue();
    mailbox.clear();

    // Not yet: the question waits for ASPIRATION_FOLLOW_UP_WEEKS (4 by default).
    assert.equal(await askWhetherResolved(deps(t.app)), 0);
    const fiveWeeksAgo = new Date(Date.now() - 35 * 86_400_000);
    await t.database.db.updateTable('aspiration').set({ resolved_at: fiveWeeksAgo }).where('code', '=', code).execute();
    assert.equal(await askWhetherResolved(deps(t.app)), 1);
    assert.equal(await askWhetherResolved(deps(t.app)), 0, 'asked once only');
    await t.app.outbox.deliverDue();
    assert.deepEqual(
      mailbox.to('tanya.tuntas@example.org').map((m) => m.subject),
      [`${code}: apakah sudah tuntas?`],
    );

    const page = await reporter.get(`/aspirasi/${code}`);
    assert.match(page.body, /Apakah masalahnya sudah benar-benar tuntas\?/);
    assert.equal((await reporter.post(`/aspirasi/${code}/tuntas`, { answer: 'tidak' })).statusCode, 303);
    const publicPage = (await agent().get(`/aspirasi/${code}`)).body;
    assert.match(publicPage, /Menurut pelapor: belum tuntas/);

    // Five weeks is past the 30-day reopening period: refused, nothing changes.
    await reporter.get(`/aspirasi/${code}`);
    const late = await reporter.post(`/aspirasi/${code}/buka`, { reason: 'Puskesmas tutup lagi minggu ini.' });
    assert.equal(late.statusCode, 409);
    // Within the period the reporter reopens it and the deadline runs again.
    await t.database.db.updateTable('aspiration').set({ resolved_at: new Date() }).where('code', '=', code).execute();
    await reporter.get(`/aspirasi/${code}`);
    assert.equal(
      (await reporter.post(`/aspirasi/${code}/buka`, { reason: 'Puskesmas tutup lagi minggu ini.' })).statusCode,
      303,
    );
    const reopened = (await agent().get(`/aspirasi/${code}`)).body;
    assert.match(reopened, /Dibuka kembali oleh pelapor/);
    assert.match(reopened, /Target selesai/);
  });
});

describe("retention of reporters' contact details", () => {
  test('a year after closing, the reporter and supporters can no longer be reached; the aspiration stays public', async () => {
    const staff = await createUser(t, 'staff');
    const open = await file({ email: 'masih.terbuka@example.org', title: 'Trotoar rusak di depan stasiun' });
    const closed = await file({ email: 'sudah.lama@example.org', title: 'Lampu taman padam' });
    const a = agent();
    await a.get(`/aspirasi/${closed.code}`);
    await a.post(`/aspirasi/${closed.code}/dukung`, { email: 'pendukung.lama@example.org' });
    const s = await signIn(t, staff, agent());
    await s.get(`/kelola/aspirasi/${closed.code}`);
    await s.post(`/kelola/aspirasi/${closed.code}`, { action: 'verify' });
    await s.get(`/kelola/aspirasi/${closed.code}`);
    await s.post(`/kelola/aspirasi/${closed.code}`, { action: 'resolve', body: 'Lampu sudah diganti.' });
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    const db = t.database.db;
    await db
      .updateTable('aspiration')
      .set({ updated_at: longAgo })
      .where('code', 'in', [closed.code, open.code])
      .execute();

    const report = await enforceRetention(db, t.config.retention);
    assert.ok(report.reporters >= 1);
    const reporterOf = (code: string) =>
      db
        .selectFrom('aspiration_reporter')
        .innerJoin('aspiration', 'aspiration.id', 'aspiration_reporter.aspiration_id')
        .select(['email_sealed', 'name_sealed', 'email_lookup'])
        .where('aspiration.code', '=', code)
        .executeTakeFirstOrThrow();
    assert.deepEqual(await reporterOf(closed.code), { email_sealed: null, name_sealed: null, email_lookup: null });
    assert.notEqual((await reporterOf(open.code)).email_sealed, null, 'an open aspiration keeps its reporter');
    const supporters = await db
      .selectFrom('aspiration_supporter')
      .innerJoin('aspiration', 'aspiration.id', 'aspiration_supporter.aspiration_id')
      .select('email_lookup')
      .where('aspiration.code', '=', closed.code)
      .execute();
    assert.equal(supporters.length, 1);
    assert.ok(supporters.every((x) => x.email_lookup === null));
    const followers = await db
      .selectFrom('subscription')
      .innerJoin('aspiration', 'aspiration.id', 'subscription.subject_id')
      .select('subscription.id')
      .where('subscription.subject_type', '=', 'aspiration')
      .where('aspiration.code', '=', closed.code)
      .execute();
    assert.deepEqual(followers, [], "a supporter's address is gone too");
    assert.equal((await agent().get(`/aspirasi/${closed.code}`)).statusCode, 200);
    const c = agent();
    await c.get('/lacak');
    await t.app.outbox.deliverDue();
    mailbox.clear();
    assert.equal((await c.post('/lacak', { kode: closed.code, kontak: 'sudah.lama@example.org' })).statusCode, 303);
    await t.app.outbox.deliverDue();
    assert.deepEqual(mailbox.to('sudah.lama@example.org'), [], 'the erased address is no longer matched');
  });
});

describe('an SMS gateway', () => {
  test('a reporter who left only a phone number is told each step by SMS, retried when the gateway fails', async () => {
    const received: { headers: IncomingHttpHeaders; body: { channel: string; to: string; text: string } }[] = [];
    let failures = 1;
    const gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.statusCode = failures-- > 0 ? 500 : 202;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    const g = await buildTestApp({
      env: { MESSAGE_GATEWAY_URL: `http://127.0.0.1:${port}/kirim`, MESSAGE_GATEWAY_TOKEN: 'rahasia-gateway' },
    });
    try {
      const staff = await createUser(g, 'staff');
      const s = await signIn(g, staff, new Agent(g.app, '192.0.2.7'));
      const structure = await getCouncil(g.database.db);
      const kel = structure.kecamatan[0]?.kelurahan[0];
      assert.ok(kel !== undefined);
      await s.get('/kelola/aspirasi/baru');
      const entered = await s.postMultipart('/kelola/aspirasi/baru', {
        channel: 'ruang_aspirasi',
        kind: 'aspirasi',
        category: 'pendidikan',
        location: String(kel.id),
        title: 'Beasiswa untuk anak yatim',
        description: 'Warga datang ke ruang aspirasi meminta program beasiswa.',
        phone: '0813-1111-2222',
      });
      const code = /ASP-\d{4}-\d{6}/.exec(entered.headers.location as string)?.[0] ?? '';
      await g.app.outbox.deliverDue();
      assert.equal(received.length, 1);
      // The first attempt failed: the case says so, and the message waits for its retry.
      const casePage = (await s.get(`/kelola/aspirasi/${code}`)).body;
      assert.match(casePage, /menunggu dikirim/);
      assert.match(casePage, /gateway answered 500/);
      await g.database.db.updateTable('outbox').set({ next_attempt_at: new Date() }).execute();
      await g.app.outbox.deliverDue();
      assert.equal(received.length, 2);
      const sms = received[1];
      assert.equal(sms?.headers.authorization, 'Bearer rahasia-gateway');
      assert.equal(sms?.body.channel, 'sms');
      assert.equal(sms?.body.to, '0813-1111-2222');
      assert.match(sms?.body.text ?? '', new RegExp(code));
      assert.match((await s.get(`/kelola/aspirasi/${code}`)).body, /terkirim/);
      // One SMS of the GSM alphabet, ending with the private link, whole: it opens the aspiration.
      const first = sms?.body.text ?? '';
      assert.ok(fitsOneSms(first), `one SMS: ${first.length} characters`);
      const privateLink = /http:\/\/localhost:3000(\/lacak\/[A-Za-z0-9_-]+)$/.exec(first)?.[1];
      assert.ok(privateLink !== undefined, first);
      assert.match((await g.app.inject(privateLink)).body, new RegExp(code));

      // A step with a long answer: the SMS says what happened, as much of the answer as fits, and the link.
      assert.equal((await s.post(`/kelola/aspirasi/${code}`, { action: 'verify' })).statusCode, 303);
      const answer = `Dinas “Pendidikan” menjawab — beasiswa dibuka lagi, ${'pendaftaran melalui sekolah masing-masing, '.repeat(6)}`;
      assert.equal((await s.post(`/kelola/aspirasi/${code}`, { action: 'resolve', body: answer })).statusCode, 303);
      await g.app.outbox.deliverDue();
      const texts = received.slice(2).map((r) => r.body.text);
      assert.ok(texts.length >= 2, 'verified and resolved were both told');
      for (const text of texts) {
        assert.ok(fitsOneSms(text), `one SMS: ${text}`);
        assert.ok(text.startsWith(`${structure.council.name}: ${code} `), text);
        assert.ok(text.endsWith(` http://localhost:3000/lacak?kode=${code}`), text);
      }
      const resolved = texts.at(-1) ?? '';
      assert.match(resolved, /Selesai\. Dinas "Pendidikan" menjawab - beasiswa dibuka lagi, pendaftaran/);
      assert.match(resolved, /\.\.\. http/, 'the cut is shown');
    } finally {
      await g.close();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});

describe('the live inbox', () => {
  test('an officer with the inbox open hears of each new aspiration as it is committed; members may not listen', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const staff = await createUser(t, 'staff');
    const s = await signIn(t, staff, agent());
    const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const chunks: string[] = [];
    let opened!: () => void;
    const ready = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const stream = httpRequest(
      { host: '127.0.0.1', port, path: '/kelola/aspirasi/langsung', headers: { cookie } },
      (res) => {
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          chunks.push(c);
          // The stream says "ready" once this process listens: from then on no aspiration escapes it.
          if (chunks.join('').includes('event: ready\n')) opened();
        });
      },
    );
    stream.end();
    await ready;
    const { code } = await file({ title: 'Lampu jalan padam sepekan' });
    const deadline = Date.now() + 5000;
    while (!chunks.join('').includes(code) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    stream.destroy();
    assert.match(chunks.join(''), new RegExp(`event: aspiration\ndata: \\{"code":"${code}"\\}`));

    const memberUser = await createUser(t, 'member');
    const m = await signIn(t, memberUser, agent());
    assert.equal((await m.get('/kelola/aspirasi/langsung')).statusCode, 403);
  });
});
