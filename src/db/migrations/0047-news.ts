/**
 * News and press releases (issue 23): posts written by the public relations staff, with a review
 * by a second officer when the administrator asks for one, photos, and links to the records they
 * are about (meetings, regulations, drafts, projects, consultations, members).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_rule')
    .addColumn('council_id', 'integer', (c) => c.primaryKey().references('council.id').onDelete('cascade'))
    .addColumn('second_officer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('news_post')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('paripurna', 'komisi', 'reses', 'kunjungan_kerja', 'siaran_pers')`),
    )
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'review', 'published')`))
    // When it is (or will be) public: a time in the future is a scheduled post.
    .addColumn('published_at', 'timestamptz')
    // A correction after publishing: when, and what changed (shown as "diperbarui").
    .addColumn('corrected_at', 'timestamptz')
    .addColumn('correction', 'text')
    .addColumn('photo_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('submitted_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('approved_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary), 'B') || setweight(to_tsvector('indonesian', body_text), 'C')`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('news_post_slug', ['council_id', 'slug'])
    .execute();
  await db.schema
    .createIndex('news_post_public')
    .on('news_post')
    .columns(['council_id', 'status', 'published_at'])
    .execute();
  await sql`create index news_post_search on news_post using gin (search)`.execute(db);
  await db.schema
    .createTable('news_photo')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('news_post.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('news_photo_post').on('news_photo').columns(['post_id', 'position']).execute();
  await db.schema
    .createTable('news_link')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('news_post.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('meeting', 'regulation', 'draft', 'project', 'consultation', 'member')`),
    )
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('news_link_once', ['post_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('news_link_target').on('news_link').columns(['kind', 'target_id']).execute();
}
