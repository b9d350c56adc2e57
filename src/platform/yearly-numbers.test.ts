import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../test/helpers/database.ts';
import type { OpenDatabase } from '../db/index.ts';
import { up as yearlyNumbersMigration } from '../db/migrations/0015-yearly-numbers.ts';
import { continueYearlyNumbers, nextYearlyNumber } from './yearly-numbers.ts';

let open: OpenDatabase;
before(async () => {
  open = await openTestDatabase({ seed: false });
});
after(() => open.close());

describe(`numbers that start again each year (${testEngine})`, () => {
  test('writers at the same moment each get their own number, 1 upward; a new year starts at 1', async () => {
    const { db } = open;
    const taken = await Promise.all(Array.from({ length: 40 }, () => nextYearlyNumber(db, 'aspiration', 2031)));
    assert.deepEqual(
      [...taken].sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(await nextYearlyNumber(db, 'aspiration', 2032), 1);
    // Two years numbered side by side (a late entry for last year) share one sequence: each year's
    // numbers still only grow, with a gap where the other year took one.
    const later = await nextYearlyNumber(db, 'aspiration', 2031);
    assert.ok(later > 40, `${later} follows 40`);
    assert.ok((await nextYearlyNumber(db, 'aspiration', 2032)) > 1);
  });

  test('after numbers loaded in bulk, the year continues after the last of them', async () => {
    const { db } = open;
    await continueYearlyNumbers(db, 'aspiration', 2033, 100_000);
    assert.equal(await nextYearlyNumber(db, 'aspiration', 2033), 100_001);
    assert.equal(await nextYearlyNumber(db, 'aspiration', 2033), 100_002);
  });

  test('a series name that is not a plain word is refused before it reaches a statement', async () => {
    await assert.rejects(nextYearlyNumber(open.db, "aspiration'; drop table council; --", 2031), /not a series name/);
  });

  test('the counters kept before the sequence carry on where each year stopped', async () => {
    // The migration, run in a schema of its own on one connection, over counters as they were.
    await open.db.connection().execute(async (conn) => {
      await sql`create schema before_sequence`.execute(conn);
      try {
        await sql`set search_path to before_sequence`.execute(conn);
        await sql`create table aspiration_counter (year integer primary key, last integer not null)`.execute(conn);
        await sql`insert into aspiration_counter values (2025, 812), (2026, 37)`.execute(conn);
        await yearlyNumbersMigration(conn);
        assert.equal(await nextYearlyNumber(conn, 'aspiration', 2026), 38);
        assert.equal(await nextYearlyNumber(conn, 'aspiration', 2026), 39);
        assert.equal(await nextYearlyNumber(conn, 'aspiration', 2027), 1);
        const left = await sql<{ n: number }>`
          select count(*)::int as n from information_schema.tables
          where table_schema = 'before_sequence' and table_name = 'aspiration_counter'`.execute(conn);
        assert.equal(left.rows[0]?.n, 0, 'the counter table is gone');
      } finally {
        await sql`set search_path to public`.execute(conn);
        await sql`drop schema before_sequence cascade`.execute(conn);
      }
    });
  });
});
