import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { pdfText } from '../../platform/pdf.ts';
import { fileStore } from '../../platform/storage.ts';
import { loadDemo } from './demo.ts';

/**
 * The quick start's first command loads this demo into an empty database; a seed that fails or
 * leaves a page empty would only show on a fresh machine. Loads it once, checks it loads once, and
 * opens the main pages on it.
 */
test('the whole demo loads into an empty database once, and every main page opens on it', async () => {
  const t = await buildTestApp();
  try {
    const said: string[] = [];
    await loadDemo(t.database, t.config, (line) => said.push(line));
    assert.ok(
      said.some((l) => /demo aspirations/.test(l)),
      said.join('\n'),
    );
    assert.ok(
      said.some((l) => /register of 12 kinds of public information/.test(l)),
      said.join('\n'),
    );
    // A regulation's searchable text is what its file says, read back as an uploaded one is read (the
    // second has a line longer than the page is wide).
    const regulations = await t.database.db
      .selectFrom('regulation')
      .select(['file', 'text'])
      .orderBy('id')
      .limit(2)
      .execute();
    assert.equal(regulations.length, 2);
    for (const regulation of regulations) {
      const file = await fileStore(t.config).read('jdih', regulation.file ?? '');
      assert.ok(file !== undefined, 'the file is stored');
      assert.equal(await pdfText(file), regulation.text);
    }

    const again: string[] = [];
    await loadDemo(t.database, t.config, (line) => again.push(line));
    assert.deepEqual(again, [], 'a second start loads nothing');

    for (const path of [
      '/',
      '/anggota',
      '/agenda',
      '/perda',
      '/raperda',
      '/proyek',
      '/anggaran',
      '/aspirasi',
      '/konsultasi',
      '/forum',
      '/siaran',
      '/janji-temu',
      '/reses',
      '/pokir',
      '/kinerja',
      '/informasi-publik',
    ]) {
      const page = await t.app.inject(path);
      assert.equal(page.statusCode, 200, path);
    }
    const register = await t.app.inject('/informasi-publik?jenis=dikecualikan');
    assert.match(register.body, /<p role="status">2 informasi<\/p>/);
    // Every link of the demo register leads to a page that opens.
    const links = await t.database.db
      .selectFrom('public_information')
      .select('link')
      .where('link', 'is not', null)
      .execute();
    for (const { link } of links) assert.equal((await t.app.inject(link ?? '')).statusCode, 200, link ?? '');

    // The demo's news is listed, and each member's page is one timeline of what they did.
    assert.ok(
      said.some((l) => /10 demo news posts/.test(l)),
      said.join('\n'),
    );
    assert.match((await t.app.inject('/berita')).body, /Rapat paripurna menyetujui dua Raperda menjadi Perda/);
    // Demo news is about each kind of record, and each such record's page lists it.
    const about = await t.database.db
      .selectFrom('news_link')
      .innerJoin('news_post', 'news_post.id', 'news_link.post_id')
      .select(['news_link.kind', 'news_link.target_id', 'news_post.slug'])
      .where('news_link.kind', 'in', ['regulation', 'draft', 'project', 'consultation'])
      .execute();
    const path = { regulation: 'perda', draft: 'raperda', project: 'proyek', consultation: 'konsultasi' } as const;
    for (const kind of ['regulation', 'draft', 'project', 'consultation'] as const) {
      const link = about.find((a) => a.kind === kind);
      assert.ok(link !== undefined, kind);
      const page = await t.app.inject(`/${path[kind]}/${link.target_id}`);
      assert.match(page.body, new RegExp(`Berita terkait[\\s\\S]*href="/berita/${link.slug}"`), kind);
    }
    const visited = await t.database.db
      .selectFrom('reses_visit')
      .innerJoin('reses_report', 'reses_report.id', 'reses_visit.report_id')
      .innerJoin('member', 'member.id', 'reses_report.member_id')
      .select(['member.slug', 'member.id', 'reses_visit.place', 'reses_visit.visited_on'])
      .where('reses_report.published_at', 'is not', null)
      .orderBy('reses_visit.visited_on', 'desc')
      .executeTakeFirstOrThrow();
    const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
    const visitsThisYear = await t.database.db
      .selectFrom('reses_visit')
      .innerJoin('reses_report', 'reses_report.id', 'reses_visit.report_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('reses_report.member_id', '=', visited.id)
      .where('reses_report.published_at', 'is not', null)
      .where('reses_visit.visited_on', '>=', `${year}-01-01`)
      .where('reses_visit.visited_on', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    const named = await t.database.db
      .selectFrom('news_link')
      .innerJoin('news_post', 'news_post.id', 'news_link.post_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('news_link.kind', '=', 'member')
      .where('news_link.target_id', '=', visited.id)
      .where('news_post.published_at', '>=', new Date(`${year}-01-01T00:00:00+07:00`))
      .where('news_post.published_at', '<=', new Date())
      .executeTakeFirstOrThrow();
    const memberPage = (await t.app.inject(`/anggota/${visited.slug}`)).body;
    assert.match(memberPage, /<h2 id="kegiatan">Kegiatan<\/h2>/);
    assert.match(
      memberPage,
      new RegExp(
        `Tahun ${year}: \\d+ rapat dihadiri \\(\\d+ rapat dengar pendapat\\), \\d+ tanggapan aspirasi, ${visitsThisYear.n} kunjungan reses, ${named.n} berita\\.`,
      ),
    );
    assert.match(memberPage, /<ol class="timeline"><li class="event">/);
  } finally {
    await t.close();
  }
});
