/**
 * The database's upkeep: which tables it vacuums or analyses, and what that does for the queue of
 * outgoing messages on a database nothing else vacuums (the embedded engine always; a PostgreSQL
 * server with autovacuum off, as the CI's is).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../test/helpers/database.ts';
import type { OpenDatabase } from '../db/index.ts';
import { createSealer } from './crypto.ts';
import { dueMessages, enqueueEmail, OutboxWorker } from './outbox.ts';
import { keepUpDatabase, upkeepIsOurs, upkeepPlan } from './upkeep.ts';

const sealer = createSealer([Buffer.alloc(32, 5)], Buffer.alloc(32, 6));
const quiet = { info() {}, error() {}, warn() {} };

describe('what the upkeep does to which table', () => {
  test('it looks after the embedded engine always, and a PostgreSQL server only without autovacuum', () => {
    assert.equal(upkeepIsOurs('pglite', 'on'), true, 'PGlite runs no autovacuum whatever its setting says');
    assert.equal(upkeepIsOurs('postgres', 'on'), false);
    assert.equal(upkeepIsOurs('postgres', 'off'), true);
  });

  test("autovacuum's default thresholds decide: dead rows, rows added, rows changed", () => {
    const quietTable = { live: 1000, neverAnalysed: false, dead: 0, insertedSinceVacuum: 0, changedSinceAnalyze: 0 };
    const plan = upkeepPlan([
      { ...quietTable, name: 'untouched' },
      // 50 + 20 % of 1,000 = 250 dead rows, 1,000 + 20 % = 1,200 added, 50 + 10 % = 150 changed.
      { ...quietTable, name: 'dead_under', dead: 250, changedSinceAnalyze: 150 },
      { ...quietTable, name: 'dead_over', dead: 251 },
      { ...quietTable, name: 'added_over', insertedSinceVacuum: 1201 },
      { ...quietTable, name: 'changed_over', changedSinceAnalyze: 151 },
      { ...quietTable, name: 'new_table', live: 0, insertedSinceVacuum: 40, changedSinceAnalyze: 51 },
      // After a restart of the embedded engine the counts are back at nothing.
      { ...quietTable, name: 'never_analysed', live: 0, neverAnalysed: true },
    ]);
    assert.deepEqual(plan, {
      vacuum: ['dead_over', 'added_over'],
      analyze: ['changed_over', 'new_table', 'never_analysed'],
    });
  });
});

describe(`the upkeep on a database nothing else vacuums (${testEngine})`, () => {
  let database: OpenDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  /** How many pages finding the messages due reads, and how many it finds. */
  async function findingDue() {
    const due = dueMessages(database.db).compile();
    const explained = await database.db.executeQuery<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
      CompiledQuery.raw(`explain (analyze, buffers, format json) ${due.sql}`, [...due.parameters]),
    );
    const plan = explained.rows[0]?.['QUERY PLAN'][0].Plan ?? {};
    return { pages: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0), found: plan['Actual Rows'] };
  }

  /** Queues `n` messages at once, as a day of submissions does. */
  async function queueMessages(n: number) {
    await database.db
      .insertInto('outbox')
      .values(
        Array.from({ length: n }, (_, i) => ({
          channel: 'email' as const,
          recipient_sealed: sealer.seal(`warga${i}@example.org`),
          subject: `Aspirasi Anda diterima: ASP-2026-${String(i).padStart(6, '0')}`,
          body: 'Terima kasih. Aspirasi Anda sudah kami terima dan akan diteruskan ke komisi yang menanganinya.',
        })),
      )
      .execute();
  }

  /** Claims and marks every message due (no channel carries them); returns how many. */
  async function deliverAll() {
    const worker = new OutboxWorker(database.db, sealer, {}, quiet);
    let handled = 0;
    for (let run = await worker.deliverDue(); run > 0; run = await worker.deliverDue()) handled += run;
    return handled;
  }

  test('a claim reads the pending messages only, even when the statistics were gathered during a backlog', async () => {
    // 1,500 messages queued at once, and the planner's statistics gathered while all of them were
    // pending (the upkeep's ANALYZE, or autovacuum's, in the middle of a burst of submissions).
    await queueMessages(1500);
    await sql`analyze outbox`.execute(database.db);
    assert.equal(await deliverAll(), 1500);
    // Old versions gone, so that what is left to read is the messages themselves, all handled.
    await sql`vacuum outbox`.execute(database.db);
    await enqueueEmail(database.db, sealer, { to: 'baru@example.org', subject: 'Baru', text: 'Isi' });

    const due = await findingDue();
    assert.equal(due.found, 1, 'the one message due is found');
    assert.ok(due.pages < 10, `it reads ${due.pages} pages, not a page per few messages handled`);
    await database.db.deleteFrom('outbox').execute();
  });

  test('after a busy day of messages, the upkeep vacuums the queue and gives every table statistics', async () => {
    // A busy day's messages, each queued, claimed and marked (no channel carries them): every
    // version of a row that was once pending stays in the table until it is vacuumed.
    await queueMessages(1500);
    assert.equal(await deliverAll(), 1500);
    await enqueueEmail(database.db, sealer, { to: 'baru@example.org', subject: 'Baru', text: 'Isi' });

    const before = await findingDue();
    assert.equal(before.found, 1, 'the one message due is found');
    // Before migration 0051 this read a page per few messages ever sent (60 and more here) until a
    // vacuum; a claim now reads the index of pending messages, where the old versions of the 1,500
    // handled ones wait for the vacuum below (the test above: whatever the statistics say).

    const setting = await sql<{ on: string }>`select current_setting('autovacuum') as on`.execute(database.db);
    if (!upkeepIsOurs(database.engine, setting.rows[0]?.on ?? 'off')) {
      assert.deepEqual(await keepUpDatabase(database.db, database.engine), {
        leftToServer: true,
        vacuumed: [],
        analyzed: [],
      });
      return;
    }
    // The counts it goes by reach PostgreSQL's statistics within a second or so of the work.
    let vacuumed: string[] = [];
    for (const until = Date.now() + 15_000; !vacuumed.includes('outbox') && Date.now() < until; ) {
      vacuumed = vacuumed.concat((await keepUpDatabase(database.db, database.engine)).vacuumed);
      if (!vacuumed.includes('outbox')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(vacuumed.includes('outbox'), `the outbox was vacuumed (${vacuumed.join(', ')})`);

    const unknown = await sql<{ name: string }>`select s.relname as name from pg_stat_user_tables s
        join pg_class c on c.oid = s.relid where s.schemaname = current_schema() and c.reltuples < 0`.execute(
      database.db,
    );
    assert.deepEqual(
      unknown.rows.map((r) => r.name),
      [],
      'every table has statistics for the planner, the empty and the never-changed ones too',
    );

    const after = await findingDue();
    assert.equal(after.found, 1, 'the message due is still found');
    assert.ok(after.pages <= before.pages, `after upkeep it reads ${after.pages} pages, against ${before.pages}`);
    assert.ok(after.pages < 30, `after upkeep it reads ${after.pages} pages`);
    const [message] = await database.db.selectFrom('outbox').select('status').where('status', '=', 'pending').execute();
    assert.equal(message?.status, 'pending', 'vacuuming removed nothing but old versions');
  });
});
