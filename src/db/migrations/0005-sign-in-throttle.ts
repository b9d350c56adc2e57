/**
 * Failed sign-ins are counted per email address (by its HMAC), whether or not an account has
 * that address, so a lock-out message cannot tell anyone which addresses are registered.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('email_lookup', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('app_user').dropColumn('failed_sign_ins').execute();
  await db.schema.alterTable('app_user').dropColumn('locked_until').execute();
}
