import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import sharp from 'sharp';
import { getCouncil } from '../../src/council/service.ts';
import { axeViolations, journey, overflowsHorizontally } from '../helpers/browser.ts';

// A tile server on loopback: every tile is the same small grey square, and each request is counted.
const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#dde' } })
  .png()
  .toBuffer();
let tilesServed = 0;
const tiles = createServer((_req, res) => {
  tilesServed++;
  res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
  res.end(tile);
});
await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => tiles.close(() => resolve())));
const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;

const j = journey({ MAP_TILE_URL: tileUrl, MAP_ATTRIBUTION: 'Peta uji' });
const phone = { width: 360, height: 740 };

describe('an aspiration with a pin, JavaScript on', () => {
  test("a citizen pins the place from the phone's location and on the map; the list shows it on a map", async () => {
    const structure = await getCouncil(j.served.database.db);
    const kec = structure.kecamatan.find((k) => k.name === 'Jatiasih');
    const kel = kec?.kelurahan[1];
    assert.ok(kel?.lat != null && kel.lon != null);
    const context = await j.newContext({
      viewport: phone,
      geolocation: { latitude: kel.lat + 0.0004, longitude: kel.lon - 0.0003 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${j.served.baseUrl}/aspirasi/baru`);
    await page.locator('#kind-aspirasi').check();
    await page.getByLabel('Kategori').selectOption('transportasi');
    await page.getByLabel('Judul singkat').fill('Halte rusak dekat pasar');
    // The location select is left empty: the pin from the phone is enough.
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText(/^Titik lokasi: -6\./).waitFor();
    await page.getByRole('button', { name: 'Tandai lokasi di peta' }).click();
    await page.locator('.leaflet-container').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0);
    assert.ok(tilesServed > 0, 'tiles come from the configured tile server');
    // This context runs JavaScript, so axe checks the page as it is, with the map open.
    problems.push(...(await axeViolations(page)).map((v) => `/aspirasi/baru with a map: ${v}`));
    const before = await page.getByText(/^Titik lokasi:/).textContent();
    await page.locator('.leaflet-container').click({ position: { x: 120, y: 90 } });
    await page.waitForFunction((old) => document.querySelector('.pin [role="status"]')?.textContent !== old, before);
    const pinned = /Titik lokasi: (-?[\d.]+), (-?[\d.]+)/.exec(
      (await page.getByText(/^Titik lokasi:/).textContent()) ?? '',
    );
    assert.ok(pinned !== null);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText('Langkah 2 dari 2').waitFor();
    await page.getByText(`, ${kec?.name}`).first().waitFor();
    await page.getByLabel('Uraian').fill('Atap halte roboh, penumpang kehujanan menunggu angkot.');
    await page.getByLabel('Email').fill('pin.peta@example.org');
    await page.getByLabel('Saya setuju data pribadi saya diproses').check();
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await page.waitForURL(/\/lacak\//);
    const stored = await j.served.database.db
      .selectFrom('aspiration')
      .select(['lat', 'lon', 'kecamatan_id', 'code'])
      .where('title', '=', 'Halte rusak dekat pasar')
      .executeTakeFirstOrThrow();
    assert.equal(stored.lat?.toFixed(6), Number(pinned[1]).toFixed(6));
    assert.equal(stored.lon?.toFixed(6), Number(pinned[2]).toFixed(6));

    await page.goto(`${j.served.baseUrl}/aspirasi`);
    await page.getByRole('button', { name: 'Lihat di peta' }).click();
    await page.locator('.leaflet-interactive').first().waitFor();
    await page.locator('.leaflet-interactive').first().click();
    await page.getByRole('link', { name: new RegExp(stored.code) }).waitFor();
    problems.push(...(await axeViolations(page)).map((v) => `/aspirasi with a map: ${v}`));
    if (await overflowsHorizontally(page)) problems.push('/aspirasi with a map: scrolls sideways at 360 px');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
