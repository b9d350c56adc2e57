import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, journey, overflowsHorizontally } from '../helpers/browser.ts';
import { anggota, dprd, komisiOf, wilayah } from '../helpers/reference.ts';

const j = journey();
const newContext = j.newContext;

const phone = { width: 360, height: 740 };

describe('a citizen on a phone finds their representatives', () => {
  test('with JavaScript off: home page, then the member filter as a plain form', async () => {
    const context = await newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/`);
    assert.equal(await page.locator('h1').textContent(), dprd.lembaga.nama);

    // On a phone the menu is folded behind "Menu".
    await page.getByText('Menu', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Anggota' }).click();
    await page.waitForURL(/\/anggota$/);
    assert.equal(await page.locator('main li.card').count(), anggota.length);

    await page.getByLabel('Dapil').selectOption('2');
    await page.getByLabel('Komisi').selectOption('komisi-iv');
    // Without JavaScript nothing happens until the button is pressed.
    assert.match(page.url(), /\/anggota$/);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/dapil=2/);
    const expected = anggota.filter((m) => m.dapil === 2 && komisiOf(m.nama) === 'Komisi IV').map((m) => m.nama);
    const shown = await page.locator('main li.card h2').allTextContents();
    assert.deepEqual(new Set(shown), new Set(expected));
    assert.equal(await page.getByLabel('Dapil').inputValue(), '2', 'the form keeps the chosen filter');

    await page.getByRole('link', { name: shown[0] ?? '' }).click();
    await page.waitForURL(/\/anggota\/[a-z0-9-]+$/);
    assert.equal(await page.locator('h1').textContent(), shown[0]);
    await context.close();
  });

  test('with JavaScript on: changing a filter applies it at once', async () => {
    const context = await newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/anggota`);
    await page.getByLabel('Fraksi').selectOption('fraksi-pks');
    await page.waitForURL(/fraksi=fraksi-pks/);
    const shown = await page.locator('main li.card h2').allTextContents();
    assert.deepEqual(new Set(shown), new Set(anggota.filter((m) => m.fraksi === 'Fraksi PKS').map((m) => m.nama)));
    await context.close();
  });

  test('the dapil lookup answers from a kelurahan, in English too', async () => {
    const context = await newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/?lang=en`);
    const kecamatan = wilayah.find((k) => k.nama === 'Pondok Gede');
    const kelurahan = kecamatan?.kelurahan[0];
    assert.ok(kecamatan && kelurahan);
    await page.getByLabel('Kelurahan').selectOption(kelurahan.kode_kemendagri);
    await page.getByRole('button', { name: 'Find my district' }).click();
    await page.waitForURL(/\/dapil\?kelurahan=/);
    const dapil = dprd.dapil.find((d) => d.kecamatan.includes(kecamatan.nama));
    assert.equal(
      (await page.getByRole('status').textContent())?.trim(),
      `Kelurahan ${kelurahan.nama}, Kecamatan ${kecamatan.nama}, is in district ${dapil?.no}.`,
    );
    await context.close();
  });
});

describe('every page is accessible and fits a 360 px screen', () => {
  test('axe-core finds no violation, in either language, on any page', async () => {
    const context = await newContext({ viewport: phone });
    const page = await context.newPage();
    const members = await j.served.app.inject('/api/v1/members');
    const slug = members.json<{ data: { slug: string }[] }>().data[0]?.slug;
    const kelurahan = wilayah[0]?.kelurahan[0]?.kode_kemendagri;
    const pages = [
      '/',
      '/anggota',
      '/anggota?dapil=1&fraksi=&komisi=',
      '/anggota?fraksi=fraksi-tidak-ada',
      `/anggota/${slug}`,
      '/dapil',
      `/dapil?kelurahan=${kelurahan}`,
      '/dapil?kelurahan=99.99',
      '/anggota?dapil=x',
      '/halaman-tidak-ada',
      '/api/docs',
    ];
    const problems: string[] = [];
    for (const lang of ['id', 'en']) {
      for (const path of pages) {
        const url = `${j.served.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
        await page.goto(url);
        for (const v of await axeViolations(page)) problems.push(`${path} [${lang}]: ${v}`);
        if (await overflowsHorizontally(page)) problems.push(`${path} [${lang}]: scrolls sideways at 360 px`);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
