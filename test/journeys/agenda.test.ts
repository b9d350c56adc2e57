import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedDemoBudget } from '../../src/db/seed/budget.ts';
import { seedDemoDrafts, seedDemoRegulations } from '../../src/db/seed/regulations.ts';
import { fileStore } from '../../src/platform/storage.ts';
import { jakartaDay } from '../../src/platform/working-days.ts';
import { journey, pageProblems } from '../helpers/browser.ts';
import { createUser, totpCode } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('the agenda on a phone with JavaScript off', () => {
  test('staff announce a hearing; a citizen finds it in the list, the week and the month; every page is accessible', async () => {
    const staff = await createUser(j.served, 'staff');
    const problems: string[] = [];
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await office.newPage();
    await page.goto(`${j.served.baseUrl}/masuk?lanjut=/kelola/agenda/baru`);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Kata sandi').fill(staff.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/masuk\/2fa/);
    await j.served.database.db
      .updateTable('app_user')
      .set({ totp_last_step: null })
      .where('id', '=', staff.id)
      .execute();
    await page.getByLabel('Kode').fill(await totpCode(staff.totpSecret ?? ''));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.waitForURL(/\/kelola\/agenda\/baru$/);
    problems.push(...(await pageProblems(j, page, '/kelola/agenda/baru')));
    const day = jakartaDay(new Date(Date.now() + 3 * 86_400_000));
    await page.getByLabel('Jenis rapat').selectOption('rdpu');
    await page.getByLabel('Alat kelengkapan').selectOption('komisi-iv');
    await page.getByLabel('Judul', { exact: true }).fill('RDPU Komisi IV tentang layanan BPJS Kesehatan');
    await page.getByLabel('Acara').fill('Paparan BPJS Kesehatan\nMasukan warga');
    await page.getByLabel('Tanggal').fill(day);
    await page.getByLabel('Jam mulai (WIB)').fill('09:00');
    await page.getByLabel('Tempat').fill('Ruang Rapat Paripurna');
    await page.getByRole('button', { name: 'Umumkan' }).click();
    await page.waitForURL(/\/kelola\/agenda\/\d+\?pesan=tersimpan/);
    problems.push(...(await pageProblems(j, page, '/kelola/agenda/:id')));
    await page.goto(`${j.served.baseUrl}/kelola/agenda`);
    problems.push(...(await pageProblems(j, page, '/kelola/agenda')));

    const citizen = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const view = await citizen.newPage();
    for (const path of ['/agenda', `/agenda?tampilan=minggu&tanggal=${day}`, `/agenda?tampilan=bulan&tanggal=${day}`]) {
      await view.goto(`${j.served.baseUrl}${path}`);
      await view.getByRole('link', { name: 'RDPU Komisi IV tentang layanan BPJS Kesehatan' }).waitFor();
      problems.push(...(await pageProblems(j, view, path)));
    }
    await view.getByRole('link', { name: 'RDPU Komisi IV tentang layanan BPJS Kesehatan' }).click();
    await view.getByText('Paparan BPJS Kesehatan').waitFor();
    problems.push(...(await pageProblems(j, view, '/agenda/:id')));
    assert.deepEqual(problems, []);
    await office.close();
    await citizen.close();
  });

  test('a citizen searches the regulations and opens one; the pages are accessible', async () => {
    const council = await j.served.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await seedDemoRegulations(j.served.database.db, council.id, fileStore(j.served.config));
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${j.served.baseUrl}/perda`);
    problems.push(...(await pageProblems(j, page, '/perda')));
    await page.getByLabel('Kata atau nomor').fill('bangunan');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/q=bangunan/);
    await page.locator('mark').first().waitFor();
    problems.push(...(await pageProblems(j, page, '/perda?q=bangunan')));
    await page.getByRole('link', { name: 'Peraturan Daerah Nomor 6 Tahun 2021' }).click();
    await page.getByText('Diubah oleh').waitFor();
    problems.push(...(await pageProblems(j, page, '/perda/:id')));
    await seedDemoDrafts(j.served.database.db, council.id, 2026);
    await page.goto(`${j.served.baseUrl}/raperda?tahun=2026`);
    problems.push(...(await pageProblems(j, page, '/raperda')));
    await page.getByRole('link', { name: 'Raperda tentang Pengelolaan Barang Milik Daerah' }).click();
    assert.equal(await page.locator('ol.stages [aria-current="step"]').textContent(), 'Penetapan');
    problems.push(...(await pageProblems(j, page, '/raperda/:id')));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a citizen reads the budget and drills down; the pages are accessible and fit a phone', async () => {
    const council = await j.served.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await seedDemoBudget(j.served.database.db, council.id, 2026);
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${j.served.baseUrl}/anggaran`);
    await page.getByText('Rp 6,7 triliun').first().waitFor();
    problems.push(...(await pageProblems(j, page, '/anggaran')));
    await page.getByRole('link', { name: 'Belanja Daerah' }).first().click();
    await page
      .getByRole('link', { name: /5\.1 Belanja Operasi/ })
      .first()
      .click();
    await page.getByText('menurut perangkat daerah').first().waitFor();
    problems.push(...(await pageProblems(j, page, '/anggaran?akun=5.1')));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
