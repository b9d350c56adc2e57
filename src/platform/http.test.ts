import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { publicDir } from './assets.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({
    routes: [
      // A page and an API route that fail the way a bug would, to see what a visitor gets.
      async (site) => {
        site.get('/uji/rusak', { config: { access: 'public' } }, async () => {
          throw new Error('secret internal detail');
        });
        site.get('/api/v1/uji-rusak', { config: { access: 'public' } }, async () => {
          throw new Error('secret internal detail');
        });
      },
    ],
  });
});
after(() => t.close());

describe('every page is served safely', () => {
  test('with a strict content security policy and the other security headers', async () => {
    const res = await t.app.inject('/');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'plain http must not be upgraded');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['permissions-policy'] as string, /camera=\(\)/);
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.match(String(res.headers['x-request-id']), /\S/);
    // Error pages and missing pages carry them too.
    const missing = await t.app.inject('/tidak-ada');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['content-security-policy'], csp);
    assert.equal((await t.app.inject('/uji/rusak')).headers['content-security-policy'], csp);
  });

  test('with HSTS and upgraded requests when the public address is https', async () => {
    const secure = await buildTestApp({ env: { PUBLIC_BASE_URL: 'https://dprd.example.go.id' } });
    try {
      const res = await secure.app.inject('/');
      assert.match(res.headers['strict-transport-security'] as string, /max-age=31536000/);
      assert.match(res.headers['content-security-policy'] as string, /upgrade-insecure-requests/);
      // A probe's answer too is only ever fetched over https.
      const probe = await secure.app.inject('/healthz');
      assert.match(probe.headers['strict-transport-security'] as string, /max-age=31536000/);
    } finally {
      await secure.close();
    }
  });

  test('pages carry no inline script or style', async () => {
    for (const url of ['/', '/anggota', '/dapil', '/api/docs', '/tidak-ada']) {
      const res = await t.app.inject(url);
      // schema.org data (type application/ld+json) is a data block that browsers never run.
      assert.doesNotMatch(
        res.body,
        /<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/,
        `${url} has an inline script`,
      );
      for (const block of res.body.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g))
        assert.doesNotThrow(() => JSON.parse(block[1] ?? ''), `${url}: its data block is JSON and nothing else`);
      assert.doesNotMatch(res.body, /\sstyle="/, `${url} has an inline style`);
      assert.doesNotMatch(res.body, /\son[a-z]+="/, `${url} has an inline event handler`);
    }
  });
});

describe('input the database cannot hold', () => {
  test('a NUL character in a search, a form or an API query is a 400 with words, never an error page', async () => {
    for (const url of [
      '/aspirasi?q=a%00b',
      '/perda?q=%00',
      '/agenda?q=%00',
      '/proyek?opd=%00',
      '/api/v1/aspirations?q=%00',
    ]) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /karakter yang tidak dapat disimpan/, url);
    }
    const page = await t.app.inject('/lacak');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
    const form = await t.app.inject({
      method: 'POST',
      url: '/lacak',
      payload: new URLSearchParams({ _csrf: csrf, kode: 'ASP-2026-000001', kontak: 'a\u0000b@example.org' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies,
    });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /karakter yang tidak dapat disimpan/);
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/aspirasi/kirim',
      payload: `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nJalan\u0000rusak\r\n--b--\r\n`,
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      cookies,
    });
    assert.equal(multipart.statusCode, 400);
    assert.match(multipart.body, /karakter yang tidak dapat disimpan/);
  });
});

