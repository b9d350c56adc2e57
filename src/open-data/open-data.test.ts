import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { getCouncil } from '../council/service.ts';
import { seedDemoBudget } from '../db/seed/budget.ts';
import { seedDemoProjects } from '../db/seed/projects.ts';
import { readFirstSheet } from '../platform/xlsx.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `203.0.113.${++ip}`);

async function send(kind: string, title: string, description: string) {
  const structure = await getCouncil(t.database.db);
  const kel = structure.kecamatan[0]?.kelurahan[0];
  assert.ok(kel !== undefined);
  const a = agent();
  await a.get('/aspirasi/baru');
  await a.post('/aspirasi/baru', { kind, category: 'jalan-jembatan-drainase', location: String(kel.id), title });
  const res = await a.postMultipart('/aspirasi/kirim', {
    kind,
    category: 'jalan-jembatan-drainase',
    location: String(kel.id),
    title,
    description,
    name: 'Nama Rahasia Pelapor',
    email: 'pelapor.rahasia@example.org',
    consent: 'yes',
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
}

before(async () => {
  t = await buildTestApp();
  const { council } = await getCouncil(t.database.db);
  await seedDemoBudget(t.database.db, council.id, 2026);
  await seedDemoProjects(t.database.db, council.id, 2026, '2026-11-29');
  await send('pengaduan', 'Saluran tersumbat di RW 05', 'Air meluap ke jalan setiap hujan deras sore hari.');
  await send('aspirasi', 'Taman bermain anak', 'Mohon lahan kosong di ujung gang dijadikan taman bermain.');
  await send('rahasia', 'Pungutan liar di kantor', 'Ada pungutan liar saat mengurus surat pindah di kantor.');
});
after(() => t.close());

interface CkanAnswer<T> {
  success: boolean;
  result: T;
  error?: { message: string; __type: string };
}
interface CkanPackage {
  name: string;
  title: string;
  license_id: string;
  license_url: string;
  resources: { format: string; url: string }[];
  tags: { name: string }[];
}

describe('open data and the CKAN catalogue', () => {
  test('a CKAN client finds the budget dataset, its licence and its files', async () => {
    const list = JSON.parse((await agent().get('/api/3/action/package_list')).body) as CkanAnswer<string[]>;
    assert.equal(list.success, true);
    assert.deepEqual(list.result.sort(), [
      'agenda-rapat',
      'anggaran-apbd',
      'anggota-dprd',
      'indeks-kepuasan-masyarakat',
      'kunjungan-ruang-aspirasi',
      'laporan-reses',
      'pertanyaan-rapat-daring',
      'pokok-pikiran-dprd',
      'produk-hukum',
      'proyek-pembangunan',
      'statistik-aspirasi',
    ]);

    const search = JSON.parse((await agent().get('/api/3/action/package_search?q=anggaran')).body) as CkanAnswer<{
      count: number;
      results: CkanPackage[];
    }>;
    assert.equal(search.success, true);
    const budget = search.result.results.find((p) => p.name === 'anggaran-apbd');
    assert.ok(budget, 'package_search?q=anggaran returns the budget dataset');
    assert.equal(search.result.count, search.result.results.length);
    assert.ok(!search.result.results.some((p) => p.name === 'anggota-dprd'), 'only what matches');
    assert.equal(budget.license_id, 'cc-by');
    assert.equal(budget.license_url, 'https://creativecommons.org/licenses/by/4.0/');
    assert.deepEqual(
      budget.resources.map((r) => r.format),
      ['CSV', 'XLSX', 'JSON'],
    );
    assert.match(budget.resources[0]?.url ?? '', /\/data\/anggaran-apbd\.csv$/);

    // CKAN's own clients POST a JSON body, with no browser session and no CSRF token.
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      payload: { q: 'anggaran', fq: 'tags:apbd', rows: 5 },
    });
    assert.equal(posted.statusCode, 200);
    const postedBody = JSON.parse(posted.body) as CkanAnswer<{ results: CkanPackage[] }>;
    assert.deepEqual(
      postedBody.result.results.map((p) => p.name),
      ['anggaran-apbd'],
    );

    const shown = JSON.parse(
      (await agent().get('/api/3/action/package_show?id=anggaran-apbd')).body,
    ) as CkanAnswer<CkanPackage>;
    assert.equal(shown.result.title, 'Anggaran pendapatan dan belanja daerah (APBD)');
    const missing = await agent().get('/api/3/action/package_show?id=tidak-ada');
    assert.equal(missing.statusCode, 404);
    assert.equal((JSON.parse(missing.body) as CkanAnswer<null>).success, false);
    const badRows = await agent().get('/api/3/action/package_search?rows=banyak');
    assert.equal(badRows.statusCode, 409, 'a bad parameter is a Validation Error, 409 as CKAN answers it');
    assert.equal((JSON.parse(badRows.body) as CkanAnswer<null>).success, false);
  });

  test('a harvester’s incremental, organisation, field and facet queries are answered as CKAN 2.10 does', async () => {
    type Search = CkanAnswer<{
      count: number;
      results: CkanPackage[];
      facets: Record<string, Record<string, number>>;
      search_facets: Record<string, { items: { name: string; count: number }[] }>;
    }>;
    const search = async (query: string) =>
      JSON.parse((await agent().get(`/api/3/action/package_search?${query}`)).body) as Search;
    const all = (await search('')).result.count;
    assert.equal(all, 11);
    const since = (from: string, to = '*') => `fq=${encodeURIComponent(`metadata_modified:[${from} TO ${to}]`)}`;
    assert.equal((await search(since('2020-01-01T00:00:00Z'))).result.count, all, 'every dataset changed since 2020');
    assert.equal((await search(since('*', '2000-01-01T00:00:00Z'))).result.count, 0, 'none before 2000');
    assert.equal((await search(since('NOW-3650DAYS', 'NOW'))).result.count, all);
    const structure = await getCouncil(t.database.db);
    assert.equal((await search(`fq=organization:${structure.council.slug}`)).result.count, all);
    assert.equal((await search('fq=organization:dewan-lain')).result.count, 0, 'another organisation has none');
    const byName = await search('q=name:anggaran-apbd');
    assert.deepEqual(
      byName.result.results.map((p) => p.name),
      ['anggaran-apbd'],
    );
    assert.ok((await search('q=tags:apbd')).result.count >= 1);
    assert.equal((await search('q=tags:tidak-ada-tag-ini')).result.count, 0);
    const faceted = await search(`facet.field=${encodeURIComponent('["tags","res_format","organization"]')}`);
    assert.equal(faceted.result.facets.res_format?.CSV, all, 'every dataset has a CSV');
    assert.equal(faceted.result.facets.organization?.[structure.council.slug], all);
    assert.ok((faceted.result.facets.tags?.apbd ?? 0) >= 1);
    assert.ok(faceted.result.search_facets.tags?.items.some((i) => i.name === 'apbd' && i.count >= 1));

    const helped = await agent().get('/api/3/action/help_show?name=package_search');
    assert.equal(helped.statusCode, 200);
    const help = JSON.parse(helped.body) as CkanAnswer<string>;
    assert.equal(help.success, true);
    assert.match(help.result, /metadata_modified/);
    assert.equal((await agent().get('/api/3/action/help_show?name=tidak_ada')).statusCode, 404);
    assert.equal((await agent().get('/api/3/action/package_search?facet.field=%5Brusak')).statusCode, 409);
  });

  test('the budget downloads carry every line, the same in CSV, XLSX and JSON', async () => {
    const db = t.database.db;
    const stored = await db
      .selectFrom('budget_line')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('planned').as('planned')])
      .executeTakeFirstOrThrow();

    const csvFile = await agent().get('/data/anggaran-apbd.csv');
    assert.equal(csvFile.statusCode, 200);
    assert.match(String(csvFile.headers['content-type']), /^text\/csv/);
    assert.match(String(csvFile.headers.link), /creativecommons\.org\/licenses\/by\/4\.0/);
    const lines = csvFile.body.trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      'tahun,tahap,kode_akun,nama_akun,opd,kode_program,nama_program,kode_kegiatan,nama_kegiatan,kode_subkegiatan,nama_subkegiatan,anggaran,realisasi',
    );
    assert.equal(lines.length - 1, Number(stored.n));

    const xlsx = await t.app.inject({ method: 'GET', url: '/data/anggaran-apbd.xlsx' });
    assert.equal(xlsx.statusCode, 200);
    const sheet = readFirstSheet(xlsx.rawPayload);
    assert.equal(sheet.length, lines.length);
    const plannedAt = sheet[0]?.fields.indexOf('anggaran') ?? -1;
    const sum = sheet.slice(1).reduce((total, r) => total + Number(r.fields[plannedAt]), 0);
    assert.equal(sum, Number(stored.planned));

    const json = JSON.parse((await agent().get('/data/anggaran-apbd.json')).body) as {
      metadata: { license: { url: string }; columns: { name: string }[]; region_code: string };
      data: { anggaran: number }[];
    };
    assert.equal(json.data.length, Number(stored.n));
    assert.equal(json.metadata.license.url, 'https://creativecommons.org/licenses/by/4.0/');
    assert.equal(json.metadata.region_code, (await getCouncil(db)).council.region_code);
    assert.equal(
      json.data.reduce((total, r) => total + r.anggaran, 0),
      Number(stored.planned),
    );
  });

  test('aspiration statistics hold counts only: no text, no people, no confidential reports', async () => {
    const body = (await agent().get('/data/statistik-aspirasi.csv')).body;
    const json = JSON.parse((await agent().get('/data/statistik-aspirasi.json')).body) as {
      data: { jumlah: number; jenis: string }[];
    };
    const total = json.data.reduce((n, r) => n + r.jumlah, 0);
    assert.equal(total, 2, 'the two public aspirations; the confidential one is not counted');
    for (const secret of ['Nama Rahasia', 'pelapor.rahasia', 'Saluran tersumbat', 'Pungutan', 'rahasia']) {
      assert.ok(!body.includes(secret), secret);
    }
  });

  test('every dataset downloads in every format, and the catalogue page shows them with JavaScript off', async () => {
    for (const name of ['anggota-dprd', 'agenda-rapat', 'produk-hukum', 'proyek-pembangunan']) {
      for (const format of ['csv', 'xlsx', 'json']) {
        const res = await t.app.inject({ method: 'GET', url: `/data/${name}.${format}` });
        assert.equal(res.statusCode, 200, `${name}.${format}`);
      }
    }
    const projects = JSON.parse((await agent().get('/data/proyek-pembangunan.json')).body) as { data: unknown[] };
    assert.equal(
      projects.data.length,
      Number(
        (
          await t.database.db
            .selectFrom('project')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    const members = (await agent().get('/data/anggota-dprd.csv')).body.trim().split(/\r?\n/);
    assert.equal(members.length - 1, 50);
    assert.equal((await agent().get('/data/tidak-ada.csv')).statusCode, 404);
    assert.equal((await agent().get('/data/anggaran-apbd.exe')).statusCode, 400);

    const page = (await agent().get('/data')).body;
    assert.match(page, /<h1>Data terbuka<\/h1>/);
    for (const name of ['anggota-dprd', 'anggaran-apbd', 'statistik-aspirasi'])
      assert.match(page, new RegExp(`href="/data/${name}\\.xlsx"`));
    assert.match(page, /Creative Commons Attribution 4\.0/);
  });
});
