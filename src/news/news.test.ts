import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedInPerson } from '../../test/helpers/users.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const visitor = () => new Agent(t.app, '203.0.113.9');

/** A photo as a phone takes it: JPEG with the camera and a GPS position in its EXIF block. */
function phonePhoto(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: shade, g: 90, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'HumasCam', Artist: 'Fotografer Humas' }, IFD3: { GPSLatitudeRef: 'S' } })
    .toBuffer();
}

async function plenaryMeeting(title: string) {
  const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  return (
    await t.database.db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: `berita-${Date.now()}-${Math.random()}@dewan-terbuka`,
        type: 'paripurna',
        title,
        starts_at: new Date(Date.now() - 2 * 86_400_000),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function twoMembers() {
  return t.database.db.selectFrom('member').select(['slug', 'name']).orderBy('name').limit(2).execute();
}

const post = (change: Record<string, string> = {}) => ({
  title: 'DPRD setujui Raperda Bangunan Gedung',
  summary: 'Rapat paripurna menyetujui Raperda Bangunan Gedung menjadi Perda.',
  body: '<p>Rapat paripurna DPRD menyetujui <strong>Raperda Bangunan Gedung</strong>.</p><h2>Apa yang berubah</h2><ul><li>Izin lebih cepat</li><li>Pengawasan bangunan tinggi</li></ul>',
  category: 'paripurna',
  tags: 'Perda, Bangunan Gedung',
  meeting: '',
  photoAlt: '',
  ...change,
});

/** Writes a draft as this officer; its id. */
async function writeDraft(officer: Agent, fields: [string, string][], photos: Buffer[] = []) {
  await officer.get('/kelola/berita/baru');
  const res = await officer.postMultipart(
    '/kelola/berita/baru',
    fields,
    photos.map((data, i) => ({ field: 'photos', filename: `foto-${i}.jpg`, type: 'image/jpeg', data })),
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const id = Number(/\/kelola\/berita\/(\d+)\?pesan=disimpan/.exec(String(res.headers.location))?.[1]);
  assert.ok(id > 0);
  return id;
}

async function step(officer: Agent, id: number, action: string, when: Record<string, string> = {}) {
  await officer.get(`/kelola/berita/${id}`);
  return officer.post(`/kelola/berita/${id}/langkah`, { action, day: '', time: '', ...when });
}

const slugOf = async (id: number) =>
  (await t.database.db.selectFrom('news_post').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;

describe('news and press releases', () => {
  test('a press officer writes about a plenary meeting with photos; a second officer approves; it shows on the home page, the meeting, the members named and the feeds', async () => {
    const admin = await signedInPerson(t, 'administrator');
    await admin.get('/kelola/berita');
    assert.equal((await admin.post('/kelola/berita/aturan', { secondOfficer: 'yes' })).statusCode, 303);

    const writer = await signedInPerson(t, 'staff');
    const approver = await signedInPerson(t, 'staff');
    const meetingId = await plenaryMeeting('Rapat Paripurna Penetapan Raperda Bangunan Gedung');
    const [first, second] = await twoMembers();
    assert.ok(first !== undefined && second !== undefined);
    const fields: [string, string][] = [
      ...Object.entries(post({ meeting: String(meetingId), photoAlt: 'Ketua DPRD mengetuk palu sidang' })),
      ['members', first.slug],
      ['members', second.slug],
    ];
    const id = await writeDraft(writer, fields, [await phonePhoto(120), await phonePhoto(40)]);
    const slug = await slugOf(id);
    assert.equal(slug, 'dprd-setujui-raperda-bangunan-gedung');

    // A draft is not public, nor are its photos.
    assert.equal((await visitor().get(`/berita/${slug}`)).statusCode, 404);
    const photoIds = (
      await t.database.db.selectFrom('news_photo').select('id').where('post_id', '=', id).orderBy('position').execute()
    ).map((p) => p.id);
    assert.equal(photoIds.length, 2);
    assert.equal((await visitor().get(`/berita/foto/${photoIds[0]}`)).statusCode, 404);

    // With a second officer asked for, the writer cannot publish, nor approve their own post.
    const direct = await step(writer, id, 'publish');
    assert.equal(direct.headers.location, `/kelola/berita/${id}?pesan=petugas-kedua`);
    assert.equal((await step(writer, id, 'submit')).headers.location, `/kelola/berita/${id}?pesan=ditinjau`);
    assert.equal((await step(writer, id, 'approve')).headers.location, `/kelola/berita/${id}?pesan=sendiri`);
    assert.equal((await visitor().get(`/berita/${slug}`)).statusCode, 404);
    // The other officer sees it waiting, and approves.
    assert.match((await approver.get('/kelola')).body, /1 berita menunggu persetujuan Anda/);
    assert.equal((await step(approver, id, 'approve')).headers.location, `/kelola/berita/${id}?pesan=terbit`);

    const page = await visitor().get(`/berita/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>DPRD setujui Raperda Bangunan Gedung<\/h1>/);
    assert.match(page.body, /<strong>Raperda Bangunan Gedung<\/strong>/);
    assert.match(page.body, /<h2>Apa yang berubah<\/h2>/);
    assert.match(page.body, new RegExp(`<a href="/anggota/${first.slug}">`));
    assert.match(page.body, new RegExp(`<a href="/agenda/${meetingId}">Rapat Paripurna Penetapan`));
    assert.match(page.body, /"@type":"NewsArticle"/);
    assert.match(page.body, /alt="Ketua DPRD mengetuk palu sidang"/);
    assert.match(page.body, /Galeri foto/);
    assert.match(page.body, /Terbit \d{1,2} [A-Z][a-z]+ \d{4}/);

    // Photos: resized, without the camera's metadata.
    const photo = await visitor().get(`/berita/foto/${photoIds[0]}`);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/webp');
    const meta = await sharp(photo.rawPayload).metadata();
    assert.equal(meta.exif, undefined);
    const small = await sharp((await visitor().get(`/berita/foto/${photoIds[0]}-kecil`)).rawPayload).metadata();
    assert.ok((small.width ?? 0) < (meta.width ?? 0));

    // Where it is shown: the home page, the list, the meeting, each member named, the feeds.
    assert.match((await visitor().get('/')).body, new RegExp(`href="/berita/${slug}"`));
    assert.match((await visitor().get('/berita')).body, new RegExp(`href="/berita/${slug}"`));
    assert.match(
      (await visitor().get(`/agenda/${meetingId}`)).body,
      new RegExp(`Berita tentang rapat ini[\\s\\S]*href="/berita/${slug}"`),
    );
    for (const m of [first, second])
      assert.match(
        (await visitor().get(`/anggota/${m.slug}`)).body,
        new RegExp(`Berita yang menyebut anggota ini[\\s\\S]*href="/berita/${slug}"`),
      );
    const feed = await visitor().get('/berita.atom?kategori=paripurna');
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, new RegExp(`<link rel="alternate" type="text/html" href="[^"]*/berita/${slug}"/>`));
    assert.doesNotMatch((await visitor().get('/berita.atom?kategori=reses')).body, new RegExp(slug));
    const memberFeed = (await visitor().get(`/berita.atom?anggota=${first.slug}`)).body;
    assert.match(memberFeed, new RegExp(`/berita/${slug}`));
    assert.ok(memberFeed.includes(`<title>Berita: ${first.name} · `), memberFeed.slice(0, 400));
    assert.equal((await visitor().get('/berita.atom?anggota=tidak-ada-anggota-ini')).statusCode, 404);
    assert.equal((await visitor().get('/berita.atom?kategori=gosip')).statusCode, 404);
    // Search finds it by a stemmed word of its body; a category filter that does not match leaves it out.
    assert.match((await visitor().get('/berita?q=pengawasan')).body, new RegExp(`href="/berita/${slug}"`));
    assert.doesNotMatch((await visitor().get('/berita?kategori=komisi')).body, new RegExp(`href="/berita/${slug}"`));

    // The site search, the API and link previews have it too.
    assert.match(
      (await visitor().get('/cari?q=pengawasan')).body,
      new RegExp(`id="hasil-berita">Berita[\\s\\S]*href="/berita/${slug}"`),
    );
    const api = await visitor().get('/api/v1/news?category=paripurna');
    assert.equal(api.statusCode, 200);
    const listed = (api.json() as { data: { slug: string; members: unknown[]; photos: unknown[] }[] }).data.find(
      (n) => n.slug === slug,
    );
    assert.equal(listed?.members.length, 2);
    assert.equal(listed?.photos.length, 2);
    const one = await visitor().get(`/api/v1/news/${slug}`);
    assert.equal((one.json() as { meetings: { id: number }[] }).meetings[0]?.id, meetingId);
    assert.equal((await visitor().get('/api/v1/news?category=gosip')).statusCode, 400);
    assert.match(page.body, /<meta property="og:type" content="article"\/>/);
    assert.match(page.body, new RegExp(`<meta property="og:image" content="[^"]*/berita/foto/${photoIds[0]}"/>`));

    // A correction after publishing needs a note, and readers see it with its date.
    await writer.get(`/kelola/berita/${id}`);
    const noNote = await writer.postMultipart(`/kelola/berita/${id}`, [
      ...Object.entries(
        post({
          title: 'DPRD sahkan Perda Bangunan Gedung',
          meeting: String(meetingId),
          photoAlt: 'Ketua DPRD mengetuk palu sidang',
        }),
      ),
      ['members', first.slug],
    ]);
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.body, /Tulis apa yang diperbaiki pada berita yang sudah terbit/);
    const corrected = await writer.postMultipart(`/kelola/berita/${id}`, [
      ...Object.entries(
        post({
          title: 'DPRD sahkan Perda Bangunan Gedung',
          meeting: String(meetingId),
          photoAlt: 'Ketua DPRD mengetuk palu sidang',
          correction: 'Judul diperbaiki: Raperda sudah disahkan.',
        }),
      ),
      ['members', first.slug],
    ]);
    assert.equal(corrected.statusCode, 303, corrected.body.slice(0, 500));
    const after = await visitor().get(`/berita/${slug}`);
    assert.match(after.body, /<h1>DPRD sahkan Perda Bangunan Gedung<\/h1>/);
    assert.match(after.body, /Diperbarui \d{1,2} [A-Z][a-z]+ \d{4}: Judul diperbaiki: Raperda sudah disahkan\./);
    // A gallery photo added by mistake is removed: the page has no gallery and the photo is gone.
    await writer.get(`/kelola/berita/${id}`);
    const lessPhotos = await writer.postMultipart(`/kelola/berita/${id}`, [
      ...Object.entries(
        post({
          title: 'DPRD sahkan Perda Bangunan Gedung',
          meeting: String(meetingId),
          photoAlt: 'Ketua DPRD mengetuk palu sidang',
          correction: 'Foto ganda dihapus.',
        }),
      ),
      ['members', first.slug],
      ['removePhotos', String(photoIds[1])],
    ]);
    assert.equal(lessPhotos.statusCode, 303, lessPhotos.body.slice(0, 500));
    assert.equal((await visitor().get(`/berita/foto/${photoIds[1]}`)).statusCode, 404);
    assert.equal((await visitor().get(`/berita/foto/${photoIds[0]}`)).statusCode, 200);
    assert.doesNotMatch((await visitor().get(`/berita/${slug}`)).body, /Galeri foto/);
    // The member no longer named no longer lists it.
    assert.doesNotMatch((await visitor().get(`/anggota/${second.slug}`)).body, new RegExp(`href="/berita/${slug}"`));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'news_post')
      .where('subject_id', '=', String(id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['news.create', 'news.submit', 'news.approve', 'news.correct', 'news.correct'],
    );
    await admin.get('/kelola/berita');
    await admin.post('/kelola/berita/aturan', {});
  });

  test('a post about a regulation, a draft, a project and a consultation is listed on each of their pages, and links to them', async () => {
    const db = t.database.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const kecamatan = await db.selectFrom('kecamatan').select('id').orderBy('id').executeTakeFirstOrThrow();
    const regulation = await db
      .insertInto('regulation')
      .values({
        council_id: council.id,
        type: 'perda',
        number: '9',
        year: 2026,
        title: 'Pengelolaan Sampah Rumah Tangga',
        subject: 'Lingkungan hidup',
        enacted_on: '2026-05-04',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const draft = await db
      .insertInto('raperda')
      .values({
        council_id: council.id,
        propemperda_year: 2026,
        title: 'Raperda Bank Sampah',
        initiator: 'dprd',
        stage: 'pembahasan',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const project = await db
      .insertInto('project')
      .values({
        council_id: council.id,
        name: 'Tempat pengolahan sampah terpadu kelurahan',
        opd: 'Dinas Lingkungan Hidup',
        kecamatan_id: kecamatan.id,
        budget: 1_200_000_000,
        funding_source: 'APBD',
        year: new Date().getUTCFullYear(),
        status: 'berjalan',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const consultation = await db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'raperda',
        title: 'Konsultasi publik Raperda Bank Sampah',
        summary: 'Pendapat warga tentang bank sampah.',
        raperda_id: draft.id,
        opens_on: day(-3),
        comments_from: day(-3),
        comments_until: day(20),
        report_due: day(40),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const upcoming = await db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'lainnya',
        title: 'Konsultasi jadwal angkut sampah',
        summary: 'Dibuka bulan depan.',
        opens_on: day(30),
        comments_from: day(30),
        comments_until: day(50),
        report_due: day(70),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const officer = await signedInPerson(t, 'staff');
    // The form offers each of them; a record that does not exist is refused by name, with what was typed kept.
    const form = await officer.get('/kelola/berita/baru');
    for (const [name, id] of [
      ['regulation', regulation.id],
      ['draft', draft.id],
      ['project', project.id],
      ['consultation', consultation.id],
    ] as const)
      assert.match(form.body, new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option value="${id}"`));
    assert.match(form.body, /Nomor 9 Tahun 2026 tentang Pengelolaan Sampah Rumah Tangga/);
    const bad = await officer.postMultipart('/kelola/berita/baru', [
      ...Object.entries(post({ title: 'Sampah jadi berkah', regulation: '999999', project: 'abc' })),
    ]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Peraturan terkait: /);
    assert.match(bad.body, /Proyek terkait: /);
    assert.match(bad.body, /value="Sampah jadi berkah"/);
    assert.equal(
      (await db.selectFrom('news_post').select('id').where('title', '=', 'Sampah jadi berkah').execute()).length,
      0,
    );

    const id = await writeDraft(officer, [
      ...Object.entries(
        post({
          title: 'Komisi II kawal pengelolaan sampah',
          category: 'komisi',
          regulation: String(regulation.id),
          draft: String(draft.id),
          project: String(project.id),
          consultation: String(consultation.id),
        }),
      ),
    ]);
    assert.equal((await step(officer, id, 'publish')).headers.location, `/kelola/berita/${id}?pesan=terbit`);
    const slug = await slugOf(id);
    for (const address of [
      `/perda/${regulation.id}`,
      `/raperda/${draft.id}`,
      `/proyek/${project.id}`,
      `/konsultasi/${consultation.id}`,
    ]) {
      const page = await visitor().get(address);
      assert.equal(page.statusCode, 200, address);
      assert.match(page.body, new RegExp(`Berita terkait[\\s\\S]*href="/berita/${slug}"`), address);
    }
    // A record the post is not about does not list it.
    assert.doesNotMatch((await visitor().get(`/konsultasi/${upcoming.id}`)).body, new RegExp(slug));

    const page = (await visitor().get(`/berita/${slug}`)).body;
    assert.match(page, /Terkait dengan berita ini/);
    assert.match(
      page,
      new RegExp(
        `Peraturan: <a href="/perda/${regulation.id}">Nomor 9 Tahun 2026 tentang Pengelolaan Sampah Rumah Tangga</a>`,
      ),
    );
    assert.match(page, new RegExp(`Raperda: <a href="/raperda/${draft.id}">Raperda Bank Sampah</a>`));
    assert.match(page, new RegExp(`Proyek: <a href="/proyek/${project.id}">Tempat pengolahan sampah`));
    assert.match(page, new RegExp(`Konsultasi publik: <a href="/konsultasi/${consultation.id}">`));
    const api = (await visitor().get(`/api/v1/news/${slug}`)).json() as {
      related: { kind: string; id: number; url: string | null; number?: string }[];
    };
    assert.deepEqual(
      api.related.map((r) => [r.kind, r.id]),
      [
        ['regulation', regulation.id],
        ['draft', draft.id],
        ['project', project.id],
        ['consultation', consultation.id],
      ],
    );
    assert.equal(api.related[0]?.number, '9');
    assert.match(api.related[2]?.url ?? '', new RegExp(`/proyek/${project.id}$`));

    // Changed to announce a consultation that has not opened: named, but not linked while its page is closed.
    await officer.get(`/kelola/berita/${id}`);
    const edited = await officer.postMultipart(`/kelola/berita/${id}`, [
      ...Object.entries(
        post({ title: 'Komisi II kawal pengelolaan sampah', category: 'komisi', consultation: String(upcoming.id) }),
      ),
      ['correction', 'Konsultasi yang dimaksud adalah jadwal angkut sampah.'],
    ]);
    assert.equal(edited.statusCode, 303, edited.body.slice(0, 500));
    const after = (await visitor().get(`/berita/${slug}`)).body;
    assert.match(after, /Konsultasi publik: Konsultasi jadwal angkut sampah \(belum dibuka\)/);
    assert.doesNotMatch(after, new RegExp(`href="/konsultasi/${upcoming.id}"`));
    assert.doesNotMatch(after, new RegExp(`href="/perda/${regulation.id}"`));
    assert.doesNotMatch((await visitor().get(`/perda/${regulation.id}`)).body, new RegExp(slug));
    assert.equal(
      ((await visitor().get(`/api/v1/news/${slug}`)).json() as { related: { url: string | null }[] }).related[0]?.url,
      null,
    );
  });

  test('a post set for later stays hidden until its time; a time past is refused', async () => {
    const writer = await signedInPerson(t, 'staff');
    const id = await writeDraft(
      writer,
      Object.entries(post({ title: 'Jadwal kunjungan kerja Komisi I', category: 'kunjungan_kerja' })),
    );
    const slug = await slugOf(id);
    const past = await step(writer, id, 'publish', { day: '2020-01-01', time: '08:00' });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /Tanggal terbit: waktu terbit sudah lewat\./);
    const badTime = await step(writer, id, 'publish', { day: '2099-01-01', time: '25:99' });
    assert.equal(badTime.statusCode, 400);
    assert.match(badTime.body, /Jam terbit \(WIB\): tulis jam seperti 09:30\./);
    const later = await step(writer, id, 'publish', { day: '2099-01-01', time: '08:00' });
    assert.equal(later.headers.location, `/kelola/berita/${id}?pesan=terjadwal`);
    const row = await t.database.db
      .selectFrom('news_post')
      .select(['status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    assert.equal(row.published_at?.toISOString(), '2099-01-01T01:00:00.000Z');
    assert.equal((await visitor().get(`/berita/${slug}`)).statusCode, 404);
    assert.doesNotMatch((await visitor().get('/berita')).body, new RegExp(slug));
    assert.doesNotMatch((await visitor().get('/berita.atom')).body, new RegExp(slug));
    assert.equal((await visitor().get(`/api/v1/news/${slug}`)).statusCode, 404);
    // Its writer previews it.
    assert.match((await writer.get(`/berita/${slug}`)).body, /Pratinjau: berita ini belum terbit/);
    // Its time comes.
    await t.database.db
      .updateTable('news_post')
      .set({ published_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    assert.equal((await visitor().get(`/berita/${slug}`)).statusCode, 200);
  });

  test('script, event handlers and foreign embeds are refused with the reason; what was typed stays and nothing is stored', async () => {
    const writer = await signedInPerson(t, 'staff');
    const before = await t.database.db
      .selectFrom('news_post')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [string, RegExp][] = [
      ['<p>Halo</p><script>alert(1)</script>', /Isi berita: tag &lt;script> tidak diizinkan\./],
      ['<p onmouseover="alert(1)">Halo</p>', /Isi berita: atribut &quot;onmouseover&quot; tidak diizinkan\./],
      ['<iframe src="https://www.youtube.com/embed/x"></iframe>', /Isi berita: tag &lt;iframe> tidak diizinkan\./],
      [
        '<a href="javascript:alert(1)">klik</a>',
        /Isi berita: tautan &quot;javascript:alert\(1\)&quot; tidak diizinkan\./,
      ],
      ['<img src=x onerror=alert(1)>', /Isi berita: tag &lt;img> tidak diizinkan\./],
    ];
    for (const [body, message] of cases) {
      await writer.get('/kelola/berita/baru');
      const res = await writer.postMultipart('/kelola/berita/baru', Object.entries(post({ body })));
      assert.equal(res.statusCode, 400, body);
      assert.match(res.body, message);
      assert.match(res.body, /href="#body"/);
      // The text comes back as typed, escaped in its box.
      assert.ok(
        res.body.includes(`>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</textarea>`),
        body,
      );
      assert.doesNotMatch(res.body, /<script>alert/);
    }
    const empty = await writer.postMultipart(
      '/kelola/berita/baru',
      Object.entries(post({ title: '', body: '', category: 'gosip' })),
    );
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Tulis judul berita\./);
    assert.match(empty.body, /Tulis isi berita\./);
    assert.match(empty.body, /Kategori: pilihan ini tidak ada\./);
    const notPhoto = await writer.postMultipart('/kelola/berita/baru', Object.entries(post({ photoAlt: 'Foto' })), [
      { field: 'photos', filename: 'x.jpg', type: 'image/jpeg', data: Buffer.from('bukan foto') },
    ]);
    assert.equal(notPhoto.statusCode, 400);
    assert.match(notPhoto.body, /Foto \(foto pertama menjadi foto utama\): pilih foto JPEG, PNG atau WebP\./);
    const noAlt = await writer.postMultipart('/kelola/berita/baru', Object.entries(post()), [
      { field: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: await phonePhoto(10) },
    ]);
    assert.equal(noAlt.statusCode, 400);
    assert.match(noAlt.body, /Tulis keterangan foto utama/);
    const afterCount = await t.database.db
      .selectFrom('news_post')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });

  test('only the secretariat and administrators write news; only administrators set the rule', async () => {
    const staff = await signedInPerson(t, 'staff');
    const id = await writeDraft(
      staff,
      Object.entries(post({ title: 'Siaran pers uji hak akses', category: 'siaran_pers' })),
    );
    for (const role of ['member', 'moderator', 'citizen', 'ppid'] as const) {
      const who = await signedInPerson(t, role);
      await who.get('/akun');
      for (const path of ['/kelola/berita', '/kelola/berita/baru', `/kelola/berita/${id}`])
        assert.equal((await who.get(path)).statusCode, 403, `${role} ${path}`);
      await who.get('/akun');
      const refused = await who.postMultipart('/kelola/berita/baru', Object.entries(post()));
      assert.equal(refused.statusCode, 403, `${role}: ${refused.body.slice(0, 300)}`);
      await who.get('/akun');
      assert.equal((await who.post(`/kelola/berita/${id}/langkah`, { action: 'publish' })).statusCode, 403, role);
      await who.get('/akun');
      assert.equal((await who.post('/kelola/berita/aturan', { secondOfficer: 'yes' })).statusCode, 403, role);
      // A draft is not theirs to see.
      assert.equal((await who.get(`/berita/${await slugOf(id)}`)).statusCode, 404, role);
    }
    await staff.get('/kelola/berita/baru');
    assert.equal((await staff.post('/kelola/berita/aturan', { secondOfficer: 'yes' })).statusCode, 403);
    const anonymous = await visitor().get('/kelola/berita');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/masuk/);
    const rule = await t.database.db.selectFrom('news_rule').select('second_officer').executeTakeFirst();
    assert.notEqual(rule?.second_officer, true);
  });
});
