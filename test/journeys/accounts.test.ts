import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { journey, pageProblems } from '../helpers/browser.ts';
import { createUser, totpCode } from '../helpers/users.ts';

const j = journey();
const newContext = j.newContext;

const phone = { width: 360, height: 740 };

async function check(page: Page, label: string, problems: string[]) {
  problems.push(...(await pageProblems(j, page, label)));
}

describe('signing in on a phone with JavaScript off', () => {
  test('an administrator passes two-step verification and reaches user management; every page is accessible', async () => {
    const admin = await createUser(j.served, 'administrator');
    const context = await newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of ['/daftar', '/masuk', '/lupa-sandi']) {
      await page.goto(`${j.served.baseUrl}${path}`);
      await check(page, path, problems);
    }
    // A form sent with mistakes shows its error summary at the top.
    await page.goto(`${j.served.baseUrl}/daftar`);
    await page.getByRole('button', { name: 'Daftar' }).click();
    assert.equal(await page.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    assert.equal(await page.locator('.error-summary a').first().getAttribute('href'), '#name');

    await page.goto(`${j.served.baseUrl}/kelola/pengguna`);
    assert.match(page.url(), /\/masuk\?lanjut=%2Fkelola%2Fpengguna/);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Kata sandi').fill(admin.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/masuk\/2fa/);
    await check(page, '/masuk/2fa', problems);
    await page.getByLabel('Kode').fill(await totpCode(admin.totpSecret ?? ''));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.waitForURL(/\/kelola\/pengguna$/);
    assert.equal(await page.locator('h1').textContent(), 'Pengguna');
    await check(page, '/kelola/pengguna', problems);

    await page.getByLabel('Nama').fill('Dewi Sekretariat');
    await page.getByLabel('Email').fill('dewi.sekretariat@example.org');
    await page.getByLabel('Peran', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    await page.waitForURL(/pesan=undangan/);
    assert.equal((await page.getByRole('status').textContent())?.trim(), 'Undangan sudah dikirim.');
    await page.getByText('dewi.sekretariat@example.org').waitFor();

    for (const path of [
      '/kelola',
      '/kelola/audit',
      '/kelola/pengaturan',
      '/kelola/open311',
      '/kelola/aspirasi',
      '/kelola/aspirasi/baru',
      '/kelola/aspirasi/templat',
      '/kelola/aspirasi/kelompok',
      '/kelola/wawasan',
      '/kelola/wawasan?lang=en',
      '/akun',
      '/akun?lang=en',
      '/akun/data',
      '/akun/token',
    ]) {
      await page.goto(`${j.served.baseUrl}${path}`);
      await check(page, path, problems);
    }
    await page.goto(`${j.served.baseUrl}/akun?lang=id`);
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL(/pesan=keluar/);
    assert.equal((await page.getByRole('status').textContent())?.trim(), 'Anda sudah keluar.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an official without a second factor is led to set one up, and the page is accessible', async () => {
    const staff = await createUser(j.served, 'staff', { totp: false });
    const context = await newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/masuk`);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Kata sandi').fill(staff.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/akun\/2fa$/);
    await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    const problems: string[] = [];
    await check(page, '/akun/2fa', problems);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
