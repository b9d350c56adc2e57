/**
 * Requests for public information that began as aspirations of the kind "permintaan informasi":
 * the aspiration's code is kept with the request (once: an aspiration becomes one request), and
 * what an aspiration never asked — the purpose, how to receive the answer, the address and the
 * identity number — stays empty until the applicant completes it by the private link. Two steps
 * join the history: moved from the aspiration, and completed by the applicant.
 *
 * And the documents an answer gives (PDF), kept with it and shown to its applicant alone.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('information_request').addColumn('aspiration_code', 'text').execute();
  await sql`create unique index information_request_aspiration on information_request (aspiration_code)
    where aspiration_code is not null`.execute(db);
  await sql`alter table information_request alter column purpose drop not null`.execute(db);
  await sql`alter table information_request alter column delivery drop not null`.execute(db);
  // Only a request moved from an aspiration may lack them.
  await sql`alter table information_request add constraint information_request_complete
    check (aspiration_code is not null or (purpose is not null and delivery is not null))`.execute(db);
  await sql`alter table information_request_step drop constraint information_request_step_kind_check`.execute(db);
  await sql`alter table information_request_step add constraint information_request_step_kind_check
    check (kind in ('diterima','dialihkan','dilengkapi','diperpanjang','dijawab','keberatan','keberatan_dijawab'))`.execute(
    db,
  );

  await db.schema
    .createTable('information_request_document')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('information_request.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull().unique())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('information_request_document_request')
    .on('information_request_document')
    .column('request_id')
    .execute();
}
