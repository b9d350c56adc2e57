/**
 * Routing aspirations by the model without a person (issue 21, point 5): off until an
 * administrator switches it on for chosen categories, and then only where the category's measured
 * precision reaches the level they set. A suggestion so applied is marked 'applied'; an officer
 * may still change the category, which marks it 'corrected' and teaches the next model.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('category_auto_route')
    .addColumn('council_id', 'integer', (c) => c.primaryKey().references('council.id').onDelete('cascade'))
    // The precision on the held-out aspirations (0–1) a category needs before it is applied.
    .addColumn('min_precision', 'double precision', (c) =>
      c.notNull().check(sql`min_precision >= 0.5 and min_precision <= 1`),
    )
    // The categories the administrator switched on (aspiration_category ids).
    .addColumn('categories', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table category_suggestion drop constraint category_suggestion_outcome_check`.execute(db);
  await sql`alter table category_suggestion add constraint category_suggestion_outcome_check
    check (outcome in ('accepted', 'corrected', 'applied'))`.execute(db);
}
