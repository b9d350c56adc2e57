/**
 * A legal documents repository in the manner of JDIH: regulations with their number, year, dates,
 * status and PDF, the text taken from the PDF for search, and the links between a document and
 * the ones it amends or revokes.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regulation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('perda','perwal','keputusan_dprd','peraturan_dprd','keputusan_pimpinan')`),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1945 and 2200`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('enacted_on', 'date', (c) => c.notNull())
    .addColumn('promulgated_on', 'date')
    .addColumn('register', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('berlaku').check(sql`status in ('berlaku','diubah','dicabut')`),
    )
    .addColumn('file', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn(
      'search',
      sql`tsvector generated always as (
        setweight(to_tsvector('indonesian', title), 'A') ||
        setweight(to_tsvector('indonesian', subject), 'B') ||
        setweight(to_tsvector('indonesian', left(text, 500000)), 'C') ||
        setweight(to_tsvector('simple', title || ' ' || number), 'D')
      ) stored`,
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('regulation_number_unique', ['council_id', 'type', 'year', 'number'])
    .execute();
  await db.schema.createIndex('regulation_search_idx').on('regulation').using('gin').column('search').execute();
  await db.schema.createIndex('regulation_list_idx').on('regulation').columns(['council_id', 'year', 'type']).execute();

  await db.schema
    .createTable('regulation_relation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('from_id', 'integer', (c) => c.notNull().references('regulation.id').onDelete('cascade'))
    .addColumn('to_id', 'integer', (c) => c.notNull().references('regulation.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('mengubah','mencabut')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('regulation_relation_unique', ['from_id', 'to_id', 'kind'])
    .addCheckConstraint('regulation_relation_not_self', sql`from_id <> to_id`)
    .execute();
  await db.schema.createIndex('regulation_relation_to_idx').on('regulation_relation').column('to_id').execute();
}
