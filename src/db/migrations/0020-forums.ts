/**
 * Discussion forums: threads by komisi (and optionally kecamatan) started by citizens with an
 * account, replies in which members and staff carry the badge of their role, reports of abuse and
 * hidden posts with their reason, and links from a thread to a consultation or a meeting.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('forum_thread')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('body_id', 'integer', (c) => c.notNull().references('body.id').onDelete('cascade'))
      .addColumn('kecamatan_id', 'integer', (c) => c.references('kecamatan.id').onDelete('set null'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('consultation_id', 'integer', (c) => c.references('consultation.id').onDelete('set null'))
      .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id').onDelete('set null'))
      .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_post_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  ).execute();
  await db.schema
    .createIndex('forum_thread_body_idx')
    .on('forum_thread')
    .columns(['council_id', 'body_id', 'last_post_at'])
    .execute();
  await db.schema
    .createIndex('forum_thread_kecamatan_idx')
    .on('forum_thread')
    .columns(['kecamatan_id', 'last_post_at'])
    .execute();

  await timestamps(
    db.schema
      .createTable('forum_post')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('thread_id', 'integer', (c) => c.notNull().references('forum_thread.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('author_label', 'text', (c) => c.notNull().defaultTo(''))
      // The role the author spoke in, shown as a badge (member, staff…); null for a citizen.
      .addColumn('author_role', 'text', (c) =>
        c.check(sql`author_role in ('member','staff','moderator','administrator')`),
      )
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('published').check(sql`status in ('published','hidden')`),
      )
      .addColumn('hidden_reason', 'text')
      .addColumn('open_reports', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('forum_post_thread_idx').on('forum_post').columns(['thread_id', 'id']).execute();
  await db.schema.createIndex('forum_post_user_idx').on('forum_post').column('user_id').execute();

  await timestamps(
    db.schema
      .createTable('forum_report')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('post_id', 'integer', (c) => c.notNull().references('forum_post.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'timestamptz'),
  ).execute();
  await db.schema.createIndex('forum_report_post_idx').on('forum_report').column('post_id').execute();
}
