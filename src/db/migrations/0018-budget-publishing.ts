/**
 * A budget file no longer goes live at once: an officer checks the difference against the version
 * in force and confirms (checked_by), then it is published on a second confirmation — by another
 * officer when the council's rule asks for one. The rule and the share of change that warns are
 * the council's, one row each.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('budget_upload')
    .addColumn('checked_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('checked_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('budget_rule')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().unique().references('council.id').onDelete('cascade'))
    .addColumn('warn_percent', 'integer', (c) => c.notNull().defaultTo(10).check(sql`warn_percent between 1 and 100`))
    .addColumn('second_officer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
