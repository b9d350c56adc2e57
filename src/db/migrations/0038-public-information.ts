/**
 * The register of public information (Daftar Informasi Publik, UU 14/2008 KIP): what the council
 * holds, in the law's four kinds — announced periodically (Pasal 9), announced at once (Pasal 10),
 * available at any time on request (Pasal 11), exempted (Pasal 17, with the article and why) —
 * each with its summary, the officer responsible, its form, how long it is kept and where it is.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_information')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('officer', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull().check(sql`form in ('cetak', 'elektronik', 'keduanya')`))
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('exemption', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn(
      'search',
      sql`tsvector generated always as (
        setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary), 'B') ||
        setweight(to_tsvector('simple', title), 'C') || setweight(to_tsvector('simple', summary), 'D')
      ) stored`,
    )
    .addCheckConstraint('public_information_exemption', sql`(category = 'dikecualikan') = (exemption is not null)`)
    .execute();
  await db.schema
    .createIndex('public_information_council')
    .on('public_information')
    .columns(['council_id', 'category', 'title'])
    .execute();
  await db.schema
    .createIndex('public_information_search')
    .on('public_information')
    .using('gin')
    .column('search')
    .execute();
}
