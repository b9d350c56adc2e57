import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { getCouncil } from '../src/council/service.ts';
import { chooseEncoding } from '../src/platform/page-cache.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { launchBrowser, serveTestApp } from './helpers/browser.ts';
import { createUser, signIn } from './helpers/users.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({ env: { PAGE_CACHE_SECONDS: '1' } });
});
let listening: Promise<string> | undefined;
/** The app on a real port, for what only a real HTTP server does (pages served before routing). */
const served = () => {
  listening ??= t.app.listen({ port: 0, host: '127.0.0.1' });
  return listening;
};
after(() => t.close());

describe('the page cache for visitors without a session', () => {
  test('serves the same public page from memory for a moment, then renders it again', async () => {
    const first = await t.app.inject('/anggota');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-page-cache'], undefined);
    const second = await t.app.inject('/anggota');
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.body, first.body);
    assert.equal(second.headers['content-type'], first.headers['content-type']);
    // Another address, another language: pages of their own.
    assert.equal((await t.app.inject('/anggota?dapil=1')).headers['x-page-cache'], undefined);
    assert.equal((await t.app.inject({ url: '/anggota', cookies: { lang: 'en' } })).headers['x-page-cache'], undefined);
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await t.app.inject('/anggota')).headers['x-page-cache'], undefined, 'expired: rendered again');
    assert.equal((await t.app.inject('/anggota')).headers['x-page-cache'], 'hit', 'and kept again');
  });

  test('a search is kept from its second request: a stream of different searches does not push pages out', async () => {
    // Pages kept for a minute, so that the searches below outlast no copy.
    const long = await buildTestApp({ env: { PAGE_CACHE_SECONDS: '60' } });
    after(() => long.close());
    const app = long.app;
    assert.equal((await app.inject('/anggota')).headers['x-page-cache'], undefined);
    // More different searches than the cache holds pages, each asked once: none is kept, and the
    // page kept before them is still served from memory.
    for (let i = 0; i < 1200; i++) {
      const once = await app.inject({ url: `/aspirasi?q=kata${i}`, headers: { 'accept-encoding': 'br' } });
      assert.equal(once.headers['x-page-cache'], undefined);
      if (i === 0) assert.equal(once.headers['content-encoding'], 'br', 'compressed on the fly');
    }
    assert.equal((await app.inject('/anggota')).headers['x-page-cache'], 'hit');
    // The same search asked again is kept; the answer that keeps it is the kept bytes and ETag.
    const again = await app.inject({ url: '/aspirasi?q=kata7', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(again.headers['x-page-cache'], undefined);
    const third = await app.inject({ url: '/aspirasi?q=kata7', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(third.headers['x-page-cache'], 'hit');
    assert.equal(again.headers.etag, third.headers.etag);
    assert.equal(again.headers['content-encoding'], 'br');
    assert.ok(again.rawPayload.equals(third.rawPayload), 'the same bytes, compressed once');
  });

  test('health probes are answered afresh every time, never from a kept copy', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const first = await t.app.inject(url);
      const second = await t.app.inject(url);
      assert.equal(second.statusCode, 200);
      assert.equal(second.headers['x-page-cache'], undefined, url);
      assert.equal(first.headers['cache-control'], 'no-store', url);
    }
    // Over HTTP too, where kept pages are served before routing.
    const base = await served();
    await fetch(`${base}/readyz`);
    assert.equal((await fetch(`${base}/readyz`)).headers.get('x-page-cache'), null);
  });

  test('a page with a form is kept, but every visitor gets a token and cookie of their own, and it works', async () => {
    const a = await t.app.inject('/aspirasi/baru');
    const b = await t.app.inject('/aspirasi/baru');
    assert.equal(b.headers['x-page-cache'], 'hit');
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    assert.ok(token(a.body) !== undefined && token(b.body) !== undefined);
    assert.notEqual(token(a.body), token(b.body), 'no token is shared');
    const cookie = b.cookies.find((c) => c.name === 'csrf');
    assert.ok(cookie !== undefined, 'the visitor served from the cache gets their own cookie');
    // The token from the cached page is accepted with that visitor's cookie, and only with it.
    const structure = await getCouncil(t.database.db);
    const kel = structure.kecamatan[0]?.kelurahan[0];
    const form = {
      kind: 'aspirasi',
      category: 'jalan-jembatan-drainase',
      location: String(kel?.id),
      title: 'Lampu jalan mati',
    };
    const post = (csrfToken: string, cookies: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/aspirasi/baru',
        payload: new URLSearchParams({ _csrf: csrfToken, ...form }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies,
      });
    assert.equal((await post(token(b.body) ?? '', { csrf: cookie.value })).statusCode, 200);
    const other = a.cookies.find((c) => c.name === 'csrf');
    assert.equal((await post(token(b.body) ?? '', { csrf: other?.value ?? '' })).statusCode, 403);

    // As a browser asks: gzip made of the pieces kept and this visitor's token, a whole stream whose
    // checksum and length hold (gunzip checks both), the same page but for the token; and the
    // token works with this visitor's cookie.
    const browser = () => t.app.inject({ url: '/aspirasi/baru', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const [c, d] = [await browser(), await browser()];
    for (const r of [c, d]) {
      assert.equal(r.headers['x-page-cache'], 'hit');
      assert.equal(r.headers['content-encoding'], 'gzip');
      assert.match(String(r.headers.vary), /accept-encoding/i);
    }
    const [pageC, pageD] = [gunzipSync(c.rawPayload).toString(), gunzipSync(d.rawPayload).toString()];
    const [tokenC, tokenD] = [token(pageC) ?? '', token(pageD) ?? ''];
    assert.notEqual(tokenC, tokenD);
    assert.notEqual(c.headers.etag, d.headers.etag, 'each answer its own tag');
    assert.equal(pageC.replaceAll(tokenC, 'T'), (b.body as string).replaceAll(token(b.body) ?? '', 'T'));
    assert.ok(c.rawPayload.length < Buffer.byteLength(pageC) / 2, 'compressed');
    const cookieC = c.cookies.find((x) => x.name === 'csrf')?.value ?? '';
    assert.equal((await post(tokenC, { csrf: cookieC })).statusCode, 200);
    // One that refuses gzip gets the page itself, or brotli when it takes that.
    const brOnly = await t.app.inject({ url: '/aspirasi/baru', headers: { 'accept-encoding': 'br' } });
    assert.equal(brOnly.headers['x-page-cache'], 'hit');
    assert.equal(brOnly.headers['content-encoding'], 'br');
    assert.ok(token(brotliDecompressSync(brOnly.rawPayload).toString()) !== undefined);
    const plain = await t.app.inject({ url: '/aspirasi/baru', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(token(plain.body) !== undefined);
  });

  test('a browser reads a kept form page sent as gzip around its token, and its form goes through', async () => {
    // Copies kept for a minute: a second's copy could expire while a busy machine opens the browser.
    const own = await serveTestApp({ PAGE_CACHE_SECONDS: '60' });
    after(() => own.close());
    const address = own.baseUrl;
    const kel = (await getCouncil(own.database.db)).kecamatan[0]?.kelurahan[0];
    assert.ok(kel !== undefined);
    const browser = await launchBrowser();
    try {
      const encodings: (string | undefined)[] = [];
      // Two visitors without cookies, the second straight after the first (the copy lasts a
      // second): the second is served the kept copy. Then each sends the form.
      const pages = [];
      for (const visitor of ['first', 'second']) {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        const answer = await page.goto(`${address}/aspirasi/baru`);
        const headers = answer?.headers() ?? {};
        encodings.push(headers['x-page-cache'] === 'hit' ? headers['content-encoding'] : 'rendered');
        pages.push({ visitor, page, context });
      }
      for (const { visitor, page, context } of pages) {
        await page.locator('#kind-aspirasi').check();
        await page.getByLabel('Kategori').selectOption('jalan-jembatan-drainase');
        await page.getByLabel('Lokasi', { exact: true }).selectOption(String(kel.id));
        await page.getByLabel('Judul singkat').fill(`Lampu taman mati (${visitor})`);
        await page.getByRole('button', { name: 'Lanjut' }).click();
        await page.getByText('Langkah 2 dari 2').waitFor();
        await context.close();
      }
      assert.deepEqual(encodings, ['rendered', 'gzip']);
    } finally {
      await browser.close();
    }
  });

  test('never shares a signed-in page', async () => {
    await t.app.inject('/anggota');
    const member = await signIn(t, await createUser(t, 'citizen'), new Agent(t.app, '203.0.113.9'));
    const own = await member.get('/anggota');
    assert.equal(own.headers['x-page-cache'], undefined, 'someone with a session gets a fresh page');
    assert.match(own.body, /href="\/akun"/);
    const anonymous = await t.app.inject('/anggota');
    assert.equal(anonymous.headers['x-page-cache'], 'hit');
    assert.doesNotMatch(anonymous.body, /href="\/akun"/, 'nothing of the signed-in page reaches others');
  });

  test('keeps a page compressed once: each encoding decompresses to the page, with one ETag', async () => {
    const ask = (encoding?: string, etag?: string) =>
      t.app.inject({
        url: '/dapil',
        headers: {
          ...(encoding === undefined ? {} : { 'accept-encoding': encoding }),
          ...(etag === undefined ? {} : { 'if-none-match': etag }),
        },
      });
    await new Promise((r) => setTimeout(r, 1100));
    const rendered = await ask('gzip, deflate, br');
    assert.equal(rendered.headers['x-page-cache'], undefined);
    const page = await ask();
    const br = await ask('gzip, deflate, br');
    const gzip = await ask('gzip');
    assert.deepEqual(
      [page, br, gzip].map((r) => r.headers['x-page-cache']),
      ['hit', 'hit', 'hit'],
    );
    assert.equal(page.headers['content-encoding'], undefined);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), page.body);
    assert.equal(gunzipSync(gzip.rawPayload).toString(), page.body);
    assert.ok(br.rawPayload.length < page.rawPayload.length / 2, 'brotli bytes are smaller');
    for (const r of [page, br, gzip]) {
      assert.equal(r.headers.etag, rendered.headers.etag, 'the ETag of the page, whatever its encoding');
      assert.match(String(r.headers.vary), /accept-encoding/i);
      assert.match(String(r.headers['content-type']), /^text\/html/);
    }
    const unchanged = await ask('br', String(rendered.headers.etag));
    assert.equal(unchanged.statusCode, 304);
    assert.equal(unchanged.rawPayload.length, 0);
    // A browser that refuses brotli (q=0) gets gzip; one that takes neither, the page itself.
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('identity'), 'identity');
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  });

  test('over HTTP, a kept page is served before routing with the same bytes and headers', async () => {
    const address = await served();
    await new Promise((r) => setTimeout(r, 1100));
    const ask = (cookie?: string) =>
      fetch(`${address}/perda`, {
        headers: { 'accept-encoding': 'br', ...(cookie === undefined ? {} : { cookie }) },
      });
    const rendered = await ask();
    await rendered.arrayBuffer();
    assert.equal(rendered.headers.get('x-page-cache'), null);
    const raw = await ask();
    const viaFastify = await t.app.inject({ url: '/perda', headers: { 'accept-encoding': 'br' } });
    assert.equal(raw.headers.get('x-page-cache'), 'hit');
    assert.equal(viaFastify.headers['x-page-cache'], 'hit');
    assert.equal(await raw.text(), brotliDecompressSync(viaFastify.rawPayload).toString());
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'x-frame-options',
      'content-type',
      'etag',
      'vary',
      'cache-control',
      'content-language',
    ])
      assert.equal(raw.headers.get(name), viaFastify.headers[name] ?? null, name);
    assert.match(raw.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(raw.headers.get('content-encoding'), 'br');
    // The language cookie keeps its own copy; any other cookie (a session) never gets a kept one.
    const english = await ask('lang=en');
    assert.equal(english.headers.get('x-page-cache'), null);
    await english.arrayBuffer();
    const englishAgain = await ask('lang=en');
    assert.equal(englishAgain.headers.get('x-page-cache'), 'hit');
    assert.match(await englishAgain.text(), /lang="en"/);
    // So does each text size, alone or with a language; the default copy stays the default.
    for (const cookie of ['teks=besar', 'teks=sangat-besar; lang=en', 'lang=en; teks=besar']) {
      const size = /teks=([a-z-]+)/.exec(cookie)?.[1] ?? '';
      const first = await ask(cookie);
      assert.equal(first.headers.get('x-page-cache'), null, cookie);
      assert.match(await first.text(), new RegExp(`<html[^>]* class="text-${size}"`), cookie);
      const again = await ask(cookie);
      assert.equal(again.headers.get('x-page-cache'), 'hit', cookie);
      assert.match(await again.text(), new RegExp(`<html[^>]* class="text-${size}"`), cookie);
    }
    // Made-up values change nothing on the page: they get the usual copy, not one of their own.
    for (const cookie of ['lang=xx', 'teks=raksasa', `lang=${'a'.repeat(50)}; teks=biasa`]) {
      const made = await ask(cookie);
      assert.equal(made.headers.get('x-page-cache'), 'hit', cookie);
      assert.doesNotMatch(await made.text(), /<html[^>]* class="text-/, cookie);
    }
    const usual = await ask();
    assert.equal(usual.headers.get('x-page-cache'), 'hit');
    assert.doesNotMatch(await usual.text(), /<html[^>]* class="text-/);
    const session = await ask('lang=en; sesi=abc');
    assert.equal(session.headers.get('x-page-cache'), null);
    await session.arrayBuffer();
    const unchanged = await fetch(`${address}/perda`, { headers: { 'if-none-match': raw.headers.get('etag') ?? '' } });
    assert.equal(unchanged.status, 304);
    const logged = t.logs.filter((l) => l.msg === 'answered' && l.url === '/perda' && l.status === 304);
    assert.equal(logged.length, 1, 'a hit served before routing is logged like any answer');
    assert.equal(logged[0]?.raw, true, 'and says it was answered before routing');
  });

  test('over HTTP, a kept page with a form is served before routing with a token and cookie of its own that work', async () => {
    const address = await served();
    await new Promise((r) => setTimeout(r, 1100));
    const browserEncoding = { 'accept-encoding': 'gzip, deflate, br' };
    const ask = () => fetch(`${address}/aspirasi/baru`, { headers: browserEncoding });
    const rendered = await ask();
    await rendered.arrayBuffer();
    const [x, y] = [await ask(), await ask()];
    const viaFastify = await t.app.inject({ url: '/aspirasi/baru', headers: browserEncoding });
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const [pageX, pageY] = [await x.text(), await y.text()];
    const pageF = gunzipSync(viaFastify.rawPayload).toString();
    for (const r of [x, y]) {
      assert.equal(r.headers.get('x-page-cache'), 'hit');
      assert.equal(r.headers.get('content-encoding'), 'gzip');
      for (const name of [
        'content-security-policy',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
        'content-type',
        'vary',
        'cache-control',
        'content-language',
      ])
        assert.equal(r.headers.get(name), viaFastify.headers[name] ?? null, name);
      assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    }
    const early = t.logs.filter((l) => l.msg === 'answered' && l.url === '/aspirasi/baru' && l.raw === true);
    assert.equal(early.length, 2, 'both hits were answered before routing');
    // The same page as Fastify serves it, each with a token, a tag and a cookie of its own.
    assert.ok(token(pageX) !== '' && token(pageY) !== '');
    assert.notEqual(token(pageX), token(pageY));
    assert.equal(pageX.replaceAll(token(pageX), 'T'), pageF.replaceAll(token(pageF), 'T'));
    assert.notEqual(x.headers.get('etag'), y.headers.get('etag'));
    const cookieOf = (r: Response) => r.headers.getSetCookie().find((c) => c.startsWith('csrf=')) ?? '';
    const [cookieX, cookieY] = [cookieOf(x), cookieOf(y)];
    assert.notEqual(cookieX, cookieY);
    const attributes = (setCookie: string) => setCookie.split(';').slice(1).join(';');
    const fastifyCookie = [viaFastify.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('csrf=')) ?? '';
    assert.equal(attributes(cookieX), attributes(fastifyCookie), 'the cookie is set as the CSRF plugin sets it');
    assert.match(attributes(cookieX), /HttpOnly/i);

    // A browser sends the form back with its cookie: accepted with its own token, refused with another's.
    const kel = (await getCouncil(t.database.db)).kecamatan[0]?.kelurahan[0];
    const send = (csrfToken: string, setCookie: string) =>
      fetch(`${address}/aspirasi/baru`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: setCookie.split(';')[0] ?? '' },
        body: new URLSearchParams({
          _csrf: csrfToken,
          kind: 'aspirasi',
          category: 'jalan-jembatan-drainase',
          location: String(kel?.id),
          title: 'Trotoar retak',
        }).toString(),
      });
    const accepted = await send(token(pageX), cookieX);
    assert.equal(accepted.status, 200);
    assert.match(await accepted.text(), /Langkah 2 dari 2/);
    const refused = await send(token(pageY), cookieX);
    assert.equal(refused.status, 403);
    await refused.arrayBuffer();

    // One that takes brotli but not gzip is answered through Fastify, still from the copy, with a token.
    const brOnly = await fetch(`${address}/aspirasi/baru`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(brOnly.headers.get('x-page-cache'), 'hit');
    assert.equal(brOnly.headers.get('content-encoding'), 'br');
    assert.ok(token(await brOnly.text()) !== '');
    // A visitor already holding a form cookie gets a fresh page, never a kept one.
    const holder = await fetch(`${address}/aspirasi/baru`, {
      headers: { ...browserEncoding, cookie: cookieX.split(';')[0] ?? '' },
    });
    assert.equal(holder.headers.get('x-page-cache'), null);
    await holder.arrayBuffer();
  });

  test('a crowd at a page nobody asked for lately gets one render, and the others its copy', async () => {
    const crowd = (url: string, encoding: string) =>
      Promise.all(Array.from({ length: 20 }, () => t.app.inject({ url, headers: { 'accept-encoding': encoding } })));
    /** The crowd all arrives while the first render waits for the table it reads, held by a transaction. */
    const crowdWhileHeld = async (table: string, url: string, encoding = 'gzip, deflate, br') => {
      let answers: ReturnType<typeof crowd> | undefined;
      await t.database.db.transaction().execute(async (trx) => {
        await sql`lock table ${sql.table(table)} in access exclusive mode`.execute(trx);
        answers = crowd(url, encoding);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      return (await answers) ?? [];
    };
    for (const [table, url] of [
      ['project', '/proyek'],
      ['aspiration', '/aspirasi?q=jalan'],
    ] as const) {
      const answers = await crowdWhileHeld(table, url);
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        answers.map(() => 200),
      );
      const rendered = answers.filter((a) => a.headers['x-page-cache'] !== 'hit');
      // An address with a query string is kept from its second ask: the crowd waiting is that ask.
      assert.equal(rendered.length, 1, `${url}: rendered once, the other 19 from its copy`);
      const etags = new Set(answers.map((a) => a.headers.etag));
      assert.equal(etags.size, 1, `${url}: one page for all`);
      assert.equal(answers.at(-1)?.headers['content-encoding'], 'br');
    }
    // A render that keeps nothing (a page not found is not kept): each waiting request renders its own.
    const missing = await crowdWhileHeld('aspiration', '/aspirasi/ASP-2020-999999', 'identity');
    assert.deepEqual(
      missing.map((a) => a.statusCode),
      missing.map(() => 404),
    );
    assert.ok(missing.every((a) => a.headers['x-page-cache'] === undefined && /tidak ditemukan/i.test(a.body)));
  });

  test('a crowd on a page while it expires gets no server error, and nothing is sent twice', async () => {
    const address = await served();
    const statuses = new Map<number, number>();
    const until = Date.now() + 2600; // spans at least two expiries of a one-second copy
    const pages = ['/agenda', '/dapil', '/aspirasi/baru'];
    let n = 0;
    await Promise.all(
      Array.from({ length: 48 }, async () => {
        while (Date.now() < until) {
          const url = `${address}${pages[n++ % pages.length]}`;
          const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    assert.ok((statuses.get(200) ?? 0) > 200, `many answers (${JSON.stringify([...statuses])})`);
    assert.deepEqual([...statuses.keys()], [200], 'every answer a page');
    const troubles = t.logs.filter(
      (line) => Number(line.level) >= 50 || /already sent|ERR_HTTP_HEADERS_SENT/.test(JSON.stringify(line)),
    );
    assert.deepEqual(troubles, []);
  });
});
