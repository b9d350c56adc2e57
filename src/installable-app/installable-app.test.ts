import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { dprd } from '../../test/helpers/reference.ts';
import { shortNameOf } from './routes.tsx';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
  shortcuts: { name: string; url: string }[];
}

describe('a phone can install the portal as an app', () => {
  test('every page links the manifest, the home-screen icon for iOS and the theme colour', async () => {
    const res = await t.app.inject('/agenda');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<link rel="manifest" href="\/manifest\.webmanifest"/);
    assert.match(res.body, /<link rel="apple-touch-icon" href="\/ikon\/apple-touch-icon\.png"/);
    assert.match(res.body, /<meta name="theme-color" content="#[0-9a-f]{6}"/);
  });

  test('the manifest names the council, opens standalone at the home page and offers the three shortcuts', async () => {
    const res = await t.app.inject('/manifest.webmanifest');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/manifest\+json/);
    const manifest = res.json<Manifest>();
    assert.equal(manifest.name, dprd.lembaga.nama);
    assert.ok(manifest.short_name.length <= 12, manifest.short_name);
    assert.equal(manifest.lang, 'id');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.scope, '/');
    assert.equal(manifest.display, 'standalone');
    const page = (await t.app.inject('/')).body;
    assert.ok(page.includes(`<meta name="theme-color" content="${manifest.theme_color}"`));
    assert.deepEqual(
      manifest.shortcuts.map((s) => [s.name, s.url]),
      [
        ['Sampaikan aspirasi', '/aspirasi/baru'],
        ['Lacak', '/lacak'],
        ['Agenda', '/agenda'],
      ],
    );
    for (const shortcut of manifest.shortcuts) {
      assert.equal((await t.app.inject(shortcut.url)).statusCode, 200, shortcut.url);
    }
  });

  test('each icon the manifest declares is a PNG of exactly its declared size, with both purposes present', async () => {
    const manifest = (await t.app.inject('/manifest.webmanifest')).json<Manifest>();
    const purposes = new Set(manifest.icons.map((i) => i.purpose));
    assert.deepEqual([...purposes].sort(), ['any', 'maskable']);
    assert.ok(manifest.icons.some((i) => i.sizes === '192x192' && i.purpose === 'any'));
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'any'));
    for (const icon of [...manifest.icons, { src: '/ikon/apple-touch-icon.png', sizes: '180x180' }]) {
      const res = await t.app.inject(icon.src);
      assert.equal(res.statusCode, 200, icon.src);
      assert.equal(res.headers['content-type'], 'image/png');
      const meta = await sharp(res.rawPayload).metadata();
      assert.equal(meta.format, 'png');
      assert.equal(`${meta.width}x${meta.height}`, icon.sizes, icon.src);
    }
  });

  test('a maskable icon fills its square with the theme colour, so a launcher’s crop shows no transparent corner', async () => {
    const manifest = (await t.app.inject('/manifest.webmanifest')).json<Manifest>();
    const maskable = manifest.icons.find((i) => i.purpose === 'maskable');
    assert.ok(maskable);
    const png = (await t.app.inject(maskable.src)).rawPayload;
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const corner = [...data.subarray(0, info.channels)];
    const hex = `#${corner
      .slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;
    assert.equal(hex, manifest.theme_color);
    if (info.channels === 4) assert.equal(corner[3], 255);
  });

  test('an icon that does not exist is a plain 404', async () => {
    const res = await t.app.inject('/ikon/1024.png');
    assert.equal(res.statusCode, 404);
    const long = await t.app.inject(`/ikon/${'a'.repeat(200)}`);
    assert.ok(long.statusCode >= 400 && long.statusCode < 500, String(long.statusCode));
  });
});

describe('the service worker keeps the app shell and the pages a person read', () => {
  test('/sw.js is a script from the root, never kept long, whose shell files all exist', async () => {
    const res = await t.app.inject('/sw.js');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const settings = JSON.parse(/^self\.DT=(.*);$/m.exec(res.body)?.[1] ?? 'null') as {
      shell: string[];
      offlinePage: string;
      neverKept: string[];
      drafts: { form: string; offlineForm: string; send: string; queue: string; texts: Record<string, unknown> };
    };
    assert.ok(settings.shell.length >= 3);
    // The queue page's script is kept with the shell, so the queue opens with no signal.
    assert.ok(
      settings.shell.some((file) => /\/static\/assets\/chunk\.[A-Z0-9]+\.js$/.test(file)),
      'the drafts queue chunk is in the shell',
    );
    for (const file of [...settings.shell, settings.offlinePage, settings.drafts.offlineForm, settings.drafts.queue]) {
      assert.equal((await t.app.inject(file)).statusCode, 200, file);
    }
    assert.deepEqual(Object.keys(settings.drafts.texts).sort(), ['en', 'id']);
    // Pages holding a person's own data are never written to the phone.
    for (const path of ['/akun', '/kelola', '/masuk']) assert.ok(settings.neverKept.includes(path), path);
  });

  test('every page registers the worker from the bundled script, not from inline script', async () => {
    const page = (await t.app.inject('/')).body;
    assert.doesNotMatch(page, /<script>(?!<\/script>)/);
    const main = /<script type="module" src="([^"]+)"/.exec(page)?.[1];
    assert.ok(main, 'the page loads the main bundle');
    const bundle = (await t.app.inject(main)).body;
    assert.ok(bundle.includes('/sw.js'));
  });

  test('the offline page explains, in the visitor’s language, why the page is not there', async () => {
    const id = await t.app.inject('/luring');
    assert.equal(id.statusCode, 200);
    assert.match(id.body, /Anda sedang luring/);
    const en = await t.app.inject('/luring?lang=en');
    assert.match(en.body, /You are offline/);
  });
});

describe('the short name under the icon', () => {
  test('keeps a short name, drops the region’s kind, and never runs past 12 letters', () => {
    assert.equal(shortNameOf('DPRD Bogor'), 'DPRD Bogor');
    assert.equal(shortNameOf('DPRD Kota Bekasi'), 'DPRD Bekasi');
    assert.equal(shortNameOf('DPRD Kabupaten Bandung'), 'DPRD Bandung');
    assert.ok(shortNameOf('DPRD Kabupaten Kepulauan Seribu').length <= 12);
  });
});
