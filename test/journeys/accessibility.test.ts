import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { getCouncil } from '../../src/council/service.ts';
import { axeViolations, journey, overflowsHorizontally } from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';

const j = journey();
const phone = { width: 360, height: 740 };

/** What has the keyboard's focus, described for a failure message, and whether a sighted person sees it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return { id: '', name: '', text: '', tag: 'body', visible: false };
    const style = getComputedStyle(el);
    return {
      id: el.id,
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim().slice(0, 60),
      tag: el.tagName.toLowerCase(),
      // The focus ring is the outline from main.css's :focus-visible.
      visible:
        el.matches(':focus-visible') && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/**
 * Presses Tab (and only Tab) until the element that `wanted` describes has the focus, checking at
 * each stop that the focus can be seen. Fails if it is not reached within `limit` presses.
 */
async function tabTo(
  page: Page,
  wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  label: string,
  limit = 80,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.ok(f.tag === 'body' || f.visible, `the focus on ${f.tag}#${f.id} "${f.text}" is visible`);
    if (wanted(f)) return;
  }
  assert.fail(`${label} was not reached with Tab`);
}

describe('a citizen who uses only a keyboard', () => {
  test('files an aspiration and tracks it: Tab to move, typing to fill, Space to tick, Enter to go on', async () => {
    const structure = await getCouncil(j.served.database.db);
    const kel = structure.kecamatan[1]?.kelurahan[0];
    assert.ok(kel !== undefined);
    const email = 'keyboard.only@example.org';
    const context = await j.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/aspirasi/baru`);

    // The first Tab reaches the skip link; Enter on it lands in the content, past the menu.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Langsung ke isi');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.name === 'kind', 'the kind of report');
    // In a group of radios Tab stops once; the arrow keys choose within it, as in every browser.
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#kind-pengaduan').isChecked(), true, 'a complaint is chosen');

    await tabTo(page, (f) => f.name === 'category', 'the category');
    const categoryText = await page
      .locator('select[name="category"] option[value="jalan-jembatan-drainase"]')
      .textContent();
    await page.keyboard.type((categoryText ?? '').slice(0, 6));
    assert.equal(await page.locator('select[name="category"]').inputValue(), 'jalan-jembatan-drainase');

    await tabTo(page, (f) => f.name === 'location', 'the place');
    await page.keyboard.type(kel.name);
    assert.equal(await page.locator('select[name="location"]').inputValue(), String(kel.id));

    await tabTo(page, (f) => f.name === 'title', 'the title');
    await page.keyboard.type('Lampu penerangan jalan padam sebulan');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Lanjut', 'the next button');
    await page.keyboard.press('Enter');
    await page.getByText('Langkah 2 dari 2').waitFor();

    await tabTo(page, (f) => f.name === 'description', 'the description');
    await page.keyboard.type('Sudah sebulan lampu di sepanjang jalan ini padam. Malam hari gelap dan rawan.');
    await tabTo(page, (f) => f.name === 'email', 'the email');
    await page.keyboard.type(email);
    await tabTo(page, (f) => f.name === 'consent', 'the consent');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('input[name="consent"]').isChecked(), true);
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Kirim aspirasi', 'the send button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/lacak\/[A-Za-z0-9_-]+\?baru=1$/);
    const code = /ASP-\d{4}-\d{6}/.exec((await page.getByText('Kode pelacakan Anda:').textContent()) ?? '')?.[0];
    assert.ok(code !== undefined, 'the tracking code is shown');

    // Tracking later, on another visit: the code and the email, then the link that arrives.
    await page.goto(`${j.served.baseUrl}/lacak`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.name === 'kode', 'the code field');
    await page.keyboard.type(code);
    await tabTo(page, (f) => f.name === 'kontak', 'the contact field');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForURL(/pesan=terkirim/);
    await j.served.app.outbox.deliverDue();
    const mail = j.mailbox.to(email).find((m) => m.text.includes('/lacak/'));
    await page.goto(`${j.served.baseUrl}${linkIn(mail)}`);
    await page.getByRole('heading', { name: 'Lampu penerangan jalan padam sebulan' }).waitFor();
    assert.ok((await page.locator('main').textContent())?.includes(code));
    await context.close();
  });
});

describe('a citizen who needs larger text', () => {
  test('chooses "Sangat besar" from the menu, without JavaScript, and every page after it is larger and still fits a phone', async () => {
    const context = await j.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    const usual = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    await page.getByText('Menu', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Ukuran teks' }).getByRole('link', { name: 'Sangat besar' }).click();
    await page.waitForURL(/teks=sangat-besar/);
    const larger = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(larger >= usual * 1.3, `${usual}px became ${larger}px`);

    for (const path of ['/agenda', '/aspirasi/baru', '/anggaran', '/istilah']) {
      await page.goto(`${j.served.baseUrl}${path}`);
      const size = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      assert.equal(size, larger, `${path} remembers the size`);
      assert.equal(await overflowsHorizontally(page), false, `${path} fits 360 px with larger text`);
    }
    // axe runs as a script: the same page with the same cookie, JavaScript on.
    const checker = await j.newContext({ viewport: phone, storageState: await context.storageState() });
    const twin = await checker.newPage();
    for (const path of ['/', '/istilah']) {
      await twin.goto(`${j.served.baseUrl}${path}`);
      assert.deepEqual(await axeViolations(twin), [], path);
    }
    await checker.close();

    await page.getByText('Menu', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Ukuran teks' }).getByRole('link', { name: 'Biasa' }).click();
    await page.goto(`${j.served.baseUrl}/agenda`);
    assert.equal(await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize)), usual);
    await context.close();
  });
});
