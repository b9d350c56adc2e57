import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const sizeOf = (html: string) => /<html[^>]*? class="text-([a-z-]+)"/.exec(html)?.[1] ?? 'biasa';

describe('a visitor chooses a larger text, and the portal remembers it', () => {
  test('every page offers the three sizes as plain links that keep the page and its other parameters', async () => {
    const res = await t.app.inject('/aspirasi?q=jalan');
    assert.equal(res.statusCode, 200);
    const nav = /<nav class="text-size[^"]*" aria-label="Ukuran teks">([\s\S]*?)<\/nav>/.exec(res.body)?.[1];
    assert.ok(nav !== undefined, 'the control is on the page');
    assert.match(nav, /<span class="text-size-biasa" aria-current="true">Biasa<\/span>/);
    assert.match(nav, /href="\/aspirasi\?q=jalan&amp;teks=besar"[^>]*>Besar</);
    assert.match(nav, /href="\/aspirasi\?q=jalan&amp;teks=sangat-besar"[^>]*>Sangat besar</);
    const en = await t.app.inject('/aspirasi?lang=en');
    assert.match(en.body, /aria-label="Text size"/);
    assert.match(en.body, />Larger</);
  });

  test('choosing "Besar" enlarges this page and the next ones; "Biasa" goes back and forgets', async () => {
    const chosen = await t.app.inject('/agenda?teks=besar');
    assert.equal(chosen.statusCode, 200);
    assert.equal(sizeOf(chosen.body), 'besar');
    const cookie = chosen.cookies.find((c) => c.name === 'teks');
    assert.ok(cookie !== undefined);
    assert.equal(cookie.value, 'besar');
    assert.equal(cookie.httpOnly, true);
    assert.ok(Number(cookie.maxAge) >= 300 * 24 * 3600, 'remembered for months');
    assert.match(chosen.body, /<span class="text-size-besar" aria-current="true">Besar<\/span>/);

    const next = await t.app.inject({ url: '/perda', cookies: { teks: 'besar' } });
    assert.equal(sizeOf(next.body), 'besar');
    assert.equal(next.cookies.length, 0, 'nothing new to remember');

    const back = await t.app.inject({ url: '/perda?teks=biasa', cookies: { teks: 'besar' } });
    assert.equal(sizeOf(back.body), 'biasa');
    const cleared = back.cookies.find((c) => c.name === 'teks');
    assert.ok(cleared !== undefined && cleared.value === '', 'the choice is forgotten');
  });

  test('a size that does not exist, in the address or in a cookie, is the usual size, never an error', async () => {
    for (const request of [
      { url: '/?teks=raksasa' },
      { url: '/?teks=' },
      { url: '/', cookies: { teks: '<script>' } },
      { url: '/?teks=besar&teks=biasa' },
    ]) {
      const res = await t.app.inject(request);
      assert.equal(res.statusCode, 200, JSON.stringify(request));
      assert.equal(sizeOf(res.body), 'biasa', JSON.stringify(request));
      assert.equal(
        res.cookies.some((c) => c.name === 'teks' && c.value !== ''),
        false,
      );
    }
  });

  test('the choice is a preference, not a session: a signed-out form still works with it', async () => {
    const form = await t.app.inject({ url: '/aspirasi/baru', cookies: { teks: 'sangat-besar' } });
    assert.equal(form.statusCode, 200);
    assert.equal(sizeOf(form.body), 'sangat-besar');
    assert.match(form.body, /name="_csrf"/);
  });
});
