import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { seedDemoRegulations } from '../db/seed/regulations.ts';
import { simplePdf } from '../platform/pdf.ts';
import { fileStore } from '../platform/storage.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  t = await buildTestApp();
  const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  const { regulations } = await seedDemoRegulations(t.database.db, council.id, fileStore(t.config));
  assert.ok(regulations >= 30);
});
after(() => t.close());

const idOf = async (type: string, number: string, year: number) =>
  (
    await t.database.db
      .selectFrom('regulation')
      .select('id')
      .where('type', '=', type as 'perda')
      .where('number', '=', number)
      .where('year', '=', year)
      .executeTakeFirstOrThrow()
  ).id;

describe('citizens search the regulations', () => {
  test('"bangunan" finds "pembangunan" in the body text, with the passage marked', async () => {
    const res = await agent().get('/perda?q=bangunan');
    assert.equal(res.statusCode, 200);
    // Found by its title…
    assert.match(res.body, /Penyelenggaraan Bangunan Gedung/);
    // …and one that says "pembangunan" only inside its articles, its passage shown with the word marked.
    assert.match(res.body, /Penyelenggaraan Pasar Rakyat/);
    assert.match(res.body, /<mark>Pembangunan<\/mark> dan revitalisasi pasar rakyat/);
    assert.doesNotMatch((await agent().get('/perda?q=bangunan')).body, /Kawasan Tanpa Rokok/);
  });

  test('filters, status and the links between amending and amended documents', async () => {
    const revoked = await idOf('perda', '3', 2019);
    const page = (await agent().get(`/perda/${revoked}`)).body;
    assert.match(page, /Peraturan Daerah Nomor 3 Tahun 2019/);
    assert.match(page, /<dd>Dicabut<\/dd>/);
    assert.match(page, /Dicabut oleh <a href="\/perda\/\d+"[^>]*>Peraturan Daerah Nomor 1 Tahun 2024<\/a>/);
    assert.match(page, /itemtype="https:\/\/schema.org\/Legislation"/);
    assert.match(page, /href="https:\/\/schema.org\/NotInForce"/);
    const amending = (await agent().get(`/perda/${await idOf('perda', '4', 2025)}`)).body;
    assert.match(
      amending,
      /Mengubah <a href="\/perda\/\d+" itemprop="legislationChanges">Peraturan Daerah Nomor 6 Tahun 2021<\/a>/,
    );
    const inForce = await agent().get('/perda?status=berlaku&jenis=perda&tahun=2023');
    assert.match(inForce.body, /Kawasan Tanpa Rokok/);
    assert.doesNotMatch(inForce.body, /Tahun 2019/);
    assert.match((await agent().get('/perda?pokok=Kesehatan')).body, /2 dokumen/);
    assert.equal((await agent().get('/perda?tahun=dua')).statusCode, 400);

    const pdf = await agent().get(`/perda/${revoked}/berkas`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    // A file lost from disk is "not found", not a broken page.
    const stored = await t.database.db
      .selectFrom('regulation')
      .select('file')
      .where('id', '=', revoked)
      .executeTakeFirstOrThrow();
    rmSync(path.join(t.config.uploadDir, 'jdih', stored.file ?? ''), { force: true });
    assert.equal((await agent().get(`/perda/${revoked}/berkas`)).statusCode, 404);
    const csv = await agent().get('/perda.csv?jenis=perwal');
    assert.match(csv.body, /Petunjuk Pelaksanaan Pajak Barang dan Jasa Tertentu/);
    const api = await t.app.inject('/api/v1/regulations?q=bangunan&per_page=5');
    assert.equal(api.statusCode, 200);
    assert.ok(api.json().data.some((r: { snippet: string | null }) => r.snippet?.includes('«Pembangunan»')));
    assert.equal((await t.app.inject(`/api/v1/regulations/${revoked}`)).json().status, 'dicabut');
  });
});

describe('staff add legal documents', () => {
  test('a new Perda with its PDF becomes searchable by its text; bad files and duplicates are refused', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    await staff.get('/kelola/perda');
    const form = {
      type: 'perda',
      number: '9',
      year: '2026',
      title: 'Penyelenggaraan Cadangan Pangan',
      subject: 'Pangan',
      enactedOn: '2026-11-02',
      promulgatedOn: '2026-11-05',
      register: 'Lembaran Daerah Kota Bekasi Tahun 2026 Nomor 9',
    };
    const pdf = simplePdf(['PERATURAN DAERAH', 'Pasal 1', 'Lumbung pangan kelurahan dikelola bersama warga.']);
    const saved = await staff.postMultipart('/kelola/perda', form, [
      { field: 'file', filename: 'perda-9.pdf', type: 'application/pdf', data: pdf },
    ]);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
    assert.match((await agent().get('/perda?q=lumbung')).body, /Penyelenggaraan Cadangan Pangan/);

    await staff.get('/kelola/perda');
    const again = await staff.postMultipart('/kelola/perda', form, []);
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /sudah ada/);
    await staff.get('/kelola/perda');
    const notPdf = await staff.postMultipart('/kelola/perda', { ...form, number: '10' }, [
      { field: 'file', filename: 'x.pdf', type: 'application/pdf', data: Buffer.from('GIF89a not a pdf') },
    ]);
    assert.equal(notPdf.statusCode, 400);
    assert.match(notPdf.body, /bukan PDF/);
    await staff.get('/kelola/perda');
    const broken = await staff.postMultipart('/kelola/perda', { ...form, number: '11' }, [
      { field: 'file', filename: 'x.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 rusak sama sekali') },
    ]);
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /tidak dapat dibaca/);
    await staff.get('/kelola/perda');
    const bad = await staff.postMultipart(
      '/kelola/perda',
      { ...form, number: '', year: '20x6', promulgatedOn: '2026-10-01' },
      [],
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#number">Nomor: bagian ini wajib diisi\.<\/a>/);
    assert.match(bad.body, /id="year-error">Tahun: isian ini tidak sah/);
    assert.match(bad.body, /tidak boleh sebelum tanggal penetapan/);
    const count = await t.database.db
      .selectFrom('regulation')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('year', '=', 2026)
      .where('number', 'in', ['10', '11'])
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);

    // The new one amends an older regulation: the older one is shown as amended.
    const newId = await idOf('perda', '9', 2026);
    const older = await idOf('perda', '2', 2023);
    await staff.get(`/kelola/perda/${newId}`);
    assert.equal(
      (await staff.post(`/kelola/perda/${newId}/tautan`, { kind: 'mengubah', target: String(older) })).statusCode,
      303,
    );
    assert.match((await agent().get(`/perda/${older}`)).body, /<dd>Diubah<\/dd>/);
    await staff.get(`/kelola/perda/${newId}`);
    const self = await staff.post(`/kelola/perda/${newId}/tautan`, { kind: 'mencabut', target: String(newId) });
    assert.equal(self.statusCode, 400);
    // The refused form shows again what was chosen and typed.
    assert.match(self.body, /<option value="mencabut" selected>/);
    assert.match(self.body, new RegExp(`<input id="target" name="target" type="text" value="${newId}"`));

    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/perda')).statusCode, 403, role);
    }
  });
});
