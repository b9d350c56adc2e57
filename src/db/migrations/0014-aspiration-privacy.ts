/**
 * What outside testers found about aspirations' privacy: passages staff hide from public view,
 * attempt counters that hold across addresses (tracking lookups per code and per contact), and
 * supporters' addresses that receive mail only after they confirm: the addresses move into the
 * `subscription` table (unconfirmed, so nothing is sent to them until they follow again) and the
 * supporter rows keep only the lookup that stops one address supporting twice.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('aspiration')
    .addColumn('hidden_passages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  await db.schema
    .createTable('attempt_window')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A token nobody holds: the old supporters were never asked, so their rows stay unconfirmed.
  await sql`insert into subscription (subject_type, subject_id, email_sealed, email_lookup, token_hash, created_at, updated_at)
    select 'aspiration', aspiration_id, email_sealed, email_lookup, 'unusable:' || gen_random_uuid()::text, created_at, updated_at
    from aspiration_supporter where email_sealed is not null and email_lookup is not null
    on conflict do nothing`.execute(db);
  await db.schema.alterTable('aspiration_supporter').dropColumn('email_sealed').execute();
}
