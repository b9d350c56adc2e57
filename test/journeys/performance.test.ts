import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCouncil } from '../../src/council/service.ts';
import { journey, pageProblems } from '../helpers/browser.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('public performance on a phone with JavaScript off', () => {
  test('a citizen reads the figures, filters them by komisi and downloads the month table', async () => {
    const base = j.served.baseUrl;
    const structure = await getCouncil(j.served.database.db);
    const komisi = structure.komisi[0];
    assert.ok(komisi !== undefined);
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Kinerja layanan' }).click();
    await page.getByRole('heading', { name: 'Kinerja layanan', level: 1 }).waitFor();
    const problems = await pageProblems(j, page, '/kinerja');
    await page.getByLabel('Komisi', { exact: true }).selectOption({ label: komisi.name });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(new RegExp(`komisi=${komisi.slug}`));
    problems.push(...(await pageProblems(j, page, '/kinerja?komisi')));
    const csv = await page.getByRole('link', { name: 'Unduh tabel bulanan (CSV)' }).getAttribute('href');
    assert.match(csv ?? '', new RegExp(`^/kinerja\\.csv\\?.*komisi=${komisi.slug}`));
    const perKecamatan = await page.getByRole('link', { name: 'Unduh tabel per kecamatan (CSV)' }).getAttribute('href');
    assert.match(perKecamatan ?? '', /tabel=kecamatan$/);
    assert.deepEqual(problems, []);
  });
});
