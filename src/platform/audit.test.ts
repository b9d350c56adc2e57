import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { startChild } from '../../test/helpers/child.ts';
import { childDataPlace, testEngine } from '../../test/helpers/database.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { openDatabase } from '../db/index.ts';
import { recordAudit, verifyAuditChain } from './audit.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const entry = (n: number) => ({
  actorUserId: n,
  actorRole: 'staff',
  action: 'test.entry',
  subjectType: 'test',
  subjectId: n,
  ip: '192.0.2.1',
});

describe('the audit log', () => {
  test('keeps a hash chain that holds even when many entries are written at once', async () => {
    await Promise.all(Array.from({ length: 25 }, (_v, i) => recordAudit(t.database.db, entry(i))));
    const report = await verifyAuditChain(t.database.db);
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.ok(report.entries >= 25);
  });

  test('the database refuses to change or remove an entry', async () => {
    await recordAudit(t.database.db, entry(1));
    await assert.rejects(sql`update audit_log set action = 'forged'`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(t.database.db), /append-only/);
  });

  test('an entry altered behind the database’s back is found, with its number', async () => {
    const other = await buildTestApp({ seed: false });
    try {
      for (let i = 0; i < 5; i++) await recordAudit(other.database.db, entry(i));
      const third = await other.database.db
        .selectFrom('audit_log')
        .select('id')
        .orderBy('id')
        .offset(2)
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(other.database.db);
      await sql`update audit_log set ip = '198.51.100.99' where id = ${third.id}`.execute(other.database.db);
      const altered = await verifyAuditChain(other.database.db);
      assert.deepEqual(altered, {
        ok: false,
        entries: 3,
        brokenAt: third.id,
        reason: 'its content does not match its hash',
      });
      await sql`delete from audit_log where id = ${third.id}`.execute(other.database.db);
      const removed = await verifyAuditChain(other.database.db);
      assert.equal(removed.ok, false);
      assert.equal(removed.ok === false && removed.reason, 'does not link to the entry before it');
    } finally {
      await other.close();
    }
  });

  test('npm run audit:verify reports an intact chain with 0 and a broken one with 1', async () => {
    const place = await childDataPlace();
    try {
      const open = await openDatabase({
        dataDir: place.env.DATA_DIR ?? '',
        databaseUrl: place.env.DATABASE_URL || undefined,
      });
      for (let i = 0; i < 3; i++) await recordAudit(open.db, entry(i));
      await open.close();
      const intact = startChild('scripts/audit-verify.ts', { ...place.env, SEED_DEMO: 'false' });
      assert.equal((await intact.exited).code, 0);
      assert.match(intact.output.join('\n'), /Audit log intact: 3 entries/);

      const again = await openDatabase({
        dataDir: place.env.DATA_DIR ?? '',
        databaseUrl: place.env.DATABASE_URL || undefined,
      });
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(again.db);
      await sql`update audit_log set action = 'forged' where id = (select min(id) + 1 from audit_log)`.execute(
        again.db,
      );
      await again.close();
      const broken = startChild('scripts/audit-verify.ts', { ...place.env, SEED_DEMO: 'false' });
      assert.equal((await broken.exited).code, 1);
      assert.match(broken.output.join('\n'), /Audit log BROKEN at entry #\d+: its content does not match its hash/);
    } finally {
      await place.remove();
    }
  });

  test(`administrators browse and filter it in /kelola/audit; reading it is itself recorded (${testEngine})`, async () => {
    const admin = await createUser(t, 'administrator');
    const a = await signIn(t, admin);
    const page = await a.get('/kelola/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rantai hash utuh/);
    assert.match(page.body, /signin\.succeeded/);
    const filtered = await a.get('/kelola/audit?aksi=mfa.&pelaku=');
    assert.match(filtered.body, /mfa\.passed/);
    assert.doesNotMatch(filtered.body, /<code>signin\.succeeded<\/code>/);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'audit.read')
      .where('actor_user_id', '=', admin.id)
      .execute();
    assert.equal(reads.length, 2);
    assert.equal((await a.get('/kelola/audit?aksi=%3Cscript%3E')).statusCode, 400);
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    assert.match((await a.get(`/kelola/audit?dari=${today}&sampai=${today}`)).body, /signin\.succeeded/);
    assert.match((await a.get('/kelola/audit?dari=2020-01-01&sampai=2020-01-02')).body, /Tidak ada entri yang cocok/);
    const impossible = await a.get('/kelola/audit?dari=2026-02-31');
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.body, /isian &quot;dari&quot; tidak valid/);
  });
});
