import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { deps } from '../../platform/auth.ts';
import { seedDemoAspirations } from './aspirations.ts';

test('the demo aspirations look lived-in: every category, kecamatan, kind and status, with timelines that fit', async () => {
  const t = await buildTestApp();
  try {
    const db = t.database.db;
    const { sealer } = deps(t.app);
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const now = new Date('2026-11-30T03:00:00Z');
    const { aspirations } = await seedDemoAspirations(db, council.id, sealer, now);
    assert.ok(aspirations >= 300, `a few hundred (${aspirations})`);
    assert.deepEqual(await seedDemoAspirations(db, council.id, sealer, now), { aspirations: 0 }, 'only once');

    const rows = await db.selectFrom('aspiration').selectAll().execute();
    const distinct = (values: unknown[]) => new Set(values).size;
    const categories = await db.selectFrom('aspiration_category').select('id').execute();
    const kecamatan = await db.selectFrom('kecamatan').select('id').execute();
    assert.equal(distinct(rows.map((r) => r.category_id)), categories.length, 'every category');
    assert.equal(distinct(rows.map((r) => r.kecamatan_id)), kecamatan.length, 'every kecamatan');
    assert.deepEqual([...new Set(rows.map((r) => r.kind))].sort(), ['aspirasi', 'informasi', 'pengaduan', 'rahasia']);
    assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), [
      'duplicate',
      'forwarded',
      'received',
      'referred',
      'rejected',
      'resolved',
      'verified',
    ]);
    assert.ok(distinct(rows.map((r) => r.channel)) >= 5, 'online and offline channels');
    assert.ok(distinct(rows.map((r) => r.title)) > 100, 'varied titles');
    assert.ok(rows.filter((r) => r.lat !== null).length > 100, 'pins for the map');
    assert.ok(rows.filter((r) => r.rating !== null).length > 20, 'ratings');
    assert.ok(
      rows.every((r) => r.received_at <= now),
      'nothing from the future',
    );

    // Each timeline starts with its receipt, runs forward in time, and ends where its status says.
    const events = await db
      .selectFrom('aspiration_event')
      .select(['aspiration_id', 'kind', 'created_at', 'actor_member_id'])
      .orderBy('id')
      .execute();
    const supporters = await db.selectFrom('aspiration_supporter').select('aspiration_id').execute();
    for (const r of rows) {
      const mine = events.filter((e) => e.aspiration_id === r.id);
      assert.equal(mine[0]?.kind, 'received', r.code);
      assert.ok(
        mine.every((e) => e.created_at <= now && e.created_at >= r.received_at),
        `${r.code} in order`,
      );
      const kinds = mine.map((e) => e.kind);
      if (r.status === 'resolved') assert.ok(kinds.includes('resolved') && r.resolved_at !== null, r.code);
      if (r.status === 'forwarded') assert.ok(kinds.includes('forwarded') && r.komisi_id !== null, r.code);
      if (r.status === 'duplicate') assert.ok(r.duplicate_of_id !== null && kinds.includes('duplicate'), r.code);
      if (r.status === 'received') assert.deepEqual(kinds, ['received'], r.code);
      if (r.rating !== null) assert.ok(kinds.includes('rated'), r.code);
      assert.equal(supporters.filter((s) => s.aspiration_id === r.id).length, r.supporters, `${r.code} supporters`);
    }
    assert.ok(
      events.some((e) => e.kind === 'response' && e.actor_member_id !== null),
      'members answer too',
    );

    // Reporters are fictional and unreachable: named "(fiktif)", mail only under example.org.
    const reporters = await db.selectFrom('aspiration_reporter').selectAll().execute();
    assert.equal(reporters.length, rows.length);
    for (const r of reporters) {
      assert.match(sealer.open(r.name_sealed ?? ''), /\(fiktif\)$/);
      if (r.email_sealed !== null) assert.match(sealer.open(r.email_sealed), /@example\.org$/);
      assert.equal(r.phone_sealed, null);
    }

    // The pages a newcomer opens are full.
    const home = (await t.app.inject('/')).body;
    assert.match(home, /Baru saja dijawab/);
    assert.ok(
      (home.match(/href="\/aspirasi\/ASP-\d{4}-\d{6}"/g) ?? []).length >= 3,
      'recently answered on the home page',
    );
    const list = await t.app.inject('/aspirasi');
    assert.equal(list.statusCode, 200);
    assert.ok((list.body.match(/href="\/aspirasi\/ASP-/g) ?? []).length >= 20, 'a full first page');
    const resolved = rows.find((r) => r.status === 'resolved' && r.kind !== 'rahasia');
    const page = await t.app.inject(`/aspirasi/${resolved?.code}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Selesai/);
  } finally {
    await t.close();
  }
});
