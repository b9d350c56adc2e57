import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { createSealer, DecryptionError } from '../platform/crypto.ts';
import { resealAll } from '../platform/reseal.ts';
import { enforceRetention } from '../platform/retention.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const requests = (userId: number) =>
  t.database.db
    .selectFrom('data_request')
    .select(['kind', 'requested_at', 'completed_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();

describe('a citizen exercises their rights over their data', () => {
  test('downloads everything held about them as JSON and as a readable page; each request is timestamped', async () => {
    const user = await createUser(t, 'citizen', { name: 'Ani Pemilik Data' });
    const a = await signIn(t, user);
    const json = await a.get('/akun/data.json');
    assert.equal(json.statusCode, 200);
    assert.match(
      json.headers['content-disposition'] as string,
      /attachment; filename="data-pribadi-\d{4}-\d{2}-\d{2}\.json"/,
    );
    assert.equal(json.headers['cache-control'], 'private, no-store');
    const copy = json.json<{
      account: { name: string; email: string };
      activity: { action: string }[];
      sessions: unknown[];
    }>();
    assert.equal(copy.account.name, 'Ani Pemilik Data');
    assert.equal(copy.account.email, user.email);
    assert.ok(copy.activity.some((x) => x.action === 'signin.succeeded'));
    assert.equal(copy.sessions.length, 1);
    const page = await a.get('/akun/data');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ani Pemilik Data/);
    const logged = await requests(user.id);
    assert.equal(logged.length, 2);
    for (const r of logged) {
      assert.equal(r.kind, 'access');
      assert.ok(r.completed_at !== null && r.completed_at.getTime() - r.requested_at.getTime() < 3 * 24 * 3600 * 1000);
    }
    assert.equal((await new Agent(t.app).get('/akun/data.json')).statusCode, 303, 'a visitor gets nothing');
  });

  test('corrects their name and phone; a bad phone number gets a message and changes nothing', async () => {
    const user = await createUser(t, 'citizen', { name: 'Nama Lama' });
    const a = await signIn(t, user);
    await a.get('/akun');
    const bad = await a.post('/akun/data', { name: 'Nama Baru', phone: 'telepon saya' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Tulis nomor telepon yang benar/);
    assert.match((await a.get('/akun')).body, /Nama Lama/);
    const ok = await a.post('/akun/data', { name: 'Nama Baru', phone: '0812 3456 7890' });
    assert.equal(ok.headers.location, '/akun?pesan=data');
    const copy = (await a.get('/akun/data.json')).json<{ account: { name: string; phone: string } }>();
    assert.deepEqual([copy.account.name, copy.account.phone], ['Nama Baru', '0812 3456 7890']);
    assert.deepEqual(
      (await requests(user.id)).map((r) => r.kind),
      ['correction', 'access'],
    );
  });

  test('deletes the account: the password is asked, then nothing identifies them and the account is unusable', async () => {
    const user = await createUser(t, 'citizen', { name: 'Akan Dihapus' });
    const a = await signIn(t, user);
    await a.get('/akun');
    const wrong = await a.post('/akun/hapus', { confirm: 'bukan sandinya', kind: 'erasure' });
    assert.equal(wrong.statusCode, 400);
    const done = await a.post('/akun/hapus', { confirm: user.password, kind: 'erasure' });
    assert.equal(done.headers.location, '/masuk?pesan=akun-dihapus');
    const row = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(t.app.sealer.open(row.name_sealed), '');
    assert.equal(t.app.sealer.open(row.email_sealed), '');
    assert.equal(row.password_hash, null);
    assert.equal(row.status, 'disabled');
    assert.equal((await a.get('/akun')).statusCode, 303);
    const again = new Agent(t.app);
    await again.get('/masuk');
    assert.equal((await again.post('/masuk', { email: user.email, password: user.password })).statusCode, 400);
    assert.deepEqual(
      (await requests(user.id)).map((r) => r.kind),
      ['erasure'],
    );
    // The same address can sign up afresh.
    assert.equal(
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('email_lookup', '=', t.app.sealer.lookup(user.email))
        .executeTakeFirst(),
      undefined,
    );
  });

  test('withdrawing consent stops the processing the same way, and is recorded as such', async () => {
    const user = await createUser(t, 'citizen');
    const a = await signIn(t, user);
    await a.get('/akun');
    const done = await a.post('/akun/hapus', { confirm: user.password, kind: 'withdraw_consent' });
    assert.equal(done.statusCode, 303);
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['consent_withdrawn_at', 'status'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.consent_withdrawn_at instanceof Date);
    assert.equal(row.status, 'disabled');
    assert.deepEqual(
      (await requests(user.id)).map((r) => r.kind),
      ['withdraw_consent'],
    );
  });
});

describe('retention', () => {
  test('removes each kind of data after its own period, and only that', async () => {
    const db = t.database.db;
    const old = new Date(Date.now() - 100 * 24 * 3600 * 1000);
    const stale = await createUser(t, 'citizen', { verified: false });
    const fresh = await createUser(t, 'citizen', { verified: false });
    await db.updateTable('app_user').set({ created_at: old }).where('id', '=', stale.id).execute();
    await db
      .insertInto('outbox')
      .values([
        {
          channel: 'email',
          recipient_sealed: t.app.sealer.seal('a@example.org'),
          subject: 'lama',
          body: 'x',
          status: 'sent',
          updated_at: old,
        },
        {
          channel: 'email',
          recipient_sealed: t.app.sealer.seal('b@example.org'),
          subject: 'baru',
          body: 'x',
          status: 'sent',
        },
        {
          channel: 'email',
          recipient_sealed: t.app.sealer.seal('c@example.org'),
          subject: 'antre',
          body: 'x',
          status: 'pending',
          updated_at: old,
        },
      ])
      .execute();
    const report = await enforceRetention(db, t.config.retention);
    assert.equal(report.messages, 1);
    assert.ok(report.unconfirmedAccounts >= 1);
    const subjects = (await db.selectFrom('outbox').select('subject').execute()).map((r) => r.subject);
    assert.ok(subjects.includes('baru') && subjects.includes('antre') && !subjects.includes('lama'));
    assert.equal(await db.selectFrom('app_user').select('id').where('id', '=', stale.id).executeTakeFirst(), undefined);
    assert.ok(await db.selectFrom('app_user').select('id').where('id', '=', fresh.id).executeTakeFirst());
    const logged = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'retention.enforced')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(logged.details).messages, 1);
  });
});

