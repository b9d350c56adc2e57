/**
 * Screenshots of the pages people judge the portal by, at 360 px (a cheap phone) and 1280 px,
 * with the demo data: the home page, the aspiration form's two steps with their errors, the
 * budget, a project, site search, and, signed in as staff, the inbox and a budget file's preview.
 * `npm run screenshots -- <folder>` (default: ./screenshots, which git ignores). It serves the
 * app on an embedded database of its own in a temporary folder and drives Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { loadDemo } from '../src/db/seed/demo.ts';
import { launchBrowser, serveTestApp } from '../test/helpers/browser.ts';
import { createUser, totpCode } from '../test/helpers/users.ts';

const folder = path.resolve(process.argv[2] ?? 'screenshots');
mkdirSync(folder, { recursive: true });

const served = await serveTestApp({ PAGE_CACHE_SECONDS: '0' });
await loadDemo(served.database, served.config, (line) => console.log(line));
const browser = await launchBrowser();
const widths = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;

async function shoot(page: Page, name: string, width: keyof typeof widths) {
  const file = path.join(folder, `${name}-${widths[width].width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function signedInStaff(context: BrowserContext): Promise<Page> {
  const user = await createUser(served, 'staff', { name: 'Petugas Sekretariat' });
  const page = await context.newPage();
  await page.goto(`${served.baseUrl}/masuk`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/masuk\/2fa/);
  await page.getByLabel('Kode').fill(await totpCode(user.totpSecret ?? ''));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return page;
}

try {
  const project = await served.database.db.selectFrom('project').select('id').orderBy('id').executeTakeFirstOrThrow();
  const open = await served.database.db
    .selectFrom('consultation')
    .select('id')
    .where('kind', '=', 'rpjmd')
    .executeTakeFirstOrThrow();
  const closed = await served.database.db
    .selectFrom('consultation')
    .select('id')
    .where('report_published_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const section = await served.database.db
    .selectFrom('consultation_section')
    .select('id')
    .where('consultation_id', '=', open.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  for (const width of ['phone', 'desktop'] as const) {
    const context = await browser.newContext({ viewport: widths[width], javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [name, address] of [
      ['beranda', '/'],
      ['anggaran', '/anggaran'],
      ['proyek', `/proyek/${project.id}`],
      ['cari', '/cari?q=jalan'],
      ['konsultasi', `/konsultasi/${open.id}`],
      ['konsultasi-bagian', `/konsultasi/${open.id}/bagian/${section.id}`],
      ['konsultasi-laporan', `/konsultasi/${closed.id}/laporan`],
      ['forum', '/forum'],
    ] as const) {
      await page.goto(`${served.baseUrl}${address}`);
      await shoot(page, name, width);
    }
    if (width === 'phone') {
      await page.goto(`${served.baseUrl}/`);
      await page.getByText('Menu', { exact: true }).click();
      await shoot(page, 'menu-terbuka', width);
    }
    await page.goto(`${served.baseUrl}/aspirasi/baru`);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await shoot(page, 'aspirasi-langkah-1-salah', width);
    await page.locator('#kind-aspirasi').check();
    await page.getByLabel('Kategori', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Lokasi', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Judul singkat').fill('Lampu jalan padam');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await shoot(page, 'aspirasi-langkah-2-salah', width);
    await context.close();

    const office = await browser.newContext({ viewport: widths[width] });
    const staff = await signedInStaff(office);
    await staff.goto(`${served.baseUrl}/kelola/aspirasi`);
    await shoot(staff, 'kotak-masuk-staf', width);
    await office.close();
  }
} finally {
  await browser.close();
  await served.close();
}
