/**
 * What outside testers found about aspirations' privacy: passages staff hide from public view
 * (and a search index for the public that holds neither them nor contact details typed in text),
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
  // The public list searches what the public may read: without the hidden passages, email
  // addresses, phone numbers or NIKs (so a search for someone's number finds nothing). Staff
  // search the whole text through the \`search\` column, as before.
  await sql`create function aspiration_public_text(body text, hidden text[]) returns text
    language plpgsql immutable as $$
    declare
      passage text;
      result text := body;
    begin
      foreach passage in array hidden loop
        result := replace(result, passage, ' ');
      end loop;
      result := regexp_replace(result, '[^\\s@]+@[^\\s@]+', ' ', 'g');
      result := regexp_replace(result, '(\\+?62|\\m0)[0-9\\s.()-]{7,}[0-9]|[0-9]{16}', ' ', 'g');
      return result;
    end $$`.execute(db);
  await db.schema
    .alterTable('aspiration')
    .addColumn('public_search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`
          setweight(to_tsvector('indonesian', aspiration_public_text(title, hidden_passages)), 'A') ||
          setweight(to_tsvector('indonesian', aspiration_public_text(description, hidden_passages)), 'B') ||
          setweight(to_tsvector('simple', aspiration_public_text(title, hidden_passages)), 'C') ||
          setweight(to_tsvector('simple', aspiration_public_text(description, hidden_passages)), 'D')`)
        .stored(),
    )
    .execute();
  await db.schema
    .createIndex('aspiration_public_search_idx')
    .on('aspiration')
    .using('gin')
    .column('public_search')
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
