import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { getCouncil } from '../src/council/service.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  const structure = await getCouncil(t.database.db);
  const [kec, category] = [structure.kecamatan[0]?.id, structure.categories[0]?.id];
  await sql`
    insert into aspiration (council_id, code, kind, category_id, kecamatan_id, title, description, access_token_hash, verify_due)
    values (${structure.council.id}, 'ASP-2026-900001', 'pengaduan', ${category}, ${kec}, 'Lampu jalan mati', 'Sudah seminggu.', 'a', current_date),
      (${structure.council.id}, 'ASP-2026-900002', 'rahasia', ${category}, ${kec}, 'Pungutan liar', 'Rahasia.', 'b', current_date)
  `.execute(t.database.db);
});
after(() => t.close());

const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');

describe('search engines', () => {
  test('robots.txt keeps crawlers out of the back office, accounts and private links, and names the sitemap', async () => {
    const res = await t.app.inject('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    for (const path of ['/kelola/', '/akun', '/masuk', '/lacak/', '/api/'])
      assert.match(res.body, new RegExp(`^Disallow: ${path.replace(/\//g, '\\/')}$`, 'm'), path);
    assert.doesNotMatch(res.body, /^Disallow: \/$/m, 'the public site stays open');
    assert.match(res.body, /^Sitemap: http:\/\/localhost:3000\/sitemap\.xml$/m);
  });

  test('the sitemap lists every public page a feature has, and no confidential report', async () => {
    const index = await t.app.inject('/sitemap.xml');
    assert.equal(index.statusCode, 200);
    assert.match(String(index.headers['content-type']), /^application\/xml/);
    assert.match(index.body, /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const maps = locsOf(index.body);
    assert.ok(maps.includes('http://localhost:3000/sitemap/members.xml'));
    const all: string[] = [];
    for (const map of maps) {
      const res = await t.app.inject(map.replace('http://localhost:3000', ''));
      assert.equal(res.statusCode, 200, map);
      assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset /);
      all.push(...locsOf(res.body));
    }
    for (const page of [
      '/',
      '/anggota',
      '/agenda',
      '/perda',
      '/raperda',
      '/proyek',
      '/anggaran',
      '/aspirasi',
      '/data',
      '/siaran',
      '/janji-temu',
      '/reses',
      '/pokir',
      '/survei',
      '/kinerja',
      '/istilah',
      '/informasi-publik',
      '/informasi-publik/permohonan',
      '/informasi-publik/lacak',
      '/informasi-publik/laporan',
      '/pelatihan',
      '/berita',
    ])
      assert.ok(all.includes(`http://localhost:3000${page}`), page);
    assert.ok(all.includes('http://localhost:3000/aspirasi/ASP-2026-900001'));
    assert.ok(!all.some((url) => url.includes('ASP-2026-900002')), 'a confidential report is never listed');
    const members = all.filter((url) => /\/anggota\/[a-z0-9-]+$/.test(url));
    assert.ok(members.length >= 50, `${members.length} members`);
    // Every address listed is a page that answers.
    for (const url of [...members.slice(0, 3), ...all.filter((u) => !u.includes('/anggota/')).slice(0, 12)]) {
      const page = await t.app.inject(url.replace('http://localhost:3000', ''));
      assert.equal(page.statusCode, 200, url);
    }
    assert.equal((await t.app.inject('/sitemap/tidak-ada.xml')).statusCode, 404);
  });
});
