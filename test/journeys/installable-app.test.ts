import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import {
  axeViolations,
  browserArguments,
  chromiumPath,
  journey,
  overflowsHorizontally,
  serviceWorkerControls,
  signInAs,
} from '../helpers/browser.ts';
import { dprd } from '../helpers/reference.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

/** The offline banner's text, or null when the page came from the network. */
function offlineNote(page: Page): Promise<string | null> {
  return page
    .locator('[data-offline-note]')
    .textContent({ timeout: 1000 })
    .catch(() => null);
}

const monthsId = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** Today in Jakarta, written as the portal writes dates ("1 Desember 2026"). */
function todayInJakarta(): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  return `${now.getUTCDate()} ${monthsId[now.getUTCMonth()]} ${now.getUTCFullYear()}`;
}

describe('a citizen installs the portal and reads it offline', () => {
  test('Chromium finds the portal installable: a valid manifest, icons and a service worker', async () => {
    // A profile on disk: Chromium never offers to install from an incognito window, which is what
    // a fresh browser context is.
    const profile = mkdtempSync(path.join(tmpdir(), 'dewan-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: browserArguments,
      viewport: phone,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    await serviceWorkerControls(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
      data?: string;
    };
    assert.match(manifest.url, /\/manifest\.webmanifest$/);
    assert.deepEqual(manifest.errors, [], 'the browser read the manifest without errors');
    const data = JSON.parse(manifest.data ?? '{}') as { name: string; shortcuts: { url: string }[] };
    assert.equal(data.name, dprd.lembaga.nama);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    assert.deepEqual(
      installabilityErrors.map((e) => e.errorId),
      [],
      'Chromium would offer to install the portal',
    );
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('a page opened once reads offline, under a banner saying when it was saved', async () => {
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    await serviceWorkerControls(page);
    // Online, pages come from the network: no banner.
    await page.goto(`${j.served.baseUrl}/agenda`);
    const heading = await page.locator('h1').textContent();
    assert.equal(await offlineNote(page), null);
    await page.goto(`${j.served.baseUrl}/perda`);

    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/agenda`);
    assert.equal(await page.locator('h1').textContent(), heading, 'the kept copy of the agenda is shown');
    const note = await offlineNote(page);
    assert.ok(note !== null, 'the offline banner is shown');
    assert.match(note, /Anda sedang luring/);
    assert.ok(note.includes(todayInJakarta()), `the banner gives the day it was saved: ${note}`);
    assert.match(note, /pukul \d\d:\d\d WIB/);
    // The page that installed the worker was kept too, and still has its style sheet.
    await page.goto(`${j.served.baseUrl}/`);
    assert.equal(await page.locator('h1').textContent(), dprd.lembaga.nama);
    assert.notEqual(await offlineNote(page), null);
    const styled = await page.evaluate(
      () => getComputedStyle(document.querySelector('[data-offline-note]') as Element).borderLeftStyle,
    );
    assert.equal(styled, 'solid', 'the style sheet came from the app shell');
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await overflowsHorizontally(page), false);

    // A page never opened: the offline page says so, in plain words.
    await page.goto(`${j.served.baseUrl}/anggaran`);
    assert.equal(await page.locator('h1').textContent(), 'Anda sedang luring');
    assert.deepEqual(await axeViolations(page), []);

    // Back online: the network's page again, without the banner.
    await context.setOffline(false);
    await page.goto(`${j.served.baseUrl}/agenda`);
    assert.equal(await offlineNote(page), null);
    await context.close();
  });

  test('in English, the banner speaks English', async () => {
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/?lang=en`);
    await serviceWorkerControls(page);
    await page.goto(`${j.served.baseUrl}/agenda`);
    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/agenda`);
    const note = await offlineNote(page);
    assert.ok(note !== null);
    assert.match(note, /^You are offline\. This page was saved on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d WIB/);
    await context.close();
  });

  test('pages with personal data are never kept: the sign-in page and a private link are not there offline', async () => {
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    await serviceWorkerControls(page);
    await page.goto(`${j.served.baseUrl}/masuk`);
    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/masuk`);
    assert.equal(await page.locator('h1').textContent(), 'Anda sedang luring', '/masuk was not kept');
    await context.close();
  });

  test('signing out on a shared phone forgets the pages kept while signed in', async () => {
    const citizen = await createUser(j.served, 'citizen');
    const context = await j.newContext({ viewport: phone });
    const page = await signInAs(j, context, citizen);
    await serviceWorkerControls(page);
    await page.goto(`${j.served.baseUrl}/agenda`);
    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/agenda`);
    assert.notEqual(await offlineNote(page), null, 'the agenda was kept while signed in');
    await context.setOffline(false);

    await page.goto(`${j.served.baseUrl}/akun`);
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL(/\/masuk\?pesan=keluar/);
    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/agenda`);
    assert.equal(await page.locator('h1').textContent(), 'Anda sedang luring', 'nothing kept survives signing out');
    await context.close();
  });
});

/** Aspirations filed with a title, with their photos. */
async function filedWithTitle(title: string): Promise<{ code: string; photos: number }[]> {
  const rows = await j.served.database.db
    .selectFrom('aspiration')
    .select(['id', 'code'])
    .where('title', '=', title)
    .execute();
  const found = [];
  for (const row of rows) {
    const photos = await j.served.database.db
      .selectFrom('aspiration_photo')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('aspiration_id', '=', row.id)
      .executeTakeFirstOrThrow();
    found.push({ code: row.code, photos: Number(photos.n) });
  }
  return found;
}

/** The reports-waiting note the app puts on pages, or null. */
function draftsNote(page: Page): Promise<string | null> {
  return page
    .locator('[data-drafts-note]')
    .textContent({ timeout: 1000 })
    .catch(() => null);
}

async function choosePlace(page: Page): Promise<void> {
  const kelurahan = await page
    .locator('select[name="location"] option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => /^\d+$/.test(v)));
  assert.ok(kelurahan !== undefined);
  await page.selectOption('select[name="location"]', kelurahan);
}

describe('a citizen files an aspiration with no signal', () => {
  test('the form opens offline, keeps the report with its photo, and sends it exactly once when the signal returns', async () => {
    const title = `Saluran tersumbat di gang ${Date.now()}`;
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#557744' } })
      .jpeg()
      .toBuffer();
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    await serviceWorkerControls(page);

    await context.setOffline(true);
    await page.goto(`${j.served.baseUrl}/aspirasi/baru`);
    assert.equal(await page.locator('h1').textContent(), 'Sampaikan aspirasi tanpa sinyal');
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await overflowsHorizontally(page), false);
    await page.check('input[name="kind"][value="pengaduan"]');
    await page.selectOption('select[name="category"]', 'jalan-jembatan-drainase');
    await choosePlace(page);
    await page.fill('input[name="title"]', title);
    await page.fill('textarea[name="description"]', 'Air meluap ke rumah warga setiap hujan sejak bulan lalu.');
    await page.setInputFiles('input[name="photos"]', { name: 'saluran.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.fill('input[name="email"]', 'warga.luring@example.org');
    await page.check('input[name="consent"]');
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();

    // Kept on the phone: the queue says so, and so does every page until it is sent.
    await page.waitForURL(/\/aspirasi\/antrean$/);
    const waiting = page.locator('[data-drafts="waiting"]');
    await waiting.getByText(title).waitFor();
    assert.match((await waiting.textContent()) ?? '', /1 foto/);
    assert.equal(await page.locator('[data-drafts-offline]').isVisible(), true, 'the queue says the phone is offline');
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${j.served.baseUrl}/`);
    assert.equal(await draftsNote(page), '1 laporan menunggu dikirim. Lihat laporan di ponsel ini');
    assert.deepEqual(await filedWithTitle(title), [], 'nothing reached the council while offline');

    // The signal returns: the next page opened sends it.
    await context.setOffline(false);
    await page.goto(`${j.served.baseUrl}/agenda`);
    await page.goto(`${j.served.baseUrl}/aspirasi/antrean`);
    const sent = page.locator('[data-drafts="sent"]');
    await sent.getByText(/Kode lacak: ASP-\d{4}-\d{6}/).waitFor();
    const filed = await filedWithTitle(title);
    assert.equal(filed.length, 1);
    assert.equal(filed[0]?.photos, 1, 'the photo went with it');
    assert.match((await sent.textContent()) ?? '', new RegExp(filed[0]?.code ?? 'none'));
    assert.equal(await waiting.isVisible(), false);

    // Asked to send again, opened again: still one.
    await page.evaluate(() => navigator.serviceWorker.controller?.postMessage('send-drafts'));
    await page.goto(`${j.served.baseUrl}/perda`);
    assert.equal(await draftsNote(page), null, 'the codes were seen: the note is gone');
    await page.goto(`${j.served.baseUrl}/aspirasi/antrean`);
    await sent.getByText(/Kode lacak/).waitFor();
    assert.equal((await filedWithTitle(title)).length, 1);
    // The tracking link works and shows it.
    await sent.getByRole('link', { name: 'Lihat perkembangannya' }).click();
    await page.waitForURL(/\/lacak\//);
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(title));
    await context.close();
  });

  test('the details form sent as the signal drops is kept with its key and filed once', async () => {
    const title = `Lampu jalan mati di taman ${Date.now()}`;
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/aspirasi/baru`);
    await serviceWorkerControls(page);
    await page.check('input[name="kind"][value="aspirasi"]');
    await page.selectOption('select[name="category"]', 'jalan-jembatan-drainase');
    await choosePlace(page);
    await page.fill('input[name="title"]', title);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.fill('textarea[name="description"]', 'Tiga lampu jalan mati sejak minggu lalu, taman gelap malam hari.');
    await page.fill('input[name="phone"]', '081234567890');
    await page.check('input[name="consent"]');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await page.waitForURL(/\/aspirasi\/antrean$/);
    await page.locator('[data-drafts="waiting"]').getByText(title).waitFor();

    // The queue page hears the signal return and asks the app to send.
    await context.setOffline(false);
    await page
      .locator('[data-drafts="sent"]')
      .getByText(/Kode lacak: ASP-/)
      .waitFor();
    assert.equal((await filedWithTitle(title)).length, 1);
    await context.close();
  });
});
