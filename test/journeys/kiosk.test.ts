import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { getCouncil } from '../../src/council/service.ts';
import { axeViolations, journey, overflowsHorizontally } from '../helpers/browser.ts';

const j = journey();
const narrow = { width: 360, height: 740 };
const kioskScreen = { width: 800, height: 1280 };

async function problemsOf(page: Page, label: string): Promise<string[]> {
  const problems = (await axeViolations(page)).map((v) => `${label}: ${v}`);
  if (await overflowsHorizontally(page)) problems.push(`${label}: scrolls sideways at 360 px`);
  return problems;
}

describe('the kiosk at the front desk', () => {
  test('a person files an aspiration by touch, one question a screen, and gets a receipt to print or scan', async () => {
    const structure = await getCouncil(j.served.database.db);
    const kec = structure.kecamatan[0];
    assert.ok(kec !== undefined);
    const context = await j.newContext({ viewport: narrow, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${j.served.baseUrl}/kios`);
    problems.push(...(await problemsOf(page, '/kios')));
    await page.getByRole('link', { name: 'Sampaikan aspirasi atau pengaduan' }).tap();
    await page.getByLabel(/^Pengaduan/).tap();
    await page.waitForURL(/\/kios\/aspirasi$/);
    problems.push(...(await problemsOf(page, 'kind')));
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel(/^Banjir/).tap();
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel(kec.name, { exact: true }).tap();
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel('Saya tidak tahu').tap();
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel('Judul').fill('Got mampet di depan pasar');
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel('Uraian').fill('Air got meluap ke jalan setiap sore.');
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByLabel('Nomor HP').waitFor();
    problems.push(...(await problemsOf(page, 'contact')));
    await page.getByRole('button', { name: 'Lanjut' }).tap();
    await page.getByRole('heading', { name: 'Periksa laporan Anda' }).waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).tap();
    await page.waitForURL(/\/kios\/terima\?kode=ASP-/);
    const code = await page.locator('.kiosk-code').textContent();
    assert.match(code ?? '', /^ASP-\d{4}-\d{6}$/);
    assert.equal(await page.getByRole('img', { name: /Kode QR alamat laporan/ }).isVisible(), true);
    assert.equal(
      await page.getByRole('button', { name: 'Cetak tanda terima' }).isVisible(),
      true,
      'print, with the script',
    );
    problems.push(...(await problemsOf(page, 'receipt')));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('left alone for 90 seconds it goes back to its first screen, but not while someone is typing', async () => {
    // The kiosk's own screen, a tablet standing upright, where every choice fits. On a phone-sized
    // screen the browser scrolls a choice into view and sends that scroll at its next frame, after
    // the touch: on a busy machine after the clock has moved, when it rightly starts the wait again.
    const context = await j.newContext({ viewport: kioskScreen });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${j.served.baseUrl}/kios/aspirasi`);
    await page.getByLabel(/^Aspirasi/).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByLabel('Pendidikan', { exact: true }).waitFor();
    // The kiosk's script runs before the page's load event: the 90 seconds count from there, not
    // from whenever a busy machine gets round to running it.
    await page.waitForLoadState('load');
    await page.clock.runFor(80_000);
    await page.getByLabel('Pendidikan', { exact: true }).check();
    await page.clock.runFor(80_000);
    assert.match(page.url(), /\/kios\/aspirasi$/, 'a touch started the wait again');
    await page.clock.runFor(11_000);
    await page.waitForURL(/\/kios$/);
    assert.equal(await page.locator('h1').textContent(), 'Selamat datang. Apa yang ingin Anda lakukan?');
    await context.close();
  });

  test('without JavaScript every screen works and a refresh brings the kiosk back after 90 seconds', async () => {
    const context = await j.newContext({ viewport: narrow, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/kios/aspirasi`);
    const refresh = await page.locator('noscript').first().innerHTML();
    assert.match(refresh, /http-equiv="refresh" content="90;url=\/kios"/);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Pilih salah satu/);
    await context.close();
  });
});
