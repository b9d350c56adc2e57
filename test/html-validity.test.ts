/**
 * The main pages are valid HTML, as the Nu checker and html-validate judge it: no invalid ids or
 * attributes, no `defer` on module scripts, no ECharts-only attributes left in the SVG charts, and
 * English content marked as English on the API documentation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { barChart, countChart, progressChart } from '../src/platform/charts.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** The pages people land on from a search or a shared link. */
const mainPages = [
  '/',
  '/anggota',
  '/dapil',
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
  '/survei',
  '/kinerja',
  '/informasi-publik',
  '/pelatihan',
  '/berita',
  '/data',
];
const pages = [
  ...mainPages,
  '/aspirasi/baru',
  '/informasi-publik/permohonan',
  '/informasi-publik/lacak',
  '/informasi-publik/laporan',
  '/aspirasi/baru/luring',
  '/aspirasi/antrean',
  '/kios',
  '/kios/aspirasi',
  '/kios/lacak',
  '/lacak',
  '/api/docs',
  '/open311',
  '/masuk',
  '/daftar',
];

describe('valid HTML', () => {
  test('the main pages pass html-validate and have no module script with defer', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const url of pages) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      const report = await validator.validateString(res.body);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${url} is valid HTML`);
      assert.doesNotMatch(res.body, /<script[^>]*type="module"[^>]*\sdefer/, `${url}: no defer on a module script`);
    }
  });

  test('the API documentation marks its English content as English, with ids that hold no space', async () => {
    const body = (await t.app.inject('/api/docs')).body;
    assert.match(body, /<html lang="id"/);
    assert.match(body, /<section aria-labelledby="tag-open-data" lang="en">/);
    assert.doesNotMatch(body, /id="[^"]*\s[^"]*"/);
  });

  test('charts drawn on the server carry only SVG attributes, their text sized by attributes the CSP allows', () => {
    const bars = barChart({
      width: 328,
      categories: ['Pendapatan', 'Belanja'],
      series: [{ name: 'Rencana', values: [10, 8] }],
    });
    const progress = progressChart({
      width: 640,
      points: [
        { date: '2026-01-15', value: 10 },
        { date: '2026-03-15', value: 45 },
      ],
      name: 'Kemajuan fisik',
      planned: { from: '2026-01-01', to: '2026-12-31' },
      dateLabel: (day) => day,
      percentLabel: (value) => `${value}%`,
    });
    const counts = countChart({
      width: 328,
      points: [
        { date: '2026-11-01', value: 3 },
        { date: '2026-11-02', value: 12 },
      ],
      name: 'Komentar',
      dateLabel: (day) => day,
    });
    for (const svg of [bars, progress, counts]) {
      assert.match(svg, /^<svg /);
      assert.doesNotMatch(svg, /ecmeta_/);
      assert.doesNotMatch(svg, /\sstyle=|<style/);
      assert.match(svg, /<text [^>]*font-size="12"/);
    }
  });

  test('search engines and link previews get a description, Open Graph and schema.org data', async () => {
    const meta = (body: string, name: string) =>
      new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`).exec(body)?.[1];
    const generic = meta((await t.app.inject('/masuk')).body, 'description');
    const seen = new Set<string>();
    for (const url of mainPages) {
      const body = (await t.app.inject(url)).body;
      const description = meta(body, 'description');
      assert.ok(description !== undefined && description.length > 20, `${url} has a description`);
      assert.notEqual(description, generic, `${url} says what it is about`);
      seen.add(description);
      assert.equal(meta(body, 'og:description'), description, url);
      assert.ok(meta(body, 'og:title'), url);
      assert.match(meta(body, 'og:url') ?? '', new RegExp(`^https?://[^/]+${url === '/' ? '/$' : url}$`), url);
    }
    assert.ok(seen.size >= 9, 'each main page has its own description');

    const ld = (body: string) =>
      JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(body)?.[1] ?? 'null') as Record<
        string,
        unknown
      > | null;
    const home = ld((await t.app.inject('/')).body);
    assert.equal(home?.['@type'], 'GovernmentOrganization');
    assert.equal(home?.['@context'], 'https://schema.org');
    assert.equal(typeof home?.name, 'string');
    const list = (await t.app.inject('/anggota')).body;
    const slug = /href="\/anggota\/([a-z0-9-]+)"/.exec(list)?.[1];
    assert.ok(slug);
    const person = ld((await t.app.inject(`/anggota/${slug}`)).body);
    assert.equal(person?.['@type'], 'Person');
    assert.equal((person?.memberOf as { '@type': string } | undefined)?.['@type'], 'GovernmentOrganization');
  });
});
