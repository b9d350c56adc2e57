/**
 * Programmes and infrastructure projects with dated progress updates and their photos, the
 * meetings that discussed them and the aspirations filed about them. Following by email becomes one
 * `subscription` table for every kind of subject (drafts until now had their own); the drafts'
 * followers move into it with their confirmations.
 */
import { type Kysely, sql } from 'kysely';

const statuses = sql`('perencanaan','pengadaan','berjalan','terhambat','selesai','dibatalkan')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('project')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('opd', 'text', (c) => c.notNull())
      .addColumn('komisi_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      .addColumn('kecamatan_id', 'integer', (c) => c.notNull().references('kecamatan.id'))
      .addColumn('kelurahan_id', 'integer', (c) => c.references('kelurahan.id'))
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('budget', 'bigint', (c) => c.notNull())
      .addColumn('realised', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('funding_source', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('contractor', 'text')
      .addColumn('starts_on', 'date')
      .addColumn('ends_on', 'date')
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress between 0 and 100`))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('perencanaan').check(sql`status in ${statuses}`))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn(
        'search',
        sql`tsvector generated always as (
          setweight(to_tsvector('indonesian', name), 'A') || setweight(to_tsvector('indonesian', description), 'B') ||
          setweight(to_tsvector('simple', name), 'C') || to_tsvector('simple', opd)
        ) stored`,
      ),
  ).execute();
  await db.schema
    .createIndex('project_place_idx')
    .on('project')
    .columns(['council_id', 'kecamatan_id', 'year'])
    .execute();
  await db.schema.createIndex('project_search_idx').on('project').using('gin').column('search').execute();

  await timestamps(
    db.schema
      .createTable('project_update')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
      .addColumn('happened_on', 'date', (c) => c.notNull())
      .addColumn('progress', 'integer', (c) => c.notNull().check(sql`progress between 0 and 100`))
      .addColumn('realised', 'bigint')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('project_update_idx')
    .on('project_update')
    .columns(['project_id', 'happened_on'])
    .execute();

  await timestamps(
    db.schema
      .createTable('project_photo')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('update_id', 'integer', (c) => c.notNull().references('project_update.id').onDelete('cascade'))
      .addColumn('file', 'text', (c) => c.notNull().unique())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('project_photo_idx').on('project_photo').column('update_id').execute();

  await timestamps(
    db.schema
      .createTable('project_meeting')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
      .addUniqueConstraint('project_meeting_unique', ['project_id', 'meeting_id']),
  ).execute();

  await db.schema
    .alterTable('aspiration')
    .addColumn('project_id', 'integer', (c) => c.references('project.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('aspiration_project_idx').on('aspiration').column('project_id').execute();

  await timestamps(
    db.schema
      .createTable('subscription')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('email_sealed', 'text', (c) => c.notNull())
      .addColumn('email_lookup', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('confirmed_at', 'timestamptz')
      .addUniqueConstraint('subscription_unique', ['subject_type', 'subject_id', 'email_lookup']),
  ).execute();
  // Ids are kept: the "stop" links already in people's mailboxes carry them.
  await sql`insert into subscription (id, subject_type, subject_id, email_sealed, email_lookup, token_hash, confirmed_at, created_at, updated_at)
    overriding system value
    select id, 'raperda', raperda_id, email_sealed, email_lookup, token_hash, confirmed_at, created_at, updated_at
    from raperda_follower`.execute(db);
  await sql`select setval(pg_get_serial_sequence('subscription', 'id'), coalesce((select max(id) from subscription), 0) + 1, false)`.execute(
    db,
  );
  await db.schema.dropTable('raperda_follower').execute();
}
