/**
 * Spike alerts (issue 21, point 3): the komisi of a category is mailed when its aspirations in a
 * kecamatan spike. One row per alert sent, so a spike still running is told once a week, not on
 * every run of the job.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spike_alert')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('aspiration_category.id').onDelete('cascade'))
    .addColumn('kecamatan_id', 'integer', (c) => c.notNull().references('kecamatan.id').onDelete('cascade'))
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('before', 'double precision', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('spike_alert_cell')
    .on('spike_alert')
    .columns(['council_id', 'category_id', 'kecamatan_id', 'created_at'])
    .execute();
}
