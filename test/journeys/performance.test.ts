import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCouncil } from '../../src/council/service.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

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

describe('the dashboard on a phone with JavaScript off', () => {
  test('an officer opens it from the back office; with nothing open, and with a late aspiration, it is accessible', async () => {
    const staff = await createUser(j.served, 'staff');
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await signInAs(j, context, staff);
    await page.goto(`${j.served.baseUrl}/kelola`);
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor();
    const problems = await pageProblems(j, page, '/kelola/dasbor (empty)');
    assert.match(await page.content(), /Terbuka per komisi<\/strong>: tidak ada yang terbuka\./);

    // One aspiration to verify, two weeks past its date.
    const db = j.served.database.db;
    const structure = await getCouncil(db);
    const [category, place] = [structure.categories[0], structure.kecamatan[0]];
    assert.ok(category !== undefined && place !== undefined);
    await db
      .insertInto('aspiration')
      .values({
        council_id: structure.council.id,
        code: 'ASP-2026-870001',
        kind: 'pengaduan',
        category_id: category.id,
        title: 'Lampu jalan mati di depan sekolah',
        description: 'Sudah dua minggu lampu jalan mati.',
        kecamatan_id: place.id,
        access_token_hash: 'x'.repeat(64),
        received_at: new Date(Date.now() - 20 * 24 * 3600_000),
        verify_due: new Date(Date.now() - 14 * 24 * 3600_000).toISOString().slice(0, 10),
      })
      .execute();
    await page.reload();
    await page.getByRole('link', { name: 'ASP-2026-870001' }).waitFor();
    problems.push(...(await pageProblems(j, page, '/kelola/dasbor')));
    await page.getByRole('link', { name: 'ASP-2026-870001' }).click();
    await page.waitForURL(/\/kelola\/aspirasi\/ASP-2026-870001$/);
    await context.close();
    assert.deepEqual(problems, []);
  });
});
