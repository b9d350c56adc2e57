/**
 * Tracking numbers that start again each year (ASP-2026-000123) come from a sequence instead of a
 * counter row: every submission updated that row, and held its lock until its own commit reached
 * the disk, so under load submissions queued behind one another for a number. A year's number is
 * now the sequence's value less a base recorded for the year (platform/yearly-numbers.ts). The
 * counters kept so far become bases that continue each year where it stopped.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('yearly_number')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('base', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('yearly_number_series_year_key', ['series', 'year'])
    .execute();
  await sql`create sequence aspiration_number`.execute(db);
  // The sequence's first value is 1: a base of -last makes the year's next number last + 1.
  await sql`insert into yearly_number (series, year, base) select 'aspiration', year, -last from aspiration_counter`.execute(
    db,
  );
  await db.schema.dropTable('aspiration_counter').execute();
}
