/**
 * The council's meetings: what, which body, when, where, open or closed, the agenda items, the
 * documents, and afterwards the minutes, decisions, attendance and recording. A change or a
 * cancellation is kept as a revision (and raises the iCalendar SEQUENCE); nothing is erased.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  // array_to_string is only STABLE; joining text with a space cannot change, so this wrapper may be
  // IMMUTABLE and used in the generated search column.
  await sql`create function agenda_text(items text[]) returns text language sql immutable parallel safe
    as $$ select array_to_string(items, ' ') $$`.execute(db);

  await timestamps(
    db.schema
      .createTable('meeting')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('uid', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`type in ('paripurna','komisi','gabungan_komisi','pansus','banggar','bamus','bapemperda','bk','rapat_kerja','rdp','rdpu','reses','konsultasi_publik')`,
          ),
      )
      .addColumn('body_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id').onDelete('set null'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('agenda_items', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ends_at', 'timestamptz')
      .addColumn('place', 'text')
      .addColumn('online_url', 'text')
      .addColumn('livestream_url', 'text')
      .addColumn('open', 'boolean', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled','cancelled')`),
      )
      .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('minutes', 'text')
      .addColumn('decisions', 'text')
      .addColumn('recording_url', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn(
        'search',
        sql`tsvector generated always as (
          setweight(to_tsvector('indonesian', title), 'A') ||
          setweight(to_tsvector('indonesian', agenda_text(agenda_items)), 'B') ||
          setweight(to_tsvector('indonesian', coalesce(decisions, '') || ' ' || coalesce(minutes, '')), 'C') ||
          setweight(to_tsvector('simple', title), 'D')
        ) stored`,
      ),
  ).execute();
  await db.schema.createIndex('meeting_time_idx').on('meeting').columns(['council_id', 'starts_at']).execute();
  await db.schema.createIndex('meeting_body_idx').on('meeting').column('body_id').execute();
  await db.schema.createIndex('meeting_updated_idx').on('meeting').column('updated_at').execute();
  await db.schema.createIndex('meeting_search_idx').on('meeting').using('gin').column('search').execute();

  await timestamps(
    db.schema
      .createTable('meeting_revision')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('note', 'text')
      .addColumn('changed_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('meeting_revision_idx').on('meeting_revision').columns(['meeting_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('meeting_attachment')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull().unique())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('meeting_attachment_idx').on('meeting_attachment').column('meeting_id').execute();

  await timestamps(
    db.schema
      .createTable('meeting_attendance')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id').onDelete('cascade'))
      .addColumn('presence', 'text', (c) =>
        c.notNull().check(sql`presence in ('hadir','izin','sakit','tanpa_keterangan')`),
      )
      .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'member_id']),
  ).execute();
  await db.schema.createIndex('meeting_attendance_member_idx').on('meeting_attendance').column('member_id').execute();
}
