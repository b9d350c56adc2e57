import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const budget = {
  category: 'berkala',
  title: 'Ringkasan pembangunan jalan lingkungan',
  summary: 'Daftar pembangunan dan perbaikan jalan lingkungan yang dibiayai APBD, per kecamatan.',
  officer: 'Bagian Keuangan',
  form: 'keduanya',
  retention: '10 tahun',
  location: 'Ruang arsip Sekretariat DPRD, lantai 2',
  link: '/anggaran',
  exemption: '',
};

const entries = () => t.database.db.selectFrom('public_information').selectAll().orderBy('id').execute();

describe('the register of public information', () => {
  test('staff add an entry; the public finds it by a word of its summary, by its kind, and as CSV', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const form = await staff.get('/kelola/ppid/daftar/baru');
    assert.equal(form.statusCode, 200);
    const added = await staff.post('/kelola/ppid/daftar', budget);
    assert.equal(added.statusCode, 303, added.body.slice(0, 500));
    assert.equal(added.headers.location, '/kelola/ppid?pesan=ditambahkan');
    const list = await staff.get('/kelola/ppid?pesan=ditambahkan');
    assert.match(list.body, /Informasi ditambahkan ke daftar\./);
    assert.match(list.body, /Ringkasan pembangunan jalan lingkungan/);

    await staff.get('/kelola/ppid/daftar/baru');
    const exempt = await staff.post('/kelola/ppid/daftar', {
      ...budget,
      category: 'dikecualikan',
      title: 'Penawaran pengadaan yang masih dievaluasi',
      summary: 'Penawaran penyedia barang dan jasa selama evaluasi berlangsung.',
      link: '',
      exemption: 'Pasal 17 huruf b: dapat menimbulkan persaingan usaha tidak sehat.',
    });
    assert.equal(exempt.statusCode, 303);

    const visitor = agent();
    const page = await visitor.get('/informasi-publik');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Informasi publik<\/h1>/);
    assert.match(page.body, /2 informasi/);
    // The periodical entry comes first (the law's order), with its link to the portal's page.
    assert.ok(page.body.indexOf('Ringkasan pembangunan') < page.body.indexOf('Penawaran pengadaan'));
    assert.match(page.body, /<a href="\/anggaran">Baca<\/a>/);
    assert.match(page.body, /Pasal 17 huruf b: dapat menimbulkan persaingan usaha tidak sehat\./);

    // "membangun" finds "pembangunan" (Indonesian stemming); a word of neither finds nothing.
    const found = await visitor.get('/informasi-publik?q=membangun');
    assert.match(found.body, /1 informasi/);
    assert.match(found.body, /Ringkasan pembangunan jalan lingkungan/);
    assert.doesNotMatch(found.body, /Penawaran pengadaan/);
    const nothing = await visitor.get('/informasi-publik?q=kapal+selam');
    assert.match(nothing.body, /0 informasi/);
    assert.match(nothing.body, /Tidak ada informasi yang cocok/);
    const exempted = await visitor.get('/informasi-publik?jenis=dikecualikan');
    assert.match(exempted.body, /1 informasi/);
    assert.match(exempted.body, /Penawaran pengadaan/);

    const file = await visitor.get('/informasi-publik.csv?jenis=berkala');
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/csv/);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.equal(
      lines[0],
      'id,jenis,judul,ringkasan,penanggung_jawab,bentuk,jangka_simpan,tempat,tautan,alasan_pengecualian,diperbarui',
    );
    assert.equal(lines.length, 2);
    assert.match(
      lines[1] ?? '',
      /^\d+,Berkala,Ringkasan pembangunan jalan lingkungan,"?Daftar pembangunan.*,Tercetak dan elektronik,10 tahun,"Ruang arsip Sekretariat DPRD, lantai 2",http:\/\/localhost:3000\/anggaran,,\d{4}-/,
    );

    const english = await visitor.get('/informasi-publik?lang=en');
    assert.match(english.body, /<h1>Public information<\/h1>/);
    assert.match(english.body, /Announced periodically/);
  });

  test('a form with mistakes comes back with every reason, what was typed, and nothing stored', async () => {
    const before = (await entries()).length;
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    await staff.get('/kelola/ppid/daftar/baru');
    const empty = await staff.post('/kelola/ppid/daftar', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /class="error-summary"/);
    for (const field of ['category', 'title', 'summary', 'officer', 'form', 'retention', 'location'])
      assert.match(empty.body, new RegExp(`href="#${field}"`), field);

    const wrong = await staff.post('/kelola/ppid/daftar', {
      ...budget,
      title: 'Dokumen yang tidak boleh dibuka',
      category: 'dikecualikan',
      link: '//elsewhere.example/x',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Alasan pengecualian: isian ini wajib diisi\./);
    assert.match(wrong.body, /Tautan: tulis halaman portal yang diawali \//);
    assert.match(wrong.body, /value="Dokumen yang tidak boleh dibuka"/, 'what was typed is kept');

    const reasonElsewhere = await staff.post('/kelola/ppid/daftar', {
      ...budget,
      link: 'javascript:alert(1)',
      exemption: 'Tidak perlu.',
    });
    assert.equal(reasonElsewhere.statusCode, 400);
    assert.match(reasonElsewhere.body, /Alasan pengecualian: hanya diisi untuk informasi yang dikecualikan\./);
    assert.match(reasonElsewhere.body, /Tautan: tulis halaman portal/);
    const unknownKind = await staff.post('/kelola/ppid/daftar', { ...budget, category: 'rahasia' });
    assert.equal(unknownKind.statusCode, 400);
    assert.match(unknownKind.body, /Jenis informasi: isian ini tidak sah\./);
    assert.equal((await entries()).length, before);

    // A filter that is not one: said so, with a 400.
    assert.equal((await agent().get('/informasi-publik?jenis=rahasia')).statusCode, 400);
    assert.equal((await agent().get('/informasi-publik?hal=0')).statusCode, 400);
  });

  test('an entry is changed and removed, each step in the audit log', async () => {
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    await admin.get('/kelola/ppid/daftar/baru');
    await admin.post('/kelola/ppid/daftar', { ...budget, title: 'Surat keputusan pimpinan', link: '' });
    const row = (await entries()).find((e) => e.title === 'Surat keputusan pimpinan');
    assert.ok(row !== undefined);
    const form = await admin.get(`/kelola/ppid/daftar/${row.id}`);
    assert.match(form.body, /value="Surat keputusan pimpinan"/);
    const changed = await admin.post(`/kelola/ppid/daftar/${row.id}`, {
      ...budget,
      title: 'Keputusan pimpinan DPRD',
      category: 'setiap_saat',
      form: 'cetak',
      link: 'https://jdih.example.go.id/keputusan',
    });
    assert.equal(changed.statusCode, 303);
    const now = (await entries()).find((e) => e.id === row.id);
    assert.equal(now?.title, 'Keputusan pimpinan DPRD');
    assert.equal(now?.category, 'setiap_saat');
    const shown = await agent().get('/informasi-publik?q=keputusan');
    assert.match(
      shown.body,
      /<a href="https:\/\/jdih\.example\.go\.id\/keputusan" rel="noopener noreferrer">Baca \(jdih\.example\.go\.id\)<\/a>/,
    );

    await admin.get(`/kelola/ppid/daftar/${row.id}`);
    const removed = await admin.post(`/kelola/ppid/daftar/${row.id}/hapus`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/kelola/ppid?pesan=dihapus');
    assert.equal(
      (await entries()).find((e) => e.id === row.id),
      undefined,
    );
    assert.equal((await admin.get(`/kelola/ppid/daftar/${row.id}`)).statusCode, 404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'public_information')
      .where('subject_id', '=', String(row.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['ppid.register-added', 'ppid.register-changed', 'ppid.register-removed'],
    );
  });

  test('only the secretariat and administrators keep the register', async () => {
    const [first] = await entries();
    assert.ok(first !== undefined);
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const outsider = await signIn(t, await createUser(t, role), agent());
      assert.equal((await outsider.get('/kelola/ppid')).statusCode, 403, role);
      assert.equal((await outsider.get(`/kelola/ppid/daftar/${first.id}`)).statusCode, 403, role);
      // With a good form token from a page they may open, so only the permission stops them.
      await outsider.get('/aspirasi/baru');
      const tried = await outsider.post(`/kelola/ppid/daftar/${first.id}/hapus`, {});
      assert.equal(tried.statusCode, 403, role);
    }
    // Someone not signed in is sent to sign in, and what they sent is not kept.
    const count = (await entries()).length;
    const visitor = agent();
    const office = await visitor.get('/kelola/ppid');
    assert.equal(office.statusCode, 303);
    assert.match(String(office.headers.location), /^\/masuk/);
    assert.equal((await visitor.post('/kelola/ppid/daftar', budget, { csrf: null })).statusCode, 303);
    assert.equal((await entries()).length, count);
    assert.ok(
      (await entries()).some((e) => e.id === first.id),
      'nothing was removed',
    );
  });
});