describe('pages are quick to load again', () => {
  test('a page that has not changed answers 304 to a conditional GET', async () => {
    const first = await t.app.inject('/anggota');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const again = await t.app.inject({ url: '/anggota', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await t.app.inject({ url: '/anggota?dapil=1', headers: { 'if-none-match': etag } });
    assert.equal(other.statusCode, 200);
    // A browser may send several tags, and the strong form of a weak one (RFC 9110 §13.1.2).
    const listed = await t.app.inject({ url: '/anggota', headers: { 'if-none-match': `"lain", ${etag}` } });
    assert.equal(listed.statusCode, 304);
    const strong = await t.app.inject({ url: '/anggota', headers: { 'if-none-match': etag.replace(/^W\//, '') } });
    assert.equal(strong.statusCode, 304);
  });

  test('an API answer is tagged too, and a changed one is sent whole', async () => {
    const first = await t.app.inject('/api/v1/dapil');
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"/);
    const again = await t.app.inject({ url: '/api/v1/dapil', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    const stale = await t.app.inject({ url: '/api/v1/dapil', headers: { 'if-none-match': 'W/"usang"' } });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.body, first.body);
  });

  test('what is never revalidated gets no tag: error pages and answers not to be stored', async () => {
    for (const url of ['/tidak-ada', '/healthz', '/readyz']) {
      const res = await t.app.inject(url);
      assert.equal(res.headers.etag, undefined, url);
      // Even asked with any tag at all, an error page is the error page.
      const asked = await t.app.inject({ url, headers: { 'if-none-match': '*' } });
      assert.equal(asked.statusCode, res.statusCode, url);
    }
  });

  test('pages are compressed for browsers that accept it, in one piece with their length', async () => {
    // The members' page is a page of some size (26 KB with the demo council), not kept (no cache
    // here): compressed as it is answered, in one call, so its length is known and sent.
    const plain = await t.app.inject('/anggota');
    assert.ok(plain.rawPayload.length > 16 * 1024, `the members' page is ${plain.rawPayload.length} bytes`);
    const br = await t.app.inject({ url: '/anggota', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    const gz = await t.app.inject({ url: '/anggota', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
    for (const res of [br, gz]) {
      assert.equal(res.headers['content-length'], String(res.rawPayload.length));
      assert.equal(res.headers['transfer-encoding'], undefined);
      assert.match(String(res.headers.vary), /accept-encoding/i);
    }
  });

  test('style sheet and script have hashed names and are cached for a year', async () => {
    const page = await t.app.inject('/');
    const css = /<link rel="stylesheet" href="(\/static\/assets\/main\.[A-Z0-9]+\.css)"/.exec(page.body)?.[1];
    const js = /<script type="module" src="(\/static\/assets\/main\.[A-Z0-9]+\.js)"/.exec(page.body)?.[1];
    assert.ok(css && js);
    for (const url of [css, js]) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      // Compressed at build time and sent as they are: the same bytes as the build's .br/.gz.
      const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), res.body);
      const built = readFileSync(path.join(publicDir, url.replace('/static/', ''), '..', `${path.basename(url)}.br`));
      assert.ok(br.rawPayload.equals(built), `${url} is the file compressed at build time`);
      const gz = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), res.body);
    }
    const icon = await t.app.inject('/favicon.ico');
    assert.equal(icon.statusCode, 301);
    assert.equal(icon.headers.location, '/static/favicon.svg');
    const missing = await t.app.inject('/static/assets/tidak-ada.css');
    assert.equal(missing.statusCode, 404);
  });

  test('over HTTP, a built file is answered before routing with the bytes and headers of the route', async () => {
    const page = await t.app.inject('/');
    const css = /<link rel="stylesheet" href="(\/static\/assets\/main\.[A-Z0-9]+\.css)"/.exec(page.body)?.[1];
    assert.ok(css);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const raw = await fetch(`${base}${css}`, { headers: { 'accept-encoding': 'br' } });
    const routed = await t.app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
    assert.equal(raw.status, 200);
    // fetch decodes brotli itself: the text is the file's.
    assert.equal(await raw.text(), (await t.app.inject(css)).body);
    for (const name of [
      'content-encoding',
      'content-type',
      'cache-control',
      'etag',
      'vary',
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
    ])
      assert.equal(raw.headers.get(name), String(routed.headers[name]), name);
    assert.match(raw.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const again = await fetch(`${base}${css}`, { headers: { 'if-none-match': String(routed.headers.etag) } });
    assert.equal(again.status, 304);
    // What is not a plain GET of a known file is Fastify's: HEAD, and a name that is not there.
    assert.equal((await fetch(`${base}${css}`, { method: 'HEAD' })).status, 200);
    assert.equal((await fetch(`${base}/static/assets/tidak-ada.css`)).status, 404);

    // The emblem every page names as its icon: held in memory, compressed once, kept for an hour.
    const emblem = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
    for (const encoding of ['br', 'gzip']) {
      const icon = await fetch(`${base}/static/favicon.svg`, { headers: { 'accept-encoding': encoding } });
      assert.equal(icon.status, 200);
      assert.equal(icon.headers.get('content-encoding'), encoding);
      assert.equal(await icon.text(), emblem, 'the file, decoded');
    }
    const icon = await fetch(`${base}/static/favicon.svg`);
    const fromStatic = await t.app.inject('/static/favicon.svg');
    assert.equal(await icon.text(), emblem);
    for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options'])
      assert.equal(icon.headers.get(name), String(fromStatic.headers[name]), name);
    const unchanged = await fetch(`${base}/static/favicon.svg`, {
      headers: { 'if-none-match': icon.headers.get('etag') ?? '' },
    });
    assert.equal(unchanged.status, 304);
    const early = t.logs.filter((l) => l.url === '/static/favicon.svg' && l.msg === 'answered' && l.raw === true);
    assert.equal(early.length, 4, 'each GET of the emblem was answered before routing');
  });

  test('when the portal turns pages away under load, its style sheet and script are still served', async () => {
    // One request in flight is the limit; a form still being sent holds that place.
    const busy = await buildTestApp({ env: { OVERLOAD_MAX_IN_FLIGHT: '1' } });
    after(() => busy.close());
    const home = await busy.app.inject('/');
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)?.[1];
    const js = /<script type="module" src="([^"]+)"/.exec(home.body)?.[1];
    assert.ok(css && js);
    const base = await busy.app.listen({ port: 0, host: '127.0.0.1' });
    // The guard judges only a second after the start.
    await new Promise((r) => setTimeout(r, 1100));
    const slow = await holdOnePlace(base);
    try {
      const page = await fetch(`${base}/anggota`);
      assert.equal(page.status, 503, 'a page is turned away');
      for (const url of [css, js, '/static/favicon.svg']) {
        const file = await fetch(`${base}${url}`, { headers: { 'accept-encoding': 'br' } });
        assert.equal(file.status, 200, url);
        assert.ok((await file.text()).length > 100);
        assert.equal((await fetch(`${base}${url}`, { method: 'HEAD' })).status, 200, `HEAD ${url}`);
      }
    } finally {
      slow.destroy();
    }
  });
});

/** A form still being sent, which holds a place among the requests in flight until it is destroyed. */
async function holdOnePlace(base: string) {
  const slow = connect(Number(new URL(base).port), '127.0.0.1');
  await new Promise((r) => slow.once('connect', r));
  slow.write(
    'POST /aspirasi/kirim HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nkind=',
  );
  // The request has reached the server and is counted.
  await new Promise((r) => setTimeout(r, 200));
  return slow;
}

describe('when the portal is too busy', () => {
  test('a page it kept a moment ago is served instead of "busy"; a page it never kept is turned away', async () => {
    // One request in flight is the limit; pages are kept for a second.
    const busy = await buildTestApp({ env: { OVERLOAD_MAX_IN_FLIGHT: '1', PAGE_CACHE_SECONDS: '1' } });
    after(() => busy.close());
    const base = await busy.app.listen({ port: 0, host: '127.0.0.1' });
    const first = await fetch(`${base}/anggota`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.status, 200);
    const page = await first.text();
    // Past the copy's second, and past the guard's first second after the start.
    await new Promise((r) => setTimeout(r, 1100));
    const slow = await holdOnePlace(base);
    try {
      const kept = await fetch(`${base}/anggota`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(kept.status, 200, 'the kept page, a little past its time');
      assert.equal(kept.headers.get('content-encoding'), 'br');
      assert.equal(await kept.text(), page);
      assert.equal(kept.headers.get('etag'), first.headers.get('etag'));
      assert.match(kept.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const again = await fetch(`${base}/anggota`, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
      assert.equal(again.status, 304, 'a browser holding it is told it is unchanged');
      const never = await fetch(`${base}/agenda`);
      assert.equal(never.status, 503, 'a page not kept is turned away');
      assert.match(await never.text(), /Sedang sibuk/);
      const signedIn = await fetch(`${base}/anggota`, { headers: { cookie: 'sid=abc' } });
      assert.equal(signedIn.status, 503, 'someone with a session never gets a kept copy');
      const sent = await fetch(`${base}/anggota`, { method: 'POST' });
      assert.equal(sent.status, 503, 'nor does anything but a GET');
    } finally {
      slow.destroy();
    }
    const logged = busy.logs.filter((l) => l.url === '/anggota' && l.msg === 'answered' && l.status === 200);
    assert.ok(logged.length >= 2, 'the kept answers are logged like any other');
  });
});

describe('when the event loop is slow', () => {
  test('requests that each hold the loop a while are served; a loop held up past the limit turns them away', async () => {
    const slow = await buildTestApp({
      env: { OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '1000', PAGE_CACHE_SECONDS: '1' },
      routes: [
        // Work that holds the event loop, as a query on the embedded database does.
        async (site) => {
          site.get<{ Querystring: { ms: string } }>(
            '/uji/lambat',
            { config: { access: 'public' } },
            async (request) => {
              const until = performance.now() + Number(request.query.ms);
              while (performance.now() < until);
              return 'selesai';
            },
          );
        },
      ],
    });
    after(() => slow.close());
    const base = await slow.app.listen({ port: 0, host: '127.0.0.1' });
    // The guard judges only a second after the start.
    await new Promise((r) => setTimeout(r, 1100));
    // Four visitors at a time, each answer holding the loop 150 ms: the loop is always busy, but
    // never a second late.
    const statuses: number[] = [];
    // Each address is asked once, so none is kept and every answer holds the loop.
    const visitor = async (v: number) => {
      for (let i = 0; i < 6; i++) statuses.push((await fetch(`${base}/uji/lambat?ms=150&n=${v}-${i}`)).status);
    };
    await Promise.all([0, 1, 2, 3].map(visitor));
    assert.deepEqual(
      statuses.filter((s) => s !== 200),
      [],
      'none turned away',
    );
    // A page kept for a second, just before the loop is held up.
    const members = await fetch(`${base}/anggota`);
    assert.equal(members.status, 200);
    const membersPage = await members.text();
    // One answer holding the loop 1.5 s: the requests that waited behind it are turned away…
    const held = fetch(`${base}/uji/lambat?ms=1500`);
    await new Promise((r) => setTimeout(r, 50));
    const behind = fetch(`${base}/uji/lambat?ms=0`);
    const keptBehind = fetch(`${base}/anggota`);
    assert.equal((await held).status, 200);
    const refused = await behind;
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), slow.config.overload.retryAfterSeconds.toString());
    // …except a page kept a moment ago, whose copy (past its second) is served instead.
    const kept = await keptBehind;
    assert.equal(kept.status, 200, 'the kept page, not "busy"');
    assert.equal(await kept.text(), membersPage);
    // …and once the loop keeps time again, requests are served.
    await new Promise((r) => setTimeout(r, 600));
    assert.equal((await fetch(`${base}/uji/lambat?ms=0`)).status, 200);
  });
});

describe('language', () => {
  test('Indonesian is the default and ?lang=en switches and is remembered', async () => {
    const id = await t.app.inject('/anggota');
    assert.match(id.body, /<html lang="id">/);
    assert.match(id.body, /Anggota DPRD/);
    const en = await t.app.inject('/anggota?lang=en');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Council members/);
    const cookie = en.cookies.find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en');
    assert.equal(cookie?.httpOnly, true);
    const remembered = await t.app.inject({ url: '/', cookies: { lang: 'en' } });
    assert.match(remembered.body, /Who represents me\?/);
    const back = await t.app.inject({ url: '/?lang=id', cookies: { lang: 'en' } });
    assert.match(back.body, /Siapa wakil saya\?/);
  });

  test('the language switch keeps the rest of the address', async () => {
    const res = await t.app.inject('/anggota?dapil=2&fraksi=fraksi-pks');
    assert.match(res.body, /href="\/anggota\?dapil=2&amp;fraksi=fraksi-pks&amp;lang=en"/);
  });

  test('an unknown language falls back to the default', async () => {
    const res = await t.app.inject('/?lang=fr');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="id">/);
  });
});

describe('errors', () => {
  test('an unknown address is a 404 page in the reader’s language', async () => {
    const id = await t.app.inject('/halaman-yang-tidak-ada');
    assert.equal(id.statusCode, 404);
    assert.match(id.body, /<h1>Halaman tidak ditemukan<\/h1>/);
    const en = await t.app.inject('/halaman-yang-tidak-ada?lang=en');
    assert.match(en.body, /<h1>Page not found<\/h1>/);
  });

  test('a fault is a 500 page with a reference code, and the trace only in the log', async () => {
    for (const lang of ['id', 'en']) {
      const res = await t.app.inject(`/uji/rusak?lang=${lang}`);
      assert.equal(res.statusCode, 500);
      assert.match(res.body, lang === 'id' ? /Terjadi kesalahan/ : /Something went wrong/);
      assert.doesNotMatch(res.body, /secret internal detail|at .*\.ts:\d+/);
      const id = res.headers['x-request-id'] as string;
      assert.ok(res.body.includes(id), 'the page names the request id');
      const logged = t.logs.find((l) => l.reqId === id && l.level === 50);
      assert.ok(logged, 'the error is logged with the request id');
      assert.match(JSON.stringify(logged), /secret internal detail/);
    }
  });

  test('the API answers faults with problem+json and no detail of the fault', async () => {
    const res = await t.app.inject('/api/v1/uji-rusak');
    assert.equal(res.statusCode, 500);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.doesNotMatch(res.body, /secret internal detail/);
  });

  test('a request id from the proxy is kept, a malformed one replaced', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(kept.headers['x-request-id'], 'abc-123');
    const replaced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    assert.match(replaced.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  test('/healthz and /readyz say the service and its database are up', async () => {
    const live = await t.app.inject('/healthz');
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok' });
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json<{ status: string }>().status, 'ok');
  });

  test('a probe is answered outside the site: no cookie set, no session looked up, the security headers of a machine answer', async () => {
    const res = await t.app.inject({
      url: '/healthz?lang=en&teks=besar',
      headers: { cookie: 'sid=tidak-ada-sesi-seperti-ini' },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
    // A page would remember the language and text size, and clear a session cookie it cannot find.
    assert.equal(res.headers['set-cookie'], undefined);
    // Nothing may load from it, frame it or sniff it; what governs a document is left to pages.
    assert.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['permissions-policy'], undefined);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(String(res.headers['x-request-id']), /\S/);
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.headers['content-security-policy'], res.headers['content-security-policy']);
    const page = await t.app.inject({
      url: '/?lang=en&teks=besar',
      headers: { cookie: 'sid=tidak-ada-sesi-seperti-ini' },
    });
    assert.ok(page.headers['set-cookie'] !== undefined, 'the same request to a page sets its cookies');
  });

  test('a fault outside the site is problem+json with no detail of the fault, and logged', async () => {
    const probes = await buildTestApp();
    try {
      // Added after the app is built: at its root, where the probes are, outside the site.
      probes.app.get('/uji/probe-rusak', { config: { access: 'public' } }, async () => {
        throw new Error('secret internal detail');
      });
      const res = await probes.app.inject('/uji/probe-rusak');
      assert.equal(res.statusCode, 500);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.deepEqual(res.json(), {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        instance: '/uji/probe-rusak',
      });
      const id = res.headers['x-request-id'];
      assert.ok(
        probes.logs.some((l) => l.reqId === id && l.level === 50 && /secret internal detail/.test(JSON.stringify(l))),
      );
    } finally {
      await probes.close();
    }
  });

  test('/readyz answers 503 when the database is gone', async () => {
    const broken = await buildTestApp();
    await broken.database.close();
    try {
      const res = await broken.app.inject('/readyz');
      assert.equal(res.statusCode, 503);
      assert.equal(res.json<{ status: string }>().status, 'unavailable');
    } finally {
      await broken.app.close();
    }
  });
});
