import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({ env: { PAGE_CACHE_SECONDS: '1' } });
});
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
    assert.equal((await t.app.inject('/anggota')).headers['x-page-cache'], undefined, 'expired');
  });

  test('never shares a form token or a signed-in page', async () => {
    const a = await t.app.inject('/aspirasi/baru');
    const b = await t.app.inject('/aspirasi/baru');
    assert.equal(b.headers['x-page-cache'], undefined, 'a form page sets its own cookie: not kept');
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    assert.notEqual(token(a.body), token(b.body));

    await t.app.inject('/anggota');
    const member = await signIn(t, await createUser(t, 'citizen'), new Agent(t.app, '203.0.113.9'));
    const own = await member.get('/anggota');
    assert.equal(own.headers['x-page-cache'], undefined, 'someone with a session gets a fresh page');
    assert.match(own.body, /href="\/akun"/);
    const anonymous = await t.app.inject('/anggota');
    assert.equal(anonymous.headers['x-page-cache'], 'hit');
    assert.doesNotMatch(anonymous.body, /href="\/akun"/, 'nothing of the signed-in page reaches others');
  });
});
