/**
 * The regional budget (APBD) as imported from the region's own files: one row per detail account
 * line, per year and stage (murni, perubahan); upper levels are sums by code prefix. An upload is
 * kept for its preview until it is saved, which replaces that year and stage at once.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('budget_line')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('murni','perubahan')`))
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('opd', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('program_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kegiatan_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subkegiatan_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned', 'bigint', (c) => c.notNull())
    .addColumn('realised', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('budget_line_idx')
    .on('budget_line')
    .columns(['council_id', 'year', 'stage', 'account_code'])
    .execute();

  await db.schema
    .createTable('budget_upload')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('murni','perubahan')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
