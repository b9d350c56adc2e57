import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import {
  axeViolations,
  browserArguments,
  chromiumPath,
  journey,
  overflowsHorizontally,
  signInAs,
} from '../helpers/browser.ts';
import { dprd } from '../helpers/reference.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

/** Waits until the service worker controls the page (it claims the pages open when it starts). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
}

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
    await controlled(page);
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
    await controlled(page);
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
    await controlled(page);
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
    await controlled(page);
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
    await controlled(page);
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
