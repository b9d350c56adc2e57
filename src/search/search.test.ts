import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  const kecamatan = await db.selectFrom('kecamatan').select('id').orderBy('id').executeTakeFirstOrThrow();
  const banggar = await db.selectFrom('body').select('id').where('slug', '=', 'banggar').executeTakeFirstOrThrow();
  // "Zebrakross" is in no seeded text: whatever it finds was made here.
  await db
    .insertInto('meeting')
    .values([
      {
        council_id: council.id,
        uid: 'cari-1@uji',
        type: 'komisi',
        title: 'Rapat kerja penataan zebrakross sekolah',
        starts_at: new Date('2026-11-20T03:00:00Z'),
        open: true,
      },
      {
        council_id: council.id,
        uid: 'cari-2@uji',
        type: 'banggar',
        body_id: banggar.id,
        title: 'Rapat tertutup zebrakross anggaran rahasia',
        starts_at: new Date('2026-11-21T03:00:00Z'),
        open: false,
      },
    ])
    .execute();
  await db
    .insertInto('regulation')
    .values({
      council_id: council.id,
      type: 'perda',
      number: '7',
      year: 2026,
      title: 'Keselamatan Pejalan Kaki dan Zebrakross',
      subject: 'Perhubungan',
      enacted_on: '2026-06-01',
    })
    .execute();
  await db
    .insertInto('project')
    .values({
      council_id: council.id,
      name: 'Pengecatan zebrakross depan sekolah',
      opd: 'Dinas Perhubungan',
      kecamatan_id: kecamatan.id,
      budget: 250_000_000,
      funding_source: 'APBD',
      year: 2026,
      status: 'berjalan',
    })
    .execute();
  await sendAspiration(t, 'Zebrakross pudar di depan SD');
  await sendAspiration(t, 'Zebrakross rahasia dilaporkan diam-diam', { kind: 'rahasia' });
});
after(() => t.close());

describe('one search box for the whole site', () => {
  test('finds members, meetings, regulations, projects and aspirations on one page, each with the way to the rest', async () => {
    const res = await agent().get('/cari?q=zebrakross');
    assert.equal(res.statusCode, 200);
    const page = res.body;
    assert.match(page, /<h1>Hasil untuk “zebrakross”<\/h1>/);
    assert.match(page, /<a href="\/agenda\/\d+">Rapat kerja penataan zebrakross sekolah<\/a>/);
    // A closed meeting whose title holds the word is not found at all: finding it would tell what
    // its hidden title says. Only the open meeting is counted.
    assert.doesNotMatch(page, /Rapat tertutup: Badan Anggaran/);
    assert.doesNotMatch(page, /Rapat tertutup zebrakross/, "a closed meeting's title is never shown");
    assert.match(page, /<h2 id="hasil-rapat">Rapat <span class="count">\(1 ditemukan\)<\/span><\/h2>/);
    assert.match(
      page,
      /<a href="\/perda\/\d+">Keselamatan Pejalan Kaki dan Zebrakross<\/a><br\/>Peraturan Daerah 7\/2026/,
    );
    assert.match(page, /<a href="\/proyek\/\d+">Pengecatan zebrakross depan sekolah<\/a>/);
    assert.match(page, /<a href="\/aspirasi\/ASP-\d{4}-\d{6}">Zebrakross pudar di depan SD<\/a>/);
    assert.doesNotMatch(page, /Zebrakross rahasia/, 'a confidential report is never found');
    assert.match(page, /Aspirasi warga <span class="count">\(1 ditemukan\)<\/span>/);
    assert.doesNotMatch(page, /Anggota DPRD <span/, 'no member is called so');

    // A member by part of their name, without minding case or accents.
    const member = await t.database.db
      .selectFrom('member')
      .select(['name', 'slug'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const part = member.name.split(' ').find((w) => w.length >= 4) ?? member.name;
    const byName = (await agent().get(`/cari?q=${encodeURIComponent(part.toUpperCase())}`)).body;
    assert.match(byName, new RegExp(`<a href="/anggota/${member.slug}">`));

    // More than five: the first five, and a link to the kind's own search with the same words.
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('meeting')
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          council_id: council.id,
          uid: `cari-banyak-${i}@uji`,
          type: 'komisi' as const,
          title: `Rapat trotoar nomor ${i + 1}`,
          starts_at: new Date(Date.UTC(2026, 9, i + 1, 3)),
          open: true,
        })),
      )
      .execute();
    const many = (await agent().get('/cari?q=trotoar')).body;
    assert.match(many, /Rapat <span class="count">\(6 ditemukan\)<\/span>/);
    assert.equal([...many.matchAll(/Rapat trotoar nomor/g)].length, 5);
    assert.match(many, /<a href="\/agenda\?q=trotoar">Lihat semua: Rapat<\/a>/);
  });

  test('says what to do when the words find nothing, are too short or too long; the box is on every page', async () => {
    const none = await agent().get('/cari?q=qwertyuiop');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /Tidak ada yang cocok dengan “qwertyuiop”/);
    const short = await agent().get('/cari?q=a');
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /<a href="#q">Tulis paling sedikit 2 huruf untuk mencari\.<\/a>/);
    const long = await agent().get(`/cari?q=${'kata '.repeat(30)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /paling banyak 100 huruf/);
    const empty = await agent().get('/cari');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<h1>Cari di seluruh situs<\/h1>/);
    const english = await agent().get('/cari?q=zebrakross&lang=en');
    assert.match(english.body, /Results for “zebrakross”/);
    for (const path of ['/', '/agenda', '/aspirasi/baru']) {
      assert.match(
        (await agent().get(path)).body,
        /<search><form class="site-search wrap" method="get" action="\/cari">/,
      );
    }
  });
});