describe('key rotation', () => {
  test('re-seals personal data under the new key, after which the old key is no longer needed', async () => {
    const other = await buildTestApp({ seed: false });
    try {
      const oldKey = Buffer.alloc(32, 7);
      const lookup = Buffer.alloc(32, 8);
      const user = await createUser(other, 'citizen', { name: 'Rotasi Kunci' });
      const newKey = Buffer.alloc(32, 9);
      const both = createSealer([newKey, oldKey], lookup);
      const onlyNew = createSealer([newKey], lookup);
      const before = await other.database.db
        .selectFrom('app_user')
        .select('name_sealed')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.throws(() => onlyNew.open(before.name_sealed), DecryptionError);
      const { resealed } = await resealAll(other.database.db, both);
      assert.ok(resealed >= 2);
      const after = await other.database.db
        .selectFrom('app_user')
        .select(['name_sealed', 'email_sealed'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.equal(onlyNew.open(after.name_sealed), 'Rotasi Kunci');
      assert.equal(onlyNew.open(after.email_sealed), user.email);
      assert.equal((await resealAll(other.database.db, both)).resealed, 0, 'a second run finds nothing left');
    } finally {
      await other.close();
    }
  });

  test('a sealed value that was tampered with is refused, not misread', () => {
    const sealer = createSealer([Buffer.alloc(32, 1)], Buffer.alloc(32, 2));
    const sealed = sealer.seal('0812 3456 7890');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('0899 9999 9999').toString('base64url');
    assert.throws(() => sealer.open(parts.join('.')), DecryptionError);
    assert.notEqual(sealer.seal('x'), sealer.seal('x'), 'the same value never seals the same way twice');
    assert.equal(sealer.lookup(' Budi@Example.org '), sealer.lookup('budi@example.org'));
  });
});
