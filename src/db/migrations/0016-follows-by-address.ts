/**
 * A person's account page lists what their address follows, and erasing the account ends those
 * follows: both look subscriptions up by the address alone, which the unique key (subject first)
 * cannot serve.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('subscription_email_lookup_idx').on('subscription').column('email_lookup').execute();
}
