import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const me = (token: string) => t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('personal access tokens for the API', () => {
  test('a token is shown once, works within its scope, and stops working when revoked', async () => {
    const user = await createUser(t, 'staff', { name: 'Integrasi Staf' });
    const a = await signIn(t, user);
    await a.get('/akun/token');
    const created = await a.post('/akun/token', { name: 'Dasbor kantor', scopes: 'profile:read', days: '30' });
    assert.equal(created.statusCode, 200);
    assert.equal(created.headers['cache-control'], 'private, no-store');
    const token = /<code>(dt_[A-Za-z0-9_-]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token, 'the token is shown');
    assert.doesNotMatch((await a.get('/akun/token')).body, new RegExp(token), 'and never again');
    const stored = await t.database.db
      .selectFrom('api_token')
      .select(['token_hash', 'scopes'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only a hash is kept');
    assert.deepEqual(stored.scopes, ['profile:read']);

    const res = await me(token);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { name: 'Integrasi Staf', email: user.email, role: 'staff' });

    // A token is not a cookie session: it opens no page, and needs no CSRF token for the API.
    const page = await t.app.inject({ url: '/akun', headers: { authorization: `Bearer ${token}` } });
    assert.equal(page.statusCode, 403);

    const id = (
      await t.database.db.selectFrom('api_token').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow()
    ).id;
    await a.get('/akun/token');
    assert.equal((await a.post(`/akun/token/${id}/cabut`, {})).statusCode, 303);
    const revoked = await me(token);
    assert.equal(revoked.statusCode, 401);
    assert.match(revoked.headers['www-authenticate'] as string, /^Bearer/);
  });

  test('wrong, expired and foreign tokens are refused; bad input to the form gets messages', async () => {
    assert.equal((await me('dt_not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaa')).statusCode, 401);
    assert.equal((await me('something-else')).statusCode, 401);
    assert.equal(
      (await t.app.inject({ url: '/api/v1/members', headers: { authorization: 'Basic abc' } })).statusCode,
      401,
    );

    const user = await createUser(t, 'citizen');
    const a = await signIn(t, user);
    await a.get('/akun/token');
    const noScope = await a.post('/akun/token', { name: 'Tanpa izin', days: '' });
    assert.equal(noScope.statusCode, 400);
    assert.match(noScope.body, /Pilih paling sedikit satu izin/);
    const badScope = await a.post('/akun/token', { name: 'Izin palsu', scopes: 'admin:all', days: '' });
    assert.equal(badScope.statusCode, 400);
    const badDays = await a.post('/akun/token', { name: 'Lama', scopes: 'profile:read', days: '9999' });
    assert.match(badDays.body, /jumlah hari dari 1 sampai 365/);
    // What was ticked stays ticked, the name stays typed.
    assert.match(
      badDays.body,
      /<input type="checkbox" id="scopes-profile:read" name="scopes" value="profile:read" checked/,
    );
    assert.match(badDays.body, /value="Lama"/);
    const ok = await a.post('/akun/token', { name: 'Sebentar', scopes: 'profile:read', days: '1' });
    const token = /<code>(dt_[A-Za-z0-9_-]+)<\/code>/.exec(ok.body)?.[1] ?? '';
    assert.equal((await me(token)).statusCode, 200);
    await t.database.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    assert.equal((await me(token)).statusCode, 401, 'an expired token is refused');

    // Revoking another person's token does nothing.
    const other = await createUser(t, 'citizen');
    const b = await signIn(t, other);
    await b.get('/akun/token');
    const theirs = await b.post('/akun/token', { name: 'Punya orang lain', scopes: 'profile:read', days: '' });
    const theirToken = /<code>(dt_[A-Za-z0-9_-]+)<\/code>/.exec(theirs.body)?.[1] ?? '';
    const theirId = (
      await t.database.db.selectFrom('api_token').select('id').where('user_id', '=', other.id).executeTakeFirstOrThrow()
    ).id;
    await a.get('/akun/token');
    await a.post(`/akun/token/${theirId}/cabut`, {});
    assert.equal((await me(theirToken)).statusCode, 200);
  });
});
