import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { journey, overflowsHorizontally, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();

describe('the component page, as every page is built', () => {
  test('every component in each state fits a 360 px phone and a 1280 px screen and passes axe', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'komponen-'));
    const staff = await createUser(j.served, 'staff');
    const problems: string[] = [];
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const context = await j.newContext({ javaScriptEnabled: false, viewport });
      const page = await signInAs(j, context, staff);
      await page.goto(`${j.served.baseUrl}/kelola/komponen`);
      await page.getByRole('heading', { name: 'Komponen tampilan' }).waitFor();
      // Each kind of part is there, rendered by the code the pages use.
      for (const heading of [
        'Tombol',
        'Ringkasan kesalahan',
        'Lebar isian',
        'Pilihan dan centang',
        'Pemberitahuan',
        'Tab, remah roti dan tautan kembali',
        'Grafik dengan tabelnya',
        'Tabel',
        'Lini masa',
      ])
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Tidak aktif' }).isDisabled(), true);
      // A radio's label stands beside it, not under it.
      const radio = await page.locator('#contoh-jenis-a').boundingBox();
      const label = await page.locator('label[for="contoh-jenis-a"]').boundingBox();
      assert.ok(radio !== null && label !== null && label.x > radio.x + radio.width - 1, 'label beside the radio');
      assert.ok(Math.abs(label.y - radio.y) < radio.height, 'on the same line');
      // A button is never the browser's own: it has the primary colour.
      const background = await page
        .getByRole('button', { name: 'Utama' })
        .evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(background, 'rgb(26, 127, 55)');
      // The warning button has the error colour; a secondary one is not primary.
      const warning = await page
        .getByRole('button', { name: 'Peringatan' })
        .evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(warning, 'rgb(180, 35, 24)');
      // Focus is seen: a button reached by the keyboard wears the yellow ring.
      await page.getByRole('button', { name: 'Utama' }).focus();
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        return { text: active.textContent, outline: getComputedStyle(active).outlineColor };
      });
      assert.equal(ring.outline, 'rgb(255, 191, 71)', `focus ring on ${ring.text}`);
      // Width classes: a 5-character field is narrower than a 20-character one, both within the screen.
      const narrow = await page.locator('#contoh-lebar-5').boundingBox();
      const wide = await page.locator('#contoh-lebar-20').boundingBox();
      assert.ok(narrow !== null && wide !== null && narrow.width < wide.width, 'width-5 < width-20');
      // Short choices stand side by side.
      const ya = await page.locator('#contoh-jajar-ya').boundingBox();
      const tidak = await page.locator('#contoh-jajar-tidak').boundingBox();
      assert.ok(ya !== null && tidak !== null && Math.abs(ya.y - tidak.y) < 2, 'inline radios on one row');
      // The current tab and the current breadcrumb are marked for screen readers.
      assert.equal(await page.locator('.tabs [aria-current="page"]').count(), 1);
      assert.equal(await page.locator('.breadcrumb [aria-current="page"]').count(), 1);
      // Banners of each kind, each saying its kind in words and colour.
      for (const tone of ['success', 'important', 'warning', 'error'])
        assert.equal((await page.locator(`.banner-${tone}`).count()) > 0, true, `a ${tone} banner`);
      assert.equal(await overflowsHorizontally(page), false, `${viewport.width} px: no sideways scroll`);
      problems.push(...(await pageProblems(j, page, `/kelola/komponen at ${viewport.width} px`)));
      const file = path.join(folder, `komponen-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 10_000, 'the screenshot holds the page');
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('a file field lists the files chosen, by name and size, when JavaScript runs', async () => {
    const staff = await createUser(j.served, 'staff');
    const context = await j.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signInAs(j, context, staff);
    await page.goto(`${j.served.baseUrl}/kelola/komponen`);
    await page.getByLabel('Foto (paling banyak 5, tidak wajib)').setInputFiles([
      { name: 'jalan-rusak.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(2048) },
      { name: 'genangan.png', mimeType: 'image/png', buffer: Buffer.alloc(3 * 1024 * 1024) },
    ]);
    const items = page.locator('.file-list li');
    await items.nth(1).waitFor();
    assert.deepEqual(await items.allTextContents(), ['jalan-rusak.jpg (2 KB)', 'genangan.png (3 MB)']);
    await context.close();
  });
});
