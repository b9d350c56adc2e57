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
      for (const heading of ['Tombol', 'Ringkasan kesalahan', 'Pilihan dan centang', 'Tabel', 'Lini masa'])
        await page.getByRole('heading', { name: heading }).waitFor();
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
      assert.equal(await overflowsHorizontally(page), false, `${viewport.width} px: no sideways scroll`);
      problems.push(...(await pageProblems(j, page, `/kelola/komponen at ${viewport.width} px`)));
      const file = path.join(folder, `komponen-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 10_000, 'the screenshot holds the page');
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});
