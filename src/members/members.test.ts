import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { anggota, dprd, komisiOf } from '../../test/helpers/reference.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

function namesIn(html: string): string[] {
  return [...html.matchAll(/<h2><a href="\/anggota\/[a-z0-9-]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1] ?? '');
}

describe('a citizen looks for council members', () => {
  test('the list shows every member of the council', async () => {
    const res = await t.app.inject('/anggota');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(new Set(namesIn(res.body)), new Set(anggota.map((m) => m.nama)));
    assert.match(res.body, new RegExp(`Menampilkan ${anggota.length} dari ${anggota.length} anggota`));
  });

  test('filtering by dapil shows exactly the members elected there', async () => {
    for (const d of dprd.dapil) {
      const res = await t.app.inject(`/anggota?dapil=${d.no}&fraksi=&komisi=`);
      assert.equal(res.statusCode, 200);
      const expected = anggota.filter((m) => m.dapil === d.no).map((m) => m.nama);
      assert.equal(expected.length, d.kursi, `dapil ${d.no} has as many members as seats`);
      assert.deepEqual(new Set(namesIn(res.body)), new Set(expected));
      assert.match(res.body, new RegExp(`<option value="${d.no}" selected`));
    }
  });

  test('filtering by fraksi and komisi together narrows the list', async () => {
    const res = await t.app.inject('/anggota?dapil=&fraksi=fraksi-pks&komisi=komisi-ii');
    assert.equal(res.statusCode, 200);
    const expected = anggota.filter((m) => m.fraksi === 'Fraksi PKS' && komisiOf(m.nama) === 'Komisi II');
    assert.deepEqual(new Set(namesIn(res.body)), new Set(expected.map((m) => m.nama)));
    assert.match(res.body, /Hapus saringan/);
  });

  test('a filter nobody matches says so instead of showing an empty page', async () => {
    const res = await t.app.inject('/anggota?fraksi=fraksi-tidak-ada');
    assert.equal(res.statusCode, 200);
    assert.equal(namesIn(res.body).length, 0);
    assert.match(res.body, /Tidak ada anggota yang cocok/);
  });

  test('a malformed filter gets a clear 400 message in the reader’s language', async () => {
    const id = await t.app.inject('/anggota?dapil=satu');
    assert.equal(id.statusCode, 400);
    assert.match(id.body, /isian &quot;dapil&quot; tidak valid/);
    const en = await t.app.inject('/anggota?dapil=%3Cscript%3E&lang=en');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /the field &quot;dapil&quot; is not valid/);
    assert.doesNotMatch(en.body, /<script>/);
  });

  test('a member’s page shows party, fraksi, dapil, komisi and positions', async () => {
    const chair = anggota.find((m) => m.jabatan.some((j) => j.badan === 'Pimpinan DPRD' && j.sebagai === 'Ketua'));
    assert.ok(chair);
    const list = await t.app.inject('/anggota');
    const slug = new RegExp(`<a href="/anggota/([a-z0-9-]+)">${chair.nama}</a>`).exec(list.body)?.[1];
    assert.ok(slug, 'the list links to the member’s page');
    const res = await t.app.inject(`/anggota/${slug}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<h1>${chair.nama}</h1>`));
    assert.match(res.body, new RegExp(chair.fraksi));
    const kecamatan = dprd.dapil.find((d) => d.no === chair.dapil)?.kecamatan ?? [];
    const represents = new RegExp(`Dapil ${chair.dapil}: Kecamatan ([^<]+)<`).exec(res.body)?.[1];
    assert.deepEqual(new Set(represents?.split(', ')), new Set(kecamatan));
    for (const j of chair.jabatan) assert.ok(res.body.includes(`${j.sebagai}, ${j.badan}`), `${j.sebagai}, ${j.badan}`);
    const colleagues = anggota.filter((m) => m.dapil === chair.dapil && m.nama !== chair.nama);
    for (const c of colleagues) assert.ok(res.body.includes(`>${c.nama}</a>`), `colleague ${c.nama} is listed`);
  });

  test('an unknown member is a 404 page in both languages', async () => {
    const id = await t.app.inject('/anggota/tidak-ada-orangnya');
    assert.equal(id.statusCode, 404);
    assert.match(id.body, /Halaman tidak ditemukan/);
    const en = await t.app.inject({ url: '/anggota/tidak-ada-orangnya', cookies: { lang: 'en' } });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /Page not found/);
    assert.match(en.body, /<html lang="en">/);
  });
});

describe('the members API', () => {
  test('lists members with the same filter as the page', async () => {
    const res = await t.app.inject('/api/v1/members?dapil=3');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    const body = res.json<{ data: { name: string; dapil: number; url: string }[]; total: number }>();
    const expected = anggota.filter((m) => m.dapil === 3);
    assert.equal(body.total, expected.length);
    assert.deepEqual(new Set(body.data.map((m) => m.name)), new Set(expected.map((m) => m.nama)));
    assert.ok(body.data.every((m) => m.dapil === 3 && m.url.startsWith('/anggota/')));
  });

  test('gives one member and a problem document for an unknown one', async () => {
    const list = (await t.app.inject('/api/v1/members')).json<{ data: { slug: string; name: string }[] }>();
    const first = list.data[0];
    assert.ok(first);
    const one = await t.app.inject(`/api/v1/members/${first.slug}`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json<{ name: string }>().name, first.name);
    const missing = await t.app.inject('/api/v1/members/tidak-ada');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(missing.json<{ status: number }>().status, 404);
    const bad = await t.app.inject('/api/v1/members/BAD%20SLUG');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ status: number }>().status, 400);
  });
});
